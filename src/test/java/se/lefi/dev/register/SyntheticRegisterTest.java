package se.lefi.dev.register;

import se.lefi.domain.register.Decision;
import se.lefi.domain.register.Extent;
import se.lefi.domain.register.IncomeSource;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.PersonInformation;
import se.lefi.domain.register.PersonRecord;
import se.lefi.domain.register.Sgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.lefi.domain.identity.PersonId;
import se.lefi.dev.register.SyntheticPersonIds;

class SyntheticRegisterTest {

    private static final SyntheticRegister REGISTER = new SyntheticRegister(42);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    /** Enough persons to cover every birth date of the synthetic ids (34,699) a little more than once. */
    private static final int SAMPLE = 40_000;
    private static final Set<InformationType> DAY_BASED = Set.of(InformationType.SJP, InformationType.FP,
            InformationType.TFP);
    private static final Set<InformationType> TAX_FREE = Set.of(InformationType.ABB, InformationType.BOB,
            InformationType.US, InformationType.HE, InformationType.BTI);
    private static final Set<Extent> EXTENTS = Set.of(new Extent(1, 1), new Extent(3, 4), new Extent(1, 2),
            new Extent(1, 4), new Extent(1, 8));
    private static final Pattern SOURCE = Pattern.compile("(Anställning, Arbetsgivare|Näringsverksamhet, Verksamhet) \\d{4}");

    private static PersonRecord[] sample;

    @BeforeAll
    static void generate() {
        sample = new PersonRecord[SAMPLE];
        for (int i = 0; i < SAMPLE; i++) {
            sample[i] = REGISTER.person(i);
        }
    }

    private static int age(PersonRecord p) {
        return Period.between(p.person().birthDate(), SyntheticRegister.REFERENCE_DATE).getYears();
    }

    @Test
    void theSameSeedAndIndexGiveTheSameRecord() {
        SyntheticRegister again = new SyntheticRegister(42);
        for (long i : new long[] {0, 1, 17, 20_000, 25_123, 33_333, 1_000_000, SyntheticPersonIds.CAPACITY - 1}) {
            assertEquals(REGISTER.person(i), REGISTER.person(i));
            assertEquals(REGISTER.person(i), again.person(i));
        }
        // Order of generation does not matter.
        assertEquals(sample[12_345], new SyntheticRegister(42).person(12_345));
    }

    @Test
    void otherSeedsGiveOtherDataForTheSamePersons() {
        SyntheticRegister other = new SyntheticRegister(43);
        int different = 0;
        for (int i = 20_000; i < 21_000; i++) {
            PersonRecord mine = sample[i];
            PersonRecord theirs = other.person(i);
            assertEquals(mine.person().personId(), theirs.person().personId());
            assertEquals(mine.person().birthDate(), theirs.person().birthDate());
            if (!mine.equals(theirs)) {
                different++;
            }
        }
        assertTrue(different > 900, "different records: " + different);
    }

    @Test
    void idsAreValidDistinctAndCheaplyAvailable() {
        Set<String> seen = new HashSet<>(200_000);
        int coordination = 0;
        for (long i = 0; i < 100_000; i++) {
            String id = SyntheticRegister.personId(i);
            assertTrue(seen.add(id), "duplicate id at index " + i);
            PersonId parsed = PersonId.parse(id, TODAY);
            assertEquals(id, parsed.canonical());
            assertEquals(12, id.length());
            if (parsed.isCoordinationNumber()) {
                coordination++;
            }
            assertEquals(SyntheticRegister.isCoordinationIndex(i), parsed.isCoordinationNumber());
        }
        assertTrue(coordination > 2_500 && coordination < 3_500, "coordination numbers: " + coordination);
    }

    @Test
    void personIdIsTheRecordsId() {
        for (int i = 0; i < SAMPLE; i++) {
            PersonInformation p = sample[i].person();
            assertEquals(SyntheticRegister.personId(i), p.personId());
            PersonId parsed = PersonId.parse(p.personId(), TODAY);
            assertEquals(parsed.birthDate(), p.birthDate());
            assertEquals(parsed.isCoordinationNumber(), p.coordinationNumber());
            assertTrue(p.municipalityCode().matches("\\d{4}"), p.municipalityCode());
            for (Decision d : sample[i].decisions()) {
                assertEquals(p.personId(), d.personId());
            }
            for (Payment pay : sample[i].payments()) {
                assertEquals(p.personId(), pay.personId());
            }
            for (Sgi s : sample[i].sgi()) {
                assertEquals(p.personId(), s.personId());
            }
        }
    }

