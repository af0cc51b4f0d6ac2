package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.contract.core.v1.FaultCode;
import se.lefi.contract.core.v1.InformationTypeCode;
import se.lefi.contract.core.v1.PurposeCode;
import se.lefi.contract.getbenefitinformation.v1.GetBenefitInformationType;
import se.lefi.contract.lefionline.v1.LefiFault;

/**
 * An agent's assignment from the municipality, started and ceased through the admin API: its
 * questions succeed until the cessation takes effect, and are refused from its date.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentAssignmentLifecycleIT {
    private static final String AGENT = "5569000127";
    private static final String NAME = "Uppdragstestet Ombud AB";
    private static final String ALIAS = "assignment-agent";
    private static final LocalDate TODAY = Questions.TODAY;

    @Test
    void startAndCease() throws Exception {
        LefiServer.issueCertificate(ALIAS, NAME, AGENT);
        AdminApi.post("/organisations", """
                {"organisationNumber": "%s", "name": "%s", "kind": "AGENT", "interfaces": ["SYSTEM_TO_SYSTEM"],
                 "purposes": ["SOCIAL_SERVICES"], "contact": "Driftansvarig"}""".formatted(AGENT, NAME), 201);
        AdminApi.post("/organisations/" + AGENT + "/agreement", "{\"informationTypes\": [\"SJP\", \"FP\"]}", 200);
        AdminApi.post("/organisations/" + AGENT + "/agreement/signatures", "{\"party\": \"ORGANISATION\", \"signedOn\": \"" + TODAY + "\"}", 200);
        AdminApi.post("/organisations/" + AGENT + "/agreement/signatures", "{\"party\": \"AGENCY\", \"signedOn\": \"" + TODAY + "\"}", 200);
        assertEquals(FaultCode.NO_LIVE_ASSIGNMENT, fault());

        AdminApi.assertRefused("/organisations/" + DemoRegister.INSURER + "/assignments", assignment(DemoRegister.MUNICIPALITY), "NOT_AN_AGENT");
        AdminApi.assertRefused("/organisations/" + AGENT + "/assignments", assignment(DemoRegister.INSURER), "PRINCIPAL_NOT_AN_AUTHORITY");
        JsonObject assigned = AdminApi.post("/organisations/" + AGENT + "/assignments", assignment(DemoRegister.MUNICIPALITY), 200);
        assertEquals(true, assigned.getJsonArray("assignments").getJsonObject(0).getBoolean("live"));
        AdminApi.assertRefused("/organisations/" + AGENT + "/assignments", assignment(DemoRegister.MUNICIPALITY), "ASSIGNMENT_EXISTS");
        LefiServer.lefiOnline(ALIAS).getBenefitInformation(question());

        String cessation = "/organisations/" + AGENT + "/assignments/" + DemoRegister.MUNICIPALITY + "/cessation";
        AdminApi.post(cessation, "{\"from\": \"" + TODAY.plusDays(1) + "\"}", 200);
        LefiServer.lefiOnline(ALIAS).getBenefitInformation(question());

        AdminApi.post(cessation, "{\"from\": \"" + TODAY + "\"}", 200);
        assertEquals(FaultCode.NO_LIVE_ASSIGNMENT, fault());
        AdminApi.assertRefused(cessation, "{\"from\": \"" + TODAY + "\"}", "NO_LIVE_ASSIGNMENT");
    }

    private static GetBenefitInformationType question() {
        GetBenefitInformationType question = Questions.question(DemoRegister.PERSON, TODAY.minusMonths(6), TODAY,
                PurposeCode.SOCIAL_SERVICES, InformationTypeCode.SJP);
        question.setCaseId("SOC-2026-7");
        question.setPrincipalOrganisationNumber(DemoRegister.MUNICIPALITY);
        return question;
    }

    private static FaultCode fault() {
        return assertThrows(LefiFault.class, () -> LefiServer.lefiOnline(ALIAS).getBenefitInformation(question())).getFaultInfo().getCode();
    }

    private static String assignment(String principal) {
        return "{\"principal\": \"%s\", \"from\": \"%s\"}".formatted(principal, TODAY);
    }
}
