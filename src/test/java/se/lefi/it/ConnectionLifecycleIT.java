package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import se.lefi.contract.ping.v1.PingType;

/**
 * The whole connection lifecycle through the admin API, for an organisation the test registers
 * itself: each transition, each illegal step (409, nothing changed), and LEFI Online's answers
 * changing at once — not connected, not signed, connected, still connected the day before the
 * termination takes effect, terminated from its date.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConnectionLifecycleIT {
    private static final String NUMBER = "5569000101";
    private static final String NAME = "Livscykel Försäkring AB";
    private static final String ALIAS = "lifecycle-insurer";
    private static final LocalDate TODAY = Questions.TODAY;

    @Test
    void fromRequestToTermination() throws Exception {
        LefiServer.issueCertificate(ALIAS, NAME, NUMBER);
        assertEquals(FaultCode.NOT_CONNECTED, pingFault());

        JsonObject requested = AdminApi.post("/organisations", """
                {"organisationNumber": "16%s", "name": "%s", "kind": "INSURER", "interfaces": ["SYSTEM_TO_SYSTEM"],
                 "purposes": ["COORDINATION_OF_COMPENSATION"], "contact": "Avtalsansvarig, tel 010-000 00 00"}
                """.formatted(NUMBER, NAME), 201);
        assertEquals("REQUESTED", requested.getString("state"));
        assertEquals(FaultCode.NOT_CONNECTED, pingFault());
        AdminApi.assertRefused("/organisations/" + NUMBER + "/agreement/signatures", AdminApi.signature("ORGANISATION", TODAY), "AGREEMENT_NOT_SENT");
        AdminApi.assertRefused("/organisations", """
                {"organisationNumber": "%s", "name": "Dubblett", "kind": "INSURER", "interfaces": ["SYSTEM_TO_SYSTEM"],
                 "purposes": [], "contact": "x"}""".formatted(NUMBER), "ALREADY_REGISTERED");

        JsonObject sent = AdminApi.post("/organisations/" + NUMBER + "/agreement",
                "{\"informationTypes\": [\"SJP\", \"SGI\"], \"longPeriodsAllowed\": false}", 200);
        assertEquals("SENT", sent.getString("state"));
        AdminApi.assertRefused("/organisations/" + NUMBER + "/agreement", "{\"informationTypes\": [\"SJP\"]}", "AGREEMENT_ALREADY_SENT");
        AdminApi.assertRefused("/organisations/" + NUMBER + "/termination", termination(NAME, TODAY), "NOT_CONNECTED");
        assertEquals(FaultCode.AGREEMENT_NOT_SIGNED, pingFault());

        JsonObject halfSigned = AdminApi.post("/organisations/" + NUMBER + "/agreement/signatures", AdminApi.signature("ORGANISATION", TODAY), 200);
        assertEquals("SIGNED_BY_ONE_PARTY", halfSigned.getString("state"));
        AdminApi.assertRefused("/organisations/" + NUMBER + "/agreement/signatures", AdminApi.signature("ORGANISATION", TODAY), "ALREADY_SIGNED");
        assertEquals(FaultCode.AGREEMENT_NOT_SIGNED, pingFault());

        JsonObject connected = AdminApi.post("/organisations/" + NUMBER + "/agreement/signatures", AdminApi.signature("AGENCY", TODAY), 200);
        assertEquals("IN_FORCE", connected.getString("state"));
        LefiServer.lefiOnline(ALIAS).ping(new PingType());
        assertEquals(1, LefiServer.lefiOnline(ALIAS).getBenefitInformation(Questions.question(DemoRegister.PERSON,
                TODAY.minusMonths(6), TODAY, PurposeCode.COORDINATION_OF_COMPENSATION, InformationTypeCode.SJP, InformationTypeCode.FP))
                .getDeviation().size(), "FP is outside the agreement sent");

        AdminApi.assertRefused("/organisations/" + NUMBER + "/termination", termination("Fel Namn AB", TODAY), "NAME_MISMATCH");
        AdminApi.post("/organisations/" + NUMBER + "/termination", termination(NAME, TODAY.plusDays(1)), 200);
        LefiServer.lefiOnline(ALIAS).ping(new PingType());

        JsonObject terminated = AdminApi.post("/organisations/" + NUMBER + "/termination", termination(NAME, TODAY), 200);
        assertEquals("TERMINATED", terminated.getString("state"));
        assertEquals(FaultCode.AGREEMENT_TERMINATED, pingFault());
        AdminApi.assertRefused("/organisations/" + NUMBER + "/termination", termination(NAME, TODAY), "ALREADY_TERMINATED");
        AdminApi.assertRefused("/organisations/" + NUMBER + "/agreement/signatures", AdminApi.signature("AGENCY", TODAY), "ALREADY_TERMINATED");

        HttpResponse<String> log = AdminApi.get("admin", "/actions?max=50");
        assertEquals(200, log.statusCode());
        assertFalse(log.body().isBlank());
    }

    @Test
    void invalidInputIsAProblemThatEchoesNothing() throws Exception {
        HttpResponse<String> badNumber = AdminApi.post("admin", "/organisations", """
                {"organisationNumber": "5569000102", "name": "X", "kind": "INSURER", "interfaces": ["WEB"], "purposes": [], "contact": "x"}""");
        assertEquals(400, badNumber.statusCode());
        assertEquals("INVALID_ORGANISATION_NUMBER", AdminApi.json(badNumber.body()).getString("code"));
        assertFalse(badNumber.body().contains("5569000102"));

        HttpResponse<String> missing = AdminApi.post("admin", "/organisations", "{\"organisationNumber\": \"5569000119\"}");
        assertEquals(400, missing.statusCode(), missing.body());
        assertEquals("INVALID_REQUEST", AdminApi.json(missing.body()).getString("code"));
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> notJson = AdminApi.post("admin", "/organisations", "{not json");
        assertEquals(400, notJson.statusCode(), notJson.body());
    }

    @Test
    void anOrganisationsCertificateMayNotAdminister() throws Exception {
        HttpResponse<String> response = AdminApi.post("insurer", "/organisations/" + NUMBER + "/termination", termination(NAME, TODAY));
        assertEquals(403, response.statusCode());
    }

    private static FaultCode pingFault() {
        return Refusals.pingFault(ALIAS);
    }

    private static String termination(String name, LocalDate from) {
        return "{\"name\": \"%s\", \"from\": \"%s\"}".formatted(name, from);
    }
}
