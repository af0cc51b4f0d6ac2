package se.lefi.dev.register;

import se.lefi.domain.identity.Luhn;
import se.lefi.domain.identity.PersonId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;

class SyntheticPersonIdsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final int COUNT = 200_000;

    @Test
    void twoHundredThousandDistinctPersonnummerThatReparse() {
        assertDistinctAndReparse(SyntheticPersonIds::personnummer, false);
    }

    @Test
    void twoHundredThousandDistinctCoordinationNumbersThatReparse() {
        assertDistinctAndReparse(SyntheticPersonIds::coordinationNumber, true);
    }

    private static void assertDistinctAndReparse(LongFunction<PersonId> generator, boolean coordination) {
        Set<String> seen = new HashSet<>(COUNT * 2);
        for (long i = 0; i < COUNT; i++) {
            PersonId id = generator.apply(i);
            assertTrue(seen.add(id.canonical()), "duplicate at index " + i);
            PersonId reparsed = PersonId.parse(id.canonical(), TODAY);
            assertEquals(id, reparsed);
            assertEquals(id.birthDate(), reparsed.birthDate());
            assertEquals(coordination, reparsed.isCoordinationNumber());
            assertEquals(coordination, id.isCoordinationNumber());
            assertFalse(id.birthDate().isBefore(SyntheticPersonIds.FIRST_BIRTH_DATE));
            assertFalse(id.birthDate().isAfter(SyntheticPersonIds.LAST_BIRTH_DATE));
        }
        assertEquals(COUNT, seen.size());
    }

    @Test
    void birthDatesSpreadOverTheWholeRange() {
        Set<Integer> years = new HashSet<>();
        for (long i = 0; i < SyntheticPersonIds.DAYS; i++) {
            years.add(SyntheticPersonIds.personnummer(i).birthDate().getYear());
        }
        assertEquals(2024 - 1930 + 1, years.size());
        assertEquals(34_699, SyntheticPersonIds.DAYS);
        assertTrue(SyntheticPersonIds.CAPACITY >= 5_000_000);
    }

    @Test
    void deterministic() {
        for (long i : new long[] {0, 1, 12_345, 4_999_999, 5_000_000, SyntheticPersonIds.CAPACITY - 1}) {
            assertEquals(SyntheticPersonIds.personnummer(i), SyntheticPersonIds.personnummer(i));
            assertEquals(SyntheticPersonIds.personnummer(i).canonical(),
                    SyntheticPersonIds.personnummer(i).canonical());
            assertEquals(SyntheticPersonIds.coordinationNumber(i).canonical(),
                    SyntheticPersonIds.coordinationNumber(i).canonical());
            assertNotEquals(SyntheticPersonIds.personnummer(i), SyntheticPersonIds.coordinationNumber(i));
        }
    }

    @Test
    void firstAndLastIndexes() {
        PersonId first = SyntheticPersonIds.personnummer(0);
        assertEquals(LocalDate.of(1930, 1, 1), first.birthDate());
        assertEquals("19300101000" + Luhn.checkDigit("300101000"), first.canonical());
        assertEquals("19300161000" + Luhn.checkDigit("300161000"),
                SyntheticPersonIds.coordinationNumber(0).canonical());

        PersonId last = SyntheticPersonIds.personnummer(SyntheticPersonIds.CAPACITY - 1);
        assertEquals(LocalDate.of(2024, 12, 31), last.birthDate());
        assertEquals("20241231999" + Luhn.checkDigit("241231999"), last.canonical());
        assertEquals(last, PersonId.parse(last.canonical(), TODAY));
        PersonId lastCoordination = SyntheticPersonIds.coordinationNumber(SyntheticPersonIds.CAPACITY - 1);
        assertEquals("20241291999" + Luhn.checkDigit("241291999"), lastCoordination.canonical());
        assertEquals(lastCoordination, PersonId.parse(lastCoordination.canonical(), TODAY));
    }

    @Test
    void injectiveOverTheWholeIndexRange() {
        // Decoding each id back to its index proves distinctness without storing millions of ids.
        long step = 173; // coprime with DAYS, so samples hit every residue class region
        for (long i = 0; i < SyntheticPersonIds.CAPACITY; i += step) {
            assertEquals(i, decode(SyntheticPersonIds.personnummer(i)));
            assertEquals(i, decode(SyntheticPersonIds.coordinationNumber(i)));
        }
    }

    private static long decode(PersonId id) {
        long day = id.birthDate().toEpochDay() - SyntheticPersonIds.FIRST_BIRTH_DATE.toEpochDay();
        long birthNumber = Long.parseLong(id.canonical().substring(8, 11));
        return birthNumber * SyntheticPersonIds.DAYS + day;
    }

    @Test
    void shortFormsReparseToo() {
        for (long i = 0; i < 50_000; i += 7) {
            PersonId id = SyntheticPersonIds.personnummer(i * 97);
            String c = id.canonical();
            boolean centenarian = !id.birthDate().plusYears(100).isAfter(TODAY);
            String shortForm = c.substring(2, 8) + (centenarian ? "+" : "-") + c.substring(8);
            assertEquals(id, PersonId.parse(shortForm, TODAY), shortForm);
        }
    }

    @Test
    void indexOutOfRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticPersonIds.personnummer(-1));
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticPersonIds.personnummer(SyntheticPersonIds.CAPACITY));
        assertThrows(IllegalArgumentException.class, () -> SyntheticPersonIds.coordinationNumber(-1));
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticPersonIds.coordinationNumber(Long.MAX_VALUE));
    }
}
