package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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

/**
 * A municipality's social services, with an open case, over four years: its agreement allows periods
 * over two years. General person information (GEPI) comes with the answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GrantedAuthorityIT {

    @Test
    void socialServicesWithOpenCaseOverFourYears() throws Exception {
        LocalDate from = Questions.TODAY.minusYears(4);
        PersonRecord person = Questions.personWith(InformationType.SJP, from, Questions.TODAY);
        GetBenefitInformationType question = Questions.question(person.person().personId(), from, Questions.TODAY,
                PurposeCode.SOCIAL_SERVICES, InformationTypeCode.SJP, InformationTypeCode.FP, InformationTypeCode.GEPI);
        question.setCaseId("SOC-2026-0042");

        GetBenefitInformationResponseType answer = LefiServer.lefiOnline("municipality").getBenefitInformation(question);

        assertEquals(Questions.decisionsIn(person, Set.of(InformationType.SJP, InformationType.FP), from, Questions.TODAY),
                answer.getDecision().stream().map(DecisionType::getDecisionId).collect(Collectors.toSet()));
        assertNotNull(answer.getPersonInformation());
        assertEquals(person.person().municipalityCode(), answer.getPersonInformation().getMunicipalityCode());
        assertEquals(person.person().birthDate().toString(), answer.getPersonInformation().getBirthDate().toXMLFormat());

        JsonObject audit = AdminApi.auditRecord(answer.getRequestId());
        assertEquals("GRANTED", audit.getString("outcome"));
        assertEquals("SOC-2026-0042", audit.getString("caseId"));
        assertEquals(DemoRegister.MUNICIPALITY, audit.getString("organisationNumber"));
    }
}