    @Test
    void indexesOutsideTheIdRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> REGISTER.person(-1));
        assertThrows(IllegalArgumentException.class, () -> REGISTER.person(SyntheticPersonIds.CAPACITY));
        assertThrows(IllegalArgumentException.class, () -> SyntheticRegister.personId(SyntheticPersonIds.CAPACITY));
    }

    @Test
    void recordIdsAreUniqueAcrossPersons() {
        Set<String> ids = new HashSet<>();
        for (PersonRecord p : sample) {
            p.decisions().forEach(d -> assertTrue(ids.add(d.decisionId()), d.decisionId()));
            p.payments().forEach(d -> assertTrue(ids.add(d.paymentId()), d.paymentId()));
            p.sgi().forEach(d -> assertTrue(ids.add(d.sgiId()), d.sgiId()));
        }
        for (String id : ids) {
            assertTrue(id.length() <= 40);
        }
    }

    @Test
    void decisionsAreConsistent() {
        LocalDate ref = SyntheticRegister.REFERENCE_DATE;
        for (PersonRecord p : sample) {
            assertTrue(p.decisions().size() <= SyntheticRegister.MAX_DECISIONS);
            for (Decision d : p.decisions()) {
                String where = d.decisionId();
                assertFalse(d.periodFrom().isAfter(d.periodTom()), where);
                assertFalse(d.caseStart().isAfter(d.decisionDate()), where);
                assertFalse(d.decisionDate().isAfter(ref), where);
                assertFalse(d.decisionDate().isAfter(d.periodFrom().plusDays(14)), where);
                assertEquals(!d.periodTom().isBefore(ref), d.caseActive(), where);
                assertTrue(EXTENTS.contains(d.extent()), where);
                assertTrue(Set.of("BEVILJAT", "DELVIS_BEVILJAT", "AVSLAG").contains(d.outcome()), where);
                assertTrue(Set.of("NYTT", "ANDRING", "FORLANGNING").contains(d.decisionType()), where);
                assertMoney(d.days(), where);
                assertMoney(d.compensationLevel(), where);
                assertMoney(d.dailyAmount(), where);
                assertTrue(d.compensationLevel().signum() > 0
                        && d.compensationLevel().compareTo(BigDecimal.valueOf(100)) <= 0, where);
                assertEquals(d.benefit() == InformationType.SJP && d.decisionType().equals("NYTT"),
                        d.waitingDayDeduction(), where);
                if (d.outcome().equals("AVSLAG")) {
                    assertEquals(0, d.dailyAmount().signum(), where);
                    assertEquals(0, d.days().signum(), where);
                } else {
                    assertTrue(d.dailyAmount().signum() > 0, where);
                    if (DAY_BASED.contains(d.benefit())) {
                        long days = ChronoUnit.DAYS.between(d.periodFrom(), d.periodTom()) + 1;
                        BigDecimal expected = BigDecimal.valueOf(days * d.extent().numerator())
                                .divide(BigDecimal.valueOf(d.extent().denominator()), 2, RoundingMode.HALF_EVEN);
                        assertEquals(expected, d.days(), where);
                        assertTrue(d.dailyAmount().compareTo(BigDecimal.valueOf(1250)) <= 0, where);
                    } else {
                        assertEquals(0, d.days().signum(), where);
                    }
                }
                assertFalse(d.periodFrom().isBefore(SyntheticRegister.WINDOW_START), where);
            }
        }
    }

    @Test
    void listsAreOrderedByDateThenId() {
        for (PersonRecord p : sample) {
            List<Decision> ds = p.decisions();
            for (int n = 1; n < ds.size(); n++) {
                int c = ds.get(n - 1).periodFrom().compareTo(ds.get(n).periodFrom());
                assertTrue(c < 0 || (c == 0 && ds.get(n - 1).decisionId().compareTo(ds.get(n).decisionId()) < 0));
            }
            List<Payment> ps = p.payments();
            for (int n = 1; n < ps.size(); n++) {
                int c = ps.get(n - 1).paymentDate().compareTo(ps.get(n).paymentDate());
                assertTrue(c < 0 || (c == 0 && ps.get(n - 1).paymentId().compareTo(ps.get(n).paymentId()) < 0));
            }
            List<Sgi> ss = p.sgi();
            for (int n = 1; n < ss.size(); n++) {
                assertTrue(ss.get(n - 1).setOn().isBefore(ss.get(n).setOn()));
            }
        }
    }

    @Test
    void paymentsAddUpAndBelongToGrantedDecisions() {
        int withDeductions = 0;
        int count = 0;
        for (PersonRecord p : sample) {
            assertTrue(p.payments().size() <= SyntheticRegister.MAX_PAYMENTS);
            for (Payment pay : p.payments()) {
                count++;
                String where = pay.paymentId();
                assertMoney(pay.grossAmount(), where);
                assertMoney(pay.tax(), where);
                assertMoney(pay.deductions(), where);
                assertMoney(pay.netAmount(), where);
                assertEquals(pay.grossAmount().subtract(pay.tax()).subtract(pay.deductions()), pay.netAmount(), where);
                assertTrue(pay.grossAmount().signum() > 0, where);
                BigDecimal expectedTax = TAX_FREE.contains(pay.benefit()) ? BigDecimal.valueOf(0, 2)
                        : pay.grossAmount().multiply(new BigDecimal("0.30")).setScale(2, RoundingMode.HALF_EVEN);
                assertEquals(expectedTax, pay.tax(), where);
                if (pay.deductions().signum() > 0) {
                    withDeductions++;
                }
                // One calendar month, paid the 25th of the month after, not after the reference date.
                assertFalse(pay.periodFrom().isAfter(pay.periodTom()), where);
                assertEquals(pay.periodFrom().withDayOfMonth(1), pay.periodTom().withDayOfMonth(1), where);
                assertEquals(pay.periodFrom().withDayOfMonth(1).plusMonths(1).withDayOfMonth(25), pay.paymentDate(), where);
                assertFalse(pay.paymentDate().isAfter(SyntheticRegister.REFERENCE_DATE), where);
                // Covered by a granted decision of the same benefit.
                assertTrue(p.decisions().stream().anyMatch(d -> d.benefit() == pay.benefit()
                        && !d.outcome().equals("AVSLAG")
                        && !d.periodFrom().isAfter(pay.periodFrom()) && !d.periodTom().isBefore(pay.periodTom())), where);
            }
            // Day-based payments: daily amount x days x extent.
            for (Payment pay : p.payments()) {
                if (DAY_BASED.contains(pay.benefit())) {
                    Decision d = p.decisions().stream().filter(x -> x.benefit() == pay.benefit()
                            && !x.outcome().equals("AVSLAG")
                            && !x.periodFrom().isAfter(pay.periodFrom()) && !x.periodTom().isBefore(pay.periodTom()))
                            .findFirst().orElseThrow();
                    long days = ChronoUnit.DAYS.between(pay.periodFrom(), pay.periodTom()) + 1;
                    BigDecimal expected = d.dailyAmount().multiply(BigDecimal.valueOf(days * d.extent().numerator()))
                            .divide(BigDecimal.valueOf(d.extent().denominator()), 2, RoundingMode.HALF_EVEN);
                    if (p.decisions().stream().filter(x -> x.benefit() == pay.benefit()).count() == 1) {
                        assertEquals(expected, pay.grossAmount(), pay.paymentId());
                    }
                }
            }
        }
        assertTrue(count > SAMPLE, "payments: " + count);
        assertTrue(withDeductions > 0 && withDeductions < count / 10, "with deductions: " + withDeductions);
    }

    @Test
    void sgiIsForWorkingAgesAndItsSourcesAddUp() {
        int persons = 0;
        int twoRecords = 0;
        Set<String> types = new HashSet<>();
        for (PersonRecord p : sample) {
            if (p.sgi().isEmpty()) {
                continue;
            }
            persons++;
            int age = age(p);
            assertTrue(age >= 18 && age <= 66, "age " + age);
            assertTrue(p.sgi().size() <= 2);
            if (p.sgi().size() == 2) {
                twoRecords++;
            }
            for (Sgi s : p.sgi()) {
                types.add(s.sgiType());
                assertMoney(s.annualIncome(), s.sgiId());
                assertTrue(s.annualIncome().compareTo(BigDecimal.valueOf(150_000)) >= 0
                        && s.annualIncome().compareTo(BigDecimal.valueOf(900_000)) <= 0, s.sgiId());
                assertFalse(s.setOn().isAfter(SyntheticRegister.REFERENCE_DATE));
                assertFalse(s.setOn().isBefore(p.person().birthDate().plusYears(18)));
                assertTrue(s.incomeSources().size() == 1 || s.incomeSources().size() == 2);
                BigDecimal sum = BigDecimal.valueOf(0, 2);
                for (IncomeSource source : s.incomeSources()) {
                    assertMoney(source.annualAmount(), s.sgiId());
                    assertTrue(source.annualAmount().signum() > 0);
                    assertTrue(SOURCE.matcher(source.description()).matches(), source.description());
                    assertEquals(source.kind() == IncomeSource.Kind.BUSINESS,
                            source.description().startsWith("Näringsverksamhet"));
                    sum = sum.add(source.annualAmount());
                }
                assertEquals(s.annualIncome(), sum, s.sgiId());
            }
        }
        assertTrue(persons > SAMPLE / 3, "persons with SGI: " + persons);
        assertTrue(twoRecords > 0);
        assertEquals(Set.of("ANSTALLD", "NARINGSIDKARE", "KOMBINERAD", "STUDIETID"), types);
    }

    @Test
    void theBenefitMixFollowsAge() {
        Map<InformationType, Integer> mix = new EnumMap<>(InformationType.class);
        int pensioners = 0;
        int pensionersWithAp = 0;
        for (PersonRecord p : sample) {
            int age = age(p);
            if (age < 18) {
                assertTrue(p.decisions().isEmpty() && p.payments().isEmpty() && p.sgi().isEmpty(), "age " + age);
            }
            boolean ap = false;
            for (Decision d : p.decisions()) {
                mix.merge(d.benefit(), 1, Integer::sum);
                switch (d.benefit()) {
                    case AP -> {
                        assertTrue(age >= 63, "AP at " + age);
                        ap = true;
                    }
                    case GP, BTI, ET -> assertTrue(age >= 65, d.benefit() + " at " + age);
                    case FP, TFP -> assertTrue(age >= 20 && age <= 50, d.benefit() + " at " + age);
                    case SJP -> assertTrue(age >= 18 && age < 65 && !p.sgi().isEmpty(), "SJP at " + age);
                    case AS -> assertTrue(age >= 19 && age <= 29, "AS at " + age);
                    case SA -> assertTrue(age >= 30 && age < 65, "SA at " + age);
                    case ABB, US, VB -> assertTrue(age >= 22 && age <= 55, d.benefit() + " at " + age);
                    default -> { }
                }
            }
            if (age >= 65) {
                pensioners++;
                if (ap) {
                    pensionersWithAp++;
                }
            }
        }
        for (InformationType type : List.of(InformationType.SJP, InformationType.FP, InformationType.TFP,
                InformationType.ABB, InformationType.BOB, InformationType.US, InformationType.VB, InformationType.AS,
                InformationType.SA, InformationType.HE, InformationType.YL, InformationType.AP, InformationType.GP,
                InformationType.BTI, InformationType.ET)) {
            assertTrue(mix.getOrDefault(type, 0) > 0, type + " never occurs: " + mix);
        }
        int sjp = mix.get(InformationType.SJP);
        mix.forEach((type, n) -> {
            if (type != InformationType.AP) {
                assertTrue(n <= sjp, "SJP should be the most common benefit below pension age: " + mix);
            }
        });
        assertTrue(pensionersWithAp > pensioners * 9 / 10, pensionersWithAp + " of " + pensioners);
    }

    @Test
    void outcomesAndDecisionTypesVary() {
        Map<String, Integer> outcomes = new java.util.HashMap<>();
        Map<String, Integer> types = new java.util.HashMap<>();
        int notFinal = 0;
        int total = 0;
        for (PersonRecord p : sample) {
            for (Decision d : p.decisions()) {
                total++;
                outcomes.merge(d.outcome(), 1, Integer::sum);
                types.merge(d.decisionType(), 1, Integer::sum);
                if (!d.finalDecision()) {
                    notFinal++;
                }
            }
        }
        assertEquals(3, outcomes.size(), outcomes.toString());
        assertEquals(3, types.size(), types.toString());
        assertTrue(outcomes.get("BEVILJAT") > total * 3 / 4, outcomes.toString());
        assertTrue(notFinal > 0 && notFinal < total / 10, "not final: " + notFinal);
        assertNotEquals(0, total);
    }

    private static void assertMoney(BigDecimal amount, String where) {
        assertEquals(2, amount.scale(), where);
        assertTrue(amount.signum() >= 0, where);
    }
}
