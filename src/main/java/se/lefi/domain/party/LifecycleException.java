package se.lefi.domain.party;

/**
 * An administrative step taken out of order (signing an agreement never sent, terminating twice,
 * ...). Nothing was changed. The code is stable; the message names no personal data.
 */
public class LifecycleException extends RuntimeException {
    /** Why the step is refused. */
    public enum Code {
        ALREADY_REGISTERED, NOT_REGISTERED, AGREEMENT_ALREADY_SENT, AGREEMENT_NOT_SENT, ALREADY_SIGNED,
        SIGNED_BEFORE_SENT, ALREADY_TERMINATED, NOT_CONNECTED, NAME_MISMATCH, NOT_AN_AGENT, PRINCIPAL_NOT_AN_AUTHORITY,
        ASSIGNMENT_EXISTS, NO_LIVE_ASSIGNMENT, CERTIFICATE_INVALID, CERTIFICATE_NOT_TRUSTED, CERTIFICATE_EXPIRED,
        CERTIFICATE_NAMES_ANOTHER_ORGANISATION, CERTIFICATE_ALREADY_BOUND, CERTIFICATE_NOT_BOUND, WEB_NOT_COVERED,
        USER_ALREADY_REGISTERED, USER_NOT_REGISTERED, ALREADY_DEREGISTERED, DATE_IN_PAST,
        // Actor registrations (aktörer) of LEFI Förmånsinformation v9 and SSBTEK.
        INVALID_ACTOR_ID, ACTOR_ALREADY_REGISTERED, ACTOR_NOT_REGISTERED, ACTOR_ALREADY_ENDED, ACTOR_NOT_A_CLIENT, PRINCIPAL_MISSING,
        NO_LEGAL_BASIS
    }

    private final Code code;

    public LifecycleException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
