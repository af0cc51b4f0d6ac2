package se.lefi.dev.register;

import se.lefi.domain.identity.PersonId;

import java.time.LocalDate;

/**
 * Deterministic, stateless generator of valid synthetic personnummer and samordningsnummer for
 * test and demo data.
 *
 * <p>Index {@code i} maps to birth date {@code FIRST_BIRTH_DATE + (i mod DAYS)} and birth number
 * {@code i / DAYS} (000..999), with the Luhn check digit computed. This is a bijection on
 * {@code 0 <= i < CAPACITY}, so distinct indexes give distinct ids; consecutive indexes walk through
 * the days of 1930..2024 first. A coordination number for index {@code i} has the same birth date
 * and birth number as the personnummer for {@code i}, with 60 added to the day.
 *
 * <p>The ids are valid in format only: they are not reserved test numbers and may coincide with
 * numbers issued to real people, so they must never be used against production data.
 */
public final class SyntheticPersonIds {

    /** First birth date generated. */
    public static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1930, 1, 1);
    /** Last birth date generated. */
    public static final LocalDate LAST_BIRTH_DATE = LocalDate.of(2024, 12, 31);

    private static final long FIRST_EPOCH_DAY = FIRST_BIRTH_DATE.toEpochDay();
    /** Number of birth dates in the range (34,699). */
    public static final long DAYS = LAST_BIRTH_DATE.toEpochDay() - FIRST_EPOCH_DAY + 1;
    /** Number of distinct ids per kind: valid indexes are {@code 0 <= index < CAPACITY} (34,699,000). */
    public static final long CAPACITY = DAYS * 1000;

    private SyntheticPersonIds() {
    }

    /** The synthetic personnummer for {@code index}, {@code 0 <= index < CAPACITY}. */
    public static PersonId personnummer(long index) {
        return generate(index, false);
    }

    /** The synthetic samordningsnummer for {@code index}, {@code 0 <= index < CAPACITY}. */
    public static PersonId coordinationNumber(long index) {
        return generate(index, true);
    }

    private static PersonId generate(long index, boolean coordination) {
        if (index < 0 || index >= CAPACITY) {
            throw new IllegalArgumentException("index must be in 0.." + (CAPACITY - 1));
        }
        LocalDate birthDate = LocalDate.ofEpochDay(FIRST_EPOCH_DAY + index % DAYS);
        return PersonId.of(birthDate, (int) (index / DAYS), coordination);
    }
}
