package se.lefi.domain.identity;

import java.util.Objects;

/**
 * A refused personnummer, samordningsnummer or organisationsnummer.
 *
 * <p>The message is built only from the {@link Kind} and {@link Reason}; it never contains the
 * refused input (personal data must not leak into logs or error messages), and by construction
 * there is no way to pass free text into it. No message contains any digit at all.
 */
public final class InvalidIdentityNumberException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What kind of number was being parsed. */
    public enum Kind {
        PERSON_ID("personal identity number"),
        ORGANISATION_NUMBER("organisation number");

        private final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** Why the number was refused. */
    public enum Reason {
        /** Wrong length, a character other than a digit or the one allowed separator, or empty/null. */
        FORMAT("malformed (expected digits in one of the accepted layouts)"),
        /** Not a real calendar date (month, day 00, day out of range, e.g. 30 February). */
        DATE("the date part is not a valid calendar date"),
        /** A 12-digit personal identity number whose birth date lies after the reference date. */
        FUTURE_DATE("the birth date lies in the future"),
        /** Luhn check digit does not match. */
        CHECK_DIGIT("the check digit does not match"),
        /** Third digit of an organisation number is below 2 (it is then e.g. a personnummer). */
        NOT_AN_ORGANISATION_NUMBER("the third digit must be two or higher");

        private final String description;

        Reason(String description) {
            this.description = description;
        }
    }

    private final Kind kind;
    private final Reason reason;

    public InvalidIdentityNumberException(Kind kind, Reason reason) {
        super("Invalid " + Objects.requireNonNull(kind, "kind").description + ": "
                + Objects.requireNonNull(reason, "reason").description);
        this.kind = kind;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    public Reason reason() {
        return reason;
    }
}
