package se.lefi.interfaces.soap;

import se.lefi.domain.time.SwedishTime;
import java.time.Instant;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import java.math.BigInteger;
import java.time.LocalDate;
import javax.xml.datatype.DatatypeConstants;
import se.lefi.application.access.AvailablePurpose;
import se.lefi.application.access.BenefitAnswer;
import se.lefi.contract.core.v1.ConsentReferenceType;
import se.lefi.contract.core.v1.DailyPaymentType;
import se.lefi.contract.core.v1.DecisionType;
import se.lefi.contract.core.v1.DeviationCode;
import se.lefi.contract.core.v1.DeviationType;
import se.lefi.contract.core.v1.ExtentType;
import se.lefi.contract.core.v1.IncomeSourceKind;
import se.lefi.contract.core.v1.IncomeSourceType;
import se.lefi.contract.core.v1.PaymentType;
import se.lefi.contract.core.v1.PeriodType;
import se.lefi.contract.core.v1.PersonInformationType;
import se.lefi.contract.core.v1.SgiType;
import se.lefi.contract.core.v1.SourceStatusCode;
import se.lefi.contract.core.v1.SourceStatusType;
import se.lefi.contract.getbenefitinformation.v1.GetBenefitInformationResponseType;
import se.lefi.contract.getbenefitinformation.v1.GetBenefitInformationType;
import se.lefi.domain.access.BenefitQuestion;
import se.lefi.domain.access.ConsentReference;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.register.Decision;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.PersonInformation;
import se.lefi.domain.register.Sgi;
import se.lefi.contract.core.v1.ExtraConditionCode;
import se.lefi.contract.core.v1.FaultCode;
import se.lefi.contract.core.v1.InformationTypeCode;
import se.lefi.contract.core.v1.LefiFaultType;
import se.lefi.contract.core.v1.PurposeCode;
import se.lefi.contract.getavailableinformationtypes.v1.AvailablePurposeType;
import se.lefi.contract.lefionline.v1.LefiFault;
import se.lefi.domain.shared.Refusal;

/** Domain values to contract types. Enum names are shared, so mapping is by name. */
final class ContractMapping {
    private static final DatatypeFactory DATATYPES = DatatypeFactory.newDefaultInstance();

    private ContractMapping() {
    }

