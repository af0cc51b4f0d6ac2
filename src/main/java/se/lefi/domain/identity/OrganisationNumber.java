package se.lefi.domain.identity;

import se.lefi.domain.identity.InvalidIdentityNumberException.Kind;
import se.lefi.domain.identity.InvalidIdentityNumberException.Reason;

/**
 * A Swedish organisationsnummer, immutable and validated.
 *
 * <p>Accepted input (surrounding whitespace is stripped): {@code NNNNNNNNNN}, {@code NNNNNN-NNNN},
 * or 12 digits with the prefix {@code 16} ({@code 16NNNNNNNNNN}). The third digit of the 10-digit
 * form must be 2 or higher, and the last digit is a Luhn check digit over the first nine.
 * Refusals never echo the input.
 */
public final class OrganisationNumber {

    private static final String PREFIX = "16";

    private final String value;

    private OrganisationNumber(String value) {
        this.value = value;
    }

    /** @throws InvalidIdentityNumberException if {@code text} is not a valid organisation number */
    public static OrganisationNumber parse(String text) {
        if (text == null) {
            throw refused(Reason.FORMAT);
        }
        String s = text.strip();
        String ten;
        switch (s.length()) {
            case 10:
                ten = s;
                break;
            case 11:
                if (s.charAt(6) != '-') {
                    throw refused(Reason.FORMAT);
                }
                ten = s.substring(0, 6) + s.substring(7);
                break;
            case 12:
                if (!s.startsWith(PREFIX)) {
                    throw refused(Reason.FORMAT);
                }
                ten = s.substring(2);
                break;
            default:
                throw refused(Reason.FORMAT);
        }
        for (int i = 0; i < ten.length(); i++) {
            char c = ten.charAt(i);
            if (c < '0' || c > '9') {
                throw refused(Reason.FORMAT);
            }
        }
        if (ten.charAt(2) < '2') {
            throw refused(Reason.NOT_AN_ORGANISATION_NUMBER);
        }
        if (!Luhn.isValid(ten)) {
            throw refused(Reason.CHECK_DIGIT);
        }
        return new OrganisationNumber(ten);
    }

    /** Whether {@link #parse(String)} would accept {@code text}. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidIdentityNumberException e) {
            return false;
        }
    }

    /** The 10-digit form {@code NNNNNNNNNN}. */
    public String value() {
        return value;
    }

    /** The 12-digit form {@code 16NNNNNNNNNN}. */
    public String withPrefix() {
        return PREFIX + value;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof OrganisationNumber && ((OrganisationNumber) o).value.equals(value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The 10-digit form (organisation numbers are not personal data). */
    @Override
    public String toString() {
        return value;
    }

    private static InvalidIdentityNumberException refused(Reason reason) {
        return new InvalidIdentityNumberException(Kind.ORGANISATION_NUMBER, reason);
    }
}
