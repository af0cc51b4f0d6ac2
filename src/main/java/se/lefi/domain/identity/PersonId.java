package se.lefi.domain.identity;

import se.lefi.domain.time.SwedishTime;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;

import se.lefi.domain.identity.InvalidIdentityNumberException.Kind;
import se.lefi.domain.identity.InvalidIdentityNumberException.Reason;

/**
 * A Swedish personnummer or samordningsnummer (coordination number), immutable and validated.
 *
 * <p>Accepted input (surrounding whitespace is stripped):
 * <ul>
 *   <li>{@code YYMMDD-NNNC}, {@code YYMMDDNNNC} (treated as {@code -}): age under 100 on the reference date;</li>
 *   <li>{@code YYMMDD+NNNC}: age 100 or more on the reference date;</li>
 *   <li>{@code YYYYMMDDNNNC}, {@code YYYYMMDD-NNNC}.</li>
 * </ul>
 * A samordningsnummer has 60 added to the day of month (61..91).
 *
 * <p>The storage and wire form is {@link #canonical()} (12 digits). {@link #toString()} reveals
 * nothing of the number, and refusals ({@link InvalidIdentityNumberException}) never echo it.
 */
public final class PersonId {

    /** The zone whose calendar date is "today" for {@link #parse(String)} and {@link #isValid(String)}. */
    public static final ZoneId SWEDEN = SwedishTime.ZONE;

    private static final int COORDINATION_OFFSET = 60;

    private final String canonical;
    private final LocalDate birthDate;
    private final boolean coordinationNumber;

    private PersonId(String canonical, LocalDate birthDate, boolean coordinationNumber) {
        this.canonical = canonical;
        this.birthDate = birthDate;
        this.coordinationNumber = coordinationNumber;
    }

    /** Parses {@code text}, taking today's date in Sweden as the reference date for the century. */
    public static PersonId parse(String text) {
        return parse(text, LocalDate.now(SWEDEN));
    }

    /**
     * Parses {@code text}, deriving the century of the short forms relative to {@code today}.
     *
     * @throws InvalidIdentityNumberException if the text is not a valid personnummer or samordningsnummer
     * @throws NullPointerException if {@code today} is null
     */
    public static PersonId parse(String text, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (text == null) {
            throw refused(Reason.FORMAT);
        }
        String s = text.strip();
        int[] d; // 10 digits YYMMDDNNNC, plus the century digits separately for the long forms
        int century = -1;
        boolean centenarian = false;
        switch (s.length()) {
            case 10: // YYMMDDNNNC
                d = digits(s, 0, 10);
                break;
            case 11: { // YYMMDD-NNNC / YYMMDD+NNNC
                char sep = s.charAt(6);
                if (sep != '-' && sep != '+') {
                    throw refused(Reason.FORMAT);
                }
                centenarian = sep == '+';
                d = concat(digits(s, 0, 6), digits(s, 7, 11));
                break;
            }
            case 12: { // YYYYMMDDNNNC
                int[] all = digits(s, 0, 12);
                century = all[0] * 10 + all[1];
                d = Arrays.copyOfRange(all, 2, 12);
                break;
            }
            case 13: { // YYYYMMDD-NNNC
                if (s.charAt(8) != '-') {
                    throw refused(Reason.FORMAT);
                }
                int[] head = digits(s, 0, 8);
                century = head[0] * 10 + head[1];
                d = concat(Arrays.copyOfRange(head, 2, 8), digits(s, 9, 13));
                break;
            }
            default:
                throw refused(Reason.FORMAT);
        }

        int yy = d[0] * 10 + d[1];
        int month = d[2] * 10 + d[3];
        int writtenDay = d[4] * 10 + d[5];
        boolean coordination = writtenDay > COORDINATION_OFFSET;
        int day = coordination ? writtenDay - COORDINATION_OFFSET : writtenDay;
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            throw refused(Reason.DATE);
        }

        int year;
        if (century >= 0) {
            year = century * 100 + yy;
        } else {
            // Latest year ending in yy that is not after today's year ...
            year = today.getYear() - Math.floorMod(today.getYear() - yy, 100);
            // ... and whose date is not after today.
            if (year == today.getYear() && (month > today.getMonthValue()
                    || (month == today.getMonthValue() && day > today.getDayOfMonth()))) {
                year -= 100;
            }
            if (centenarian) {
                year -= 100;
            }
        }

        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            // Deliberately not chained: the cause's message names the date.
            throw refused(Reason.DATE);
        }
        if (century >= 0 && birthDate.isAfter(today)) {
            throw refused(Reason.FUTURE_DATE);
        }
        if (Luhn.checkDigit(d, 0, 9) != d[9]) {
            throw refused(Reason.CHECK_DIGIT);
        }

        char[] c = new char[12];
        c[0] = (char) ('0' + year / 1000);
        c[1] = (char) ('0' + year / 100 % 10);
        for (int i = 0; i < 10; i++) {
            c[i + 2] = (char) ('0' + d[i]);
        }
        return new PersonId(new String(c), birthDate, coordination);
    }

    /** Whether {@link #parse(String)} would accept {@code text} today (Swedish date). */
    public static boolean isValid(String text) {
        return isValid(text, LocalDate.now(SWEDEN));
    }

    /** Whether {@link #parse(String, LocalDate)} would accept {@code text}. */
    public static boolean isValid(String text, LocalDate today) {
        try {
            parse(text, today);
            return true;
        } catch (InvalidIdentityNumberException e) {
            return false;
        }
    }

    /**
     * Builds an id from trusted parts, computing the check digit: the fast path for generators of synthetic
     * persons, which make millions of ids. No reference-date check.
     *
     * @param birthNumber 0..999
     */
    public static PersonId of(LocalDate birthDate, int birthNumber, boolean coordination) {
        int year = birthDate.getYear();
        if (year < 0 || year > 9999 || birthNumber < 0 || birthNumber > 999) {
            throw new IllegalArgumentException("birth year or birth number out of range");
        }
        int day = birthDate.getDayOfMonth() + (coordination ? COORDINATION_OFFSET : 0);
        int month = birthDate.getMonthValue();
        int[] d = {
            year / 10 % 10, year % 10,
            month / 10, month % 10,
            day / 10, day % 10,
            birthNumber / 100, birthNumber / 10 % 10, birthNumber % 10,
            0
        };
        d[9] = Luhn.checkDigit(d, 0, 9);
        char[] c = new char[12];
        c[0] = (char) ('0' + year / 1000);
        c[1] = (char) ('0' + year / 100 % 10);
        for (int i = 0; i < 10; i++) {
            c[i + 2] = (char) ('0' + d[i]);
        }
        return new PersonId(new String(c), birthDate, coordination);
    }

    /** The 12-digit form {@code YYYYMMDDNNNC} (day + 60 for a samordningsnummer): the storage/wire form. */
    public String canonical() {
        return canonical;
    }

    /** The date of birth; for a samordningsnummer, with the 60 removed from the day. */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** Whether this is a samordningsnummer (day of month written + 60). */
    public boolean isCoordinationNumber() {
        return coordinationNumber;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof PersonId && ((PersonId) o).canonical.equals(canonical));
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** Reveals nothing of the number (personal data); use {@link #canonical()} where the value is needed. */
    @Override
    public String toString() {
        return "PersonId[****]";
    }

    private static int[] digits(String s, int from, int to) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw refused(Reason.FORMAT);
            }
            out[i - from] = c - '0';
        }
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static InvalidIdentityNumberException refused(Reason reason) {
        return new InvalidIdentityNumberException(Kind.PERSON_ID, reason);
    }
}