    static XMLGregorianCalendar dateTime(Instant instant) {
        return DATATYPES.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(SwedishTime.ZONE)));
    }

    static LocalDate date(XMLGregorianCalendar calendar) {
        return calendar == null ? null : LocalDate.of(calendar.getYear(), calendar.getMonth(), calendar.getDay());
    }

    static XMLGregorianCalendar date(LocalDate date) {
        return DATATYPES.newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }

    static BenefitQuestion question(GetBenefitInformationType request) {
        PeriodType period = request.getPeriod();
        ConsentReferenceType consent = request.getConsent();
        return new BenefitQuestion(request.getPersonId(), date(period.getFrom()), date(period.getTom()),
                request.getInformationType().stream().map(t -> InformationType.valueOf(t.name())).toList(),
                Purpose.valueOf(request.getPurpose().name()),
                consent == null ? null : new ConsentReference(consent.getConsentId(), date(consent.getGivenOn()), consent.getScope()),
                request.getCaseId(), request.getPrincipalOrganisationNumber(), request.getCorrelationId());
    }

    static GetBenefitInformationResponseType response(String requestId, BenefitAnswer answer) {
        GetBenefitInformationResponseType response = new GetBenefitInformationResponseType();
        response.setRequestId(requestId);
        response.setCorrelationId(answer.correlationId());
        response.setRegisterTime(dateTime(answer.registerTime()));
        response.setPersonId(answer.personId());
        if (answer.personInformation() != null) {
            response.setPersonInformation(personInformation(answer.personInformation()));
        }
        answer.sources().forEach((type, status) -> {
            SourceStatusType source = new SourceStatusType();
            source.setInformationType(InformationTypeCode.valueOf(type.name()));
            source.setStatus(SourceStatusCode.valueOf(status.name()));
            response.getSourceStatus().add(source);
        });
        answer.withheld().forEach(type -> {
            DeviationType deviation = new DeviationType();
            deviation.setInformationType(InformationTypeCode.valueOf(type.name()));
            deviation.setCode(DeviationCode.UNAUTHORISED);
            deviation.setMessage(BenefitAnswer.WITHHELD_MESSAGE);
            response.getDeviation().add(deviation);
        });
        answer.decisions().forEach(d -> response.getDecision().add(decision(d)));
        answer.payments().forEach(p -> response.getPayment().add(payment(p)));
        answer.sgi().forEach(s -> response.getSgi().add(sgi(s)));
        return response;
    }

    private static PeriodType period(LocalDate from, LocalDate tom) {
        PeriodType period = new PeriodType();
        period.setFrom(date(from));
        period.setTom(date(tom));
        return period;
    }

    static PersonInformationType personInformation(PersonInformation person) {
        PersonInformationType type = new PersonInformationType();
        type.setBirthDate(date(person.birthDate()));
        type.setCoordinationNumber(person.coordinationNumber());
        type.setMunicipalityCode(person.municipalityCode());
        return type;
    }

    static DecisionType decision(Decision decision) {
        DecisionType type = new DecisionType();
        type.setDecisionId(decision.decisionId());
        type.setBenefit(InformationTypeCode.valueOf(decision.benefit().name()));
        type.setCaseStart(date(decision.caseStart()));
        type.setCaseActive(decision.caseActive());
        type.setDecisionDate(date(decision.decisionDate()));
        type.setFinal(decision.finalDecision());
        type.setPeriod(period(decision.periodFrom(), decision.periodTom()));
        ExtentType extent = new ExtentType();
        extent.setNumerator(BigInteger.valueOf(decision.extent().numerator()));
        extent.setDenominator(BigInteger.valueOf(decision.extent().denominator()));
        type.setExtent(extent);
        type.setDays(decision.days());
        type.setWaitingDayDeduction(decision.waitingDayDeduction());
        type.setOutcome(decision.outcome());
        type.setDecisionType(decision.decisionType());
        type.setCompensationLevel(decision.compensationLevel());
        DailyPaymentType daily = new DailyPaymentType();
        daily.setFrom(date(decision.periodFrom()));
        daily.setTom(date(decision.periodTom()));
        daily.setAmountPerDay(decision.dailyAmount());
        type.getDailyPayment().add(daily);
        return type;
    }

    static PaymentType payment(Payment payment) {
        PaymentType type = new PaymentType();
        type.setPaymentId(payment.paymentId());
        type.setBenefit(InformationTypeCode.valueOf(payment.benefit().name()));
        type.setPaymentDate(date(payment.paymentDate()));
        type.setPeriod(period(payment.periodFrom(), payment.periodTom()));
        type.setGrossAmount(payment.grossAmount());
        type.setTax(payment.tax());
        type.setDeductions(payment.deductions());
        type.setNetAmount(payment.netAmount());
        return type;
    }

    static SgiType sgi(Sgi sgi) {
        SgiType type = new SgiType();
        type.setSetOn(date(sgi.setOn()));
        type.setSgiType(sgi.sgiType());
        type.setAnnualIncome(sgi.annualIncome());
        sgi.incomeSources().forEach(source -> {
            IncomeSourceType income = new IncomeSourceType();
            income.setKind(IncomeSourceKind.valueOf(source.kind().name()));
            income.setDescription(source.description());
            income.setAnnualAmount(source.annualAmount());
            type.getIncomeSource().add(income);
        });
        return type;
    }

    static AvailablePurposeType availablePurpose(AvailablePurpose available) {
        AvailablePurposeType type = new AvailablePurposeType();
        type.setPurpose(PurposeCode.valueOf(available.legalBasis().purpose().name()));
        type.setLegalBasis(available.legalBasis().citation());
        type.setCondition(ExtraConditionCode.valueOf(available.legalBasis().condition().name()));
        available.informationTypes().forEach(t -> type.getInformationType().add(InformationTypeCode.valueOf(t.name())));
        return type;
    }

    static LefiFault fault(Refusal refusal, String requestId) {
        return new LefiFault(faultMessage(refusal), faultInfo(refusal, requestId));
    }

    /** The detail of a LefiFault, which both contracts share; each has its own fault exception class. */
    static LefiFaultType faultInfo(Refusal refusal, String requestId) {
        LefiFaultType info = new LefiFaultType();
        info.setCode(FaultCode.valueOf(refusal.code().name()));
        info.setMessage(refusal.message());
        info.setRequestId(requestId);
        return info;
    }

    static String faultMessage(Refusal refusal) {
        return refusal.code().name() + ": " + refusal.message();
    }
}
