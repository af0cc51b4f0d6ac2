package se.lefi.it;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import se.lefi.contract.core.v1.ConsentReferenceType;
import se.lefi.contract.core.v1.InformationTypeCode;
import se.lefi.contract.core.v1.PeriodType;
import se.lefi.contract.core.v1.PurposeCode;
import se.lefi.contract.getbenefitinformation.v1.GetBenefitInformationType;
import se.lefi.domain.register.Decision;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.PersonRecord;

/** Builds GetBenefitInformation requests and the answers the demo register should give to them. */
final class Questions {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));
    private static final DatatypeFactory DATATYPES = DatatypeFactory.newDefaultInstance();
    /** Persons 0..DEMO_PERSONS-1 are in the test server's register (lefi.demo.persons). */
    static final long DEMO_PERSONS = 1000;

    private Questions() {
    }

    static XMLGregorianCalendar date(LocalDate date) {
        return DATATYPES.newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }

    static GetBenefitInformationType question(String personId, LocalDate from, LocalDate tom, PurposeCode purpose,
                                              InformationTypeCode... types) {
        GetBenefitInformationType question = new GetBenefitInformationType();
        question.setPersonId(personId);
        PeriodType period = new PeriodType();
        period.setFrom(date(from));
        period.setTom(date(tom));
        question.setPeriod(period);
        question.getInformationType().addAll(List.of(types));
        question.setPurpose(purpose);
        return question;
    }

    static ConsentReferenceType consent(String id, LocalDate givenOn) {
        ConsentReferenceType consent = new ConsentReferenceType();
        consent.setConsentId(id);
        consent.setGivenOn(date(givenOn));
        consent.setScope("Skadereglering, olycksfallsförsäkring");
        return consent;
    }

    /** The first demo person with a decision of {@code benefit} overlapping the period: a question with data to compare. */
    static PersonRecord personWith(InformationType benefit, LocalDate from, LocalDate tom) {
        return LongStream.range(0, DEMO_PERSONS).mapToObj(DemoRegister.REGISTER::person)
                .filter(p -> !decisionsIn(p, Set.of(benefit), from, tom).isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no demo person has " + benefit + " in the period"));
    }

    /** Independent of the server's reader: decisions of the types whose period overlaps [from, tom]. */
    static Set<String> decisionsIn(PersonRecord person, Set<InformationType> types, LocalDate from, LocalDate tom) {
        Predicate<Decision> inPeriod = d -> !d.periodFrom().isAfter(tom) && !d.periodTom().isBefore(from);
        return person.decisions().stream().filter(d -> types.contains(d.benefit())).filter(inPeriod)
                .map(Decision::decisionId).collect(Collectors.toSet());
    }

    static Set<String> paymentsIn(PersonRecord person, Set<InformationType> types, LocalDate from, LocalDate tom) {
        return person.payments().stream().filter(p -> types.contains(p.benefit()))
                .filter(p -> !p.periodFrom().isAfter(tom) && !p.periodTom().isBefore(from))
                .map(p -> p.paymentId()).collect(Collectors.toSet());
    }
}
