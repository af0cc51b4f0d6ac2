package se.lefi.domain.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.lefi.domain.register.Decision;
import se.lefi.domain.register.Extent;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.dev.register.SyntheticChanges;
import se.lefi.dev.register.SyntheticRegister;

class RegisterChangeTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String PERSON = "193001010002";

    @Test
    void aCompleteDecisionMayBeApplied() {
        assertEquals(java.util.Optional.empty(), RegisterChange.of(decision(PERSON, "30", TODAY)).problem(TODAY));
    }

    @Test
    void badInputIsNamedWithoutPersonalData() {
        assertProblem(new RegisterChange(null, null, null), "exactly one");
        assertProblem(new RegisterChange(decision(PERSON, "30", TODAY), payment("100.00"), null), "exactly one");
        assertProblem(RegisterChange.of(decision("191212121213", "30", TODAY)), "personId");
        assertProblem(RegisterChange.of(decision("19300101-0002", "30", TODAY)), "12-digit");
        assertProblem(RegisterChange.of(decision(PERSON, "30", TODAY.plusDays(1))), "starts after it ends");
        assertProblem(RegisterChange.of(decision(PERSON, "30.125", TODAY)), "two decimals");
        assertProblem(RegisterChange.of(new Decision("D1", PERSON, InformationType.GEPI, TODAY, true, TODAY, true, TODAY, TODAY,
                Extent.FULL, BigDecimal.ONE, false, "B", "N", BigDecimal.ONE, BigDecimal.ONE)), "benefit code");
        assertProblem(RegisterChange.of(payment(null)), "every field");
    }

    @Test
    void normalisedHasTheRegistersTwoDecimals() {
        RegisterChange change = RegisterChange.of(decision(PERSON, "30", TODAY)).normalised();
        assertEquals(new BigDecimal("30.00"), change.decision().days());
        assertEquals(new BigDecimal("712.50"), change.decision().dailyAmount());
        assertEquals(new BigDecimal("100.00"), RegisterChange.of(payment("100")).normalised().payment().grossAmount());
    }

    @Test
    void theSyntheticStreamIsValidDeterministicAndStaysWithinItsPersons() {
        SyntheticRegister register = new SyntheticRegister(1);
        SyntheticChanges first = new SyntheticChanges(register, 100, 20, 7, TODAY);
        SyntheticChanges again = new SyntheticChanges(register, 100, 20, 7, TODAY);
        List<String> persons = java.util.stream.LongStream.range(100, 120).mapToObj(SyntheticRegister::personId).toList();
        for (int i = 0; i < 2000; i++) {
            RegisterChange change = first.next();
            assertEquals(again.next(), change);
            assertEquals(java.util.Optional.empty(), change.problem(TODAY), change.toString());
            assertTrue(persons.contains(change.personId()));
        }
    }

    private static void assertProblem(RegisterChange change, String expected) {
        String problem = change.problem(TODAY).orElseThrow();
        assertTrue(problem.contains(expected), problem);
        assertTrue(!problem.matches(".*\\d{10}.*"), "no identity number in " + problem);
    }

    /** A decision from {@code from} to today. */
    private static Decision decision(String person, String days, LocalDate from) {
        return new Decision("D1", person, InformationType.SJP, from, true, from, true, from, TODAY, new Extent(3, 4),
                new BigDecimal(days), false, "BEVILJAT", "NYTT",
                new BigDecimal("0.8"), new BigDecimal("712.5"));
    }

    private static Payment payment(String gross) {
        return new Payment("P1", PERSON, InformationType.SJP, TODAY, TODAY.minusDays(30), TODAY,
                gross == null ? null : new BigDecimal(gross), BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.TEN);
    }
}
