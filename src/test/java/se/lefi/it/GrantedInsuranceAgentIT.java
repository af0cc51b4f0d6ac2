package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.contract.core.v1.DeviationCode;
import se.lefi.contract.core.v1.DeviationType;
import se.lefi.contract.core.v1.InformationTypeCode;
import se.lefi.contract.core.v1.PurposeCode;
import se.lefi.contract.getbenefitinformation.v1.GetBenefitInformationResponseType;
import se.lefi.contract.getbenefitinformation.v1.GetBenefitInformationType;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.PersonRecord;

/**
 * An insurance agent managing a claim, with the individual's consent. Its agreement does not allow
 * pensions (AP): they are left out and reported as a deviation, not refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GrantedInsuranceAgentIT {

    @Test
    void claimManagementWithConsent() throws Exception {
        LocalDate from = Questions.TODAY.minusYears(2).plusDays(1);
        PersonRecord person = Questions.personWith(InformationType.SJP, from, Questions.TODAY);
        GetBenefitInformationType question = Questions.question(person.person().personId(), from, Questions.TODAY,
                PurposeCode.CLAIM_MANAGEMENT, InformationTypeCode.SJP, InformationTypeCode.AP);
        question.setConsent(Questions.consent("SAMTYCKE-77", Questions.TODAY.minusDays(3)));

        GetBenefitInformationResponseType answer = LefiServer.lefiOnline("insurance-agent").getBenefitInformation(question);

        assertEquals(1, answer.getDeviation().size());
        DeviationType deviation = answer.getDeviation().get(0);
        assertEquals(InformationTypeCode.AP, deviation.getInformationType());
        assertEquals(DeviationCode.UNAUTHORISED, deviation.getCode());
        assertTrue(answer.getDecision().stream().allMatch(d -> d.getBenefit() == InformationTypeCode.SJP));
        assertEquals(List.of(InformationTypeCode.SJP), answer.getSourceStatus().stream().map(s -> s.getInformationType()).toList());

        JsonObject audit = AdminApi.auditRecord(answer.getRequestId());
        assertEquals("GRANTED", audit.getString("outcome"));
        assertEquals("SJP", audit.getString("typesReturned"));
        assertEquals("AP", audit.getString("typesWithheld"));
        assertTrue(audit.getString("consentReference").contains("SAMTYCKE-77"));
        assertTrue(audit.getString("legalBasis").contains("114 kap. 26 §"));
        assertTrue(!audit.containsKey("caseId") || audit.isNull("caseId"), "no case was named");
    }
}
