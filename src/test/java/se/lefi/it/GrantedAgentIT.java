package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.contract.core.v1.DecisionType;
import se.lefi.contract.core.v1.InformationTypeCode;
import se.lefi.contract.core.v1.PurposeCode;
import se.lefi.contract.getbenefitinformation.v1.GetBenefitInformationResponseType;
import se.lefi.contract.getbenefitinformation.v1.GetBenefitInformationType;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.PersonRecord;

/** An agent (ombud) acting for the municipality under a live assignment asks under the municipality's legal basis. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GrantedAgentIT {

    @Test
    void agentForMunicipality() throws Exception {
        LocalDate from = Questions.TODAY.minusYears(2).plusDays(1);
        PersonRecord person = Questions.personWith(InformationType.SJP, from, Questions.TODAY);
        GetBenefitInformationType question = Questions.question(person.person().personId(), from, Questions.TODAY,
                PurposeCode.SOCIAL_SERVICES, InformationTypeCode.SJP);
        question.setCaseId("SOC-2026-0099");
        question.setPrincipalOrganisationNumber("16" + DemoRegister.MUNICIPALITY);

        GetBenefitInformationResponseType answer = LefiServer.lefiOnline("agent").getBenefitInformation(question);

        assertEquals(Questions.decisionsIn(person, Set.of(InformationType.SJP), from, Questions.TODAY),
                answer.getDecision().stream().map(DecisionType::getDecisionId).collect(Collectors.toSet()));
        JsonObject audit = AdminApi.auditRecord(answer.getRequestId());
        assertEquals("GRANTED", audit.getString("outcome"));
        assertEquals("5569000036", audit.getString("organisationNumber"));
        assertEquals(DemoRegister.MUNICIPALITY, audit.getString("principalOrganisationNumber"));
        assertEquals("SOC-2026-0099", audit.getString("caseId"));
    }
}
