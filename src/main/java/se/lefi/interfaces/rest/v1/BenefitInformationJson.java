package se.lefi.interfaces.rest.v1;

import se.lefi.domain.time.SwedishTime;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import se.lefi.application.access.AvailablePurpose;
import se.lefi.application.access.BenefitAnswer;
import se.lefi.domain.access.BenefitQuestion;
import se.lefi.domain.access.ConsentReference;
import se.lefi.domain.access.Identifiers;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.register.Decision;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.Sgi;

/**
 * The JSON twin of the LEFI Online contract: every name is the element name of the SOAP contract
 * (xsd/), with the same meaning, so a caller can move between the two field by field. Lists keep the
 * contract's singular element names (decision, payment, ...).
 */
public final class BenefitInformationJson {
    private BenefitInformationJson() {
    }

    // Request bodies are classes with public fields: Payara's OpenAPI generator cannot read Bean
    // Validation annotations on record components.

    /** GetBenefitInformation's request; the principal is the path's actor when it is not the caller. */
    public static class Query {
        @NotBlank @Size(max = 13) public String personId;
        @NotNull @Valid public Period period;
        @NotNull @Size(min = 1) public List<@NotNull InformationType> informationType;
        @NotNull public Purpose purpose;
        @Valid public Consent consent;
        @Size(min = 1, max = Identifiers.MAX_LENGTH) @Pattern(regexp = Identifiers.PATTERN) public String caseId;
        @Size(min = 1, max = Identifiers.MAX_LENGTH) @Pattern(regexp = Identifiers.PATTERN) public String correlationId;

        public BenefitQuestion question(String principalOrganisationNumber) {
            return new BenefitQuestion(personId, period.from, period.tom, informationType, purpose,
                    consent == null ? null : new ConsentReference(consent.consentId, consent.givenOn, consent.scope),
                    caseId, principalOrganisationNumber, correlationId);
        }
    }

    public static class Period {
        @NotNull public LocalDate from;
        @NotNull public LocalDate tom;
    }

    public static class Consent {
        @NotBlank @Size(max = Identifiers.MAX_LENGTH) @Pattern(regexp = Identifiers.PATTERN) public String consentId;
        @NotNull public LocalDate givenOn;
        @NotBlank @Size(max = 200) public String scope;
    }

    public record PeriodOut(LocalDate from, LocalDate tom) {
    }

    public record PersonInformation(LocalDate birthDate, boolean coordinationNumber, String municipalityCode) {
    }

    public record SourceStatus(InformationType informationType, String status) {
    }

    public record Deviation(InformationType informationType, String code, String message) {
    }

    public record Extent(int numerator, int denominator) {
    }

    public record DailyPayment(LocalDate from, LocalDate tom, BigDecimal amountPerDay) {
    }

    public record DecisionOut(String decisionId, InformationType benefit, LocalDate caseStart, boolean caseActive,
                              LocalDate decisionDate, @JsonbProperty("final") boolean finalDecision, PeriodOut period,
                              Extent extent, BigDecimal days, boolean waitingDayDeduction, String outcome, String decisionType,
                              BigDecimal compensationLevel, List<DailyPayment> dailyPayment) {
        public static DecisionOut of(Decision d) {
            return new DecisionOut(d.decisionId(), d.benefit(), d.caseStart(), d.caseActive(), d.decisionDate(), d.finalDecision(),
                    new PeriodOut(d.periodFrom(), d.periodTom()), new Extent(d.extent().numerator(), d.extent().denominator()),
                    d.days(), d.waitingDayDeduction(), d.outcome(), d.decisionType(), d.compensationLevel(),
                    List.of(new DailyPayment(d.periodFrom(), d.periodTom(), d.dailyAmount())));
        }
    }

    public record PaymentOut(String paymentId, InformationType benefit, LocalDate paymentDate, PeriodOut period,
                             BigDecimal grossAmount, BigDecimal tax, BigDecimal deductions, BigDecimal netAmount) {
        public static PaymentOut of(Payment p) {
            return new PaymentOut(p.paymentId(), p.benefit(), p.paymentDate(), new PeriodOut(p.periodFrom(), p.periodTom()),
                    p.grossAmount(), p.tax(), p.deductions(), p.netAmount());
        }
    }

    public record IncomeSource(String kind, String description, BigDecimal annualAmount) {
    }

    public record SgiOut(LocalDate setOn, String sgiType, BigDecimal annualIncome, List<IncomeSource> incomeSource) {
        public static SgiOut of(Sgi s) {
            return new SgiOut(s.setOn(), s.sgiType(), s.annualIncome(), s.incomeSources().stream()
                    .map(i -> new IncomeSource(i.kind().name(), i.description(), i.annualAmount())).toList());
        }
    }

    /** GetBenefitInformation's response. */
    public record Answer(String requestId, String correlationId, OffsetDateTime registerTime, String personId,
                         PersonInformation personInformation, List<SourceStatus> sourceStatus, List<Deviation> deviation,
                         List<DecisionOut> decision, List<PaymentOut> payment, List<SgiOut> sgi) {
        public static Answer of(String requestId, BenefitAnswer a) {
            // Milliseconds, as xs:dateTime carries it in the SOAP answer.
            return new Answer(requestId, a.correlationId(),
                    a.registerTime().truncatedTo(ChronoUnit.MILLIS).atZone(SwedishTime.ZONE).toOffsetDateTime(),
                    a.personId(),
                    a.personInformation() == null ? null : new PersonInformation(a.personInformation().birthDate(),
                            a.personInformation().coordinationNumber(), a.personInformation().municipalityCode()),
                    a.sources().entrySet().stream().map(e -> new SourceStatus(e.getKey(), e.getValue().name())).toList(),
                    a.withheld().stream().map(t -> new Deviation(t, "UNAUTHORISED",
                            BenefitAnswer.WITHHELD_MESSAGE)).toList(),
                    a.decisions().stream().map(DecisionOut::of).toList(),
                    a.payments().stream().map(PaymentOut::of).toList(),
                    a.sgi().stream().map(SgiOut::of).toList());
        }
    }

    /** GetAvailableInformationTypes' answer, one per purpose. */
    public record AvailablePurposeOut(Purpose purpose, String legalBasis, String condition, List<InformationType> informationType) {
        public static AvailablePurposeOut of(AvailablePurpose p) {
            return new AvailablePurposeOut(p.legalBasis().purpose(), p.legalBasis().citation(), p.legalBasis().condition().name(),
                    List.copyOf(p.informationTypes()));
        }
    }

    public record AvailableInformationTypes(List<AvailablePurposeOut> purpose) {
    }
}
