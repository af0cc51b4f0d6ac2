package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.contract.core.v1.DecisionType;
import se.lefi.contract.core.v1.InformationTypeCode;
import se.lefi.contract.core.v1.PaymentType;
import se.lefi.contract.core.v1.PurposeCode;
import se.lefi.contract.core.v1.SourceStatusCode;
import se.lefi.contract.core.v1.SourceStatusType;
import se.lefi.contract.getbenefitinformation.v1.GetBenefitInformationResponseType;
import se.lefi.contract.getbenefitinformation.v1.GetBenefitInformationType;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.PersonRecord;

/** An insurer coordinating compensation (no consent needed) gets the register's data, and it is audited. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GrantedInsurerIT {

    @Test
    void coordinationOfCompensation() throws Exception {
        LocalDate from = Questions.TODAY.minusYears(2).plusDays(1);
        LocalDate tom = Questions.TODAY;
        PersonRecord person = Questions.personWith(InformationType.SJP, from, tom);
        GetBenefitInformationType question = Questions.question(person.person().personId(), from, tom,
                PurposeCode.COORDINATION_OF_COMPENSATION, InformationTypeCode.SJP, InformationTypeCode.SGI);
        question.setCorrelationId("insurer-claim-4711");

        GetBenefitInformationResponseType answer = LefiServer.lefiOnline("insurer").getBenefitInformation(question);

        assertEquals(person.person().personId(), answer.getPersonId());
        assertEquals("insurer-claim-4711", answer.getCorrelationId());
        assertEquals(Questions.decisionsIn(person, Set.of(InformationType.SJP), from, tom),
                answer.getDecision().stream().map(DecisionType::getDecisionId).collect(Collectors.toSet()));
        assertEquals(Questions.paymentsIn(person, Set.of(InformationType.SJP), from, tom),
                answer.getPayment().stream().map(PaymentType::getPaymentId).collect(Collectors.toSet()));
        answer.getPayment().forEach(p -> assertEquals(p.getGrossAmount().subtract(p.getTax()).subtract(p.getDeductions()), p.getNetAmount()));
        assertTrue(answer.getDeviation().isEmpty(), "the insurer's agreement allows every type");
        assertEquals(SourceStatusCode.OK, status(answer, InformationTypeCode.SJP));
        assertNull(answer.getPersonInformation(), "GEPI was not asked for");

        JsonObject audit = AdminApi.auditRecord(answer.getRequestId());
        assertEquals("GRANTED", audit.getString("outcome"));
        assertEquals(DemoRegister.INSURER, audit.getString("organisationNumber"));
        assertEquals(person.person().personId(), audit.getString("personId"));
        assertEquals("COORDINATION_OF_COMPENSATION", audit.getString("purpose"));
        assertTrue(audit.getString("legalBasis").contains("110 kap. 39 §"));
        assertEquals("SGI,SJP", audit.getString("typesReturned"));
        assertEquals("insurer-claim-4711", audit.getString("correlationId"));
        // The answer states the register time to the millisecond; the audit record keeps it finer.
        assertEquals(answer.getRegisterTime().toGregorianCalendar().toInstant(),
                Instant.parse(audit.getString("registerTime")).truncatedTo(ChronoUnit.MILLIS));
        assertFalse(audit.getString("certificateFingerprint").isBlank());
    }

    @Test
    void aPersonNotInTheRegisterIsMissingNotAnError() throws Exception {
        String outsideTheDemoRegister = se.lefi.dev.register.SyntheticRegister.personId(Questions.DEMO_PERSONS + 5);
        GetBenefitInformationResponseType answer = LefiServer.lefiOnline("insurer").getBenefitInformation(
                Questions.question(outsideTheDemoRegister, Questions.TODAY.minusMonths(3), Questions.TODAY,
                        PurposeCode.COORDINATION_OF_COMPENSATION, InformationTypeCode.SJP));

        assertTrue(answer.getDecision().isEmpty());
        assertEquals(SourceStatusCode.MISSING, status(answer, InformationTypeCode.SJP));
        assertEquals("GRANTED", AdminApi.auditRecord(answer.getRequestId()).getString("outcome"));
    }

    static SourceStatusCode status(GetBenefitInformationResponseType answer, InformationTypeCode type) {
        return answer.getSourceStatus().stream().filter(s -> s.getInformationType() == type)
                .map(SourceStatusType::getStatus).findFirst().orElse(null);
    }
}
