package se.lefi.domain.shared;

/**
 * Why a question was refused. The names are the contract's stable fault codes (FaultCode in
 * lefi_online_core_1.0.xsd); a unit test keeps the two lists equal.
 */
public enum RefusalCode {
    INVALID_REQUEST("The request does not conform to the contract."),
    INVALID_PERSON_ID("The person id is not a valid personnummer or samordningsnummer."),
    INVALID_ORGANISATION_NUMBER("The organisation number is not valid."),
    INVALID_PERIOD("The period starts after it ends."),
    PERIOD_TOO_LONG("The period is longer than two years and the agreement does not allow it."),
    NO_INFORMATION_TYPE("No information type was asked for."),
    NO_CLIENT_CERTIFICATE("No client certificate was presented."),
    UNKNOWN_CERTIFICATE("The client certificate does not identify an organisation."),
    CERTIFICATE_REVOKED("The client certificate is revoked by its issuer."),
    CERTIFICATE_STATUS_UNKNOWN("Whether the client certificate is revoked cannot be checked now, and the service refuses unchecked certificates."),
    NOT_CONNECTED("The organisation is not connected to the service."),
    AGREEMENT_NOT_SIGNED("The agreement is not signed by both parties."),
    AGREEMENT_TERMINATED("The agreement is terminated."),
    INTERFACE_NOT_COVERED("The agreement does not cover this interface."),
    PURPOSE_NOT_IN_AGREEMENT("The purpose is not covered by the agreement."),
    NO_LEGAL_BASIS("There is no legal basis for this purpose for this kind of organisation."),
    CONSENT_MISSING("The purpose requires the individual's consent, and no consent reference was given."),
    CONSENT_INVALID("The consent reference is not valid on the day of the question."),
    CONSENT_WITHDRAWN("The individual has withdrawn the consent."),
    CASE_MISSING("An authority must name its open case about the person."),
    PRINCIPAL_MISSING("An agent must name the principal it acts for."),
    PRINCIPAL_NOT_ALLOWED("Only an agent may act on behalf of a principal."),
    NO_LIVE_ASSIGNMENT("The agent has no live assignment from the principal."),
    USER_NOT_AUTHORISED("The user has no live access-rights decision."),
    USER_DEREGISTERED("The user is deregistered."),
    NOT_SUBSCRIBED("The organisation has no live subscription for that person."),
    OUTSIDE_SERVICE_HOURS("The service is closed at this time."),
    TOO_MANY_REQUESTS("The organisation has as many requests in progress as it may have; try again shortly."),
    UNKNOWN_ACTOR("No actor of the client certificate's organisation is registered under that id."),
    ACTOR_ENDED("The actor's registration has ended."),
    SUBMITTER_MISMATCH("The submitter (ingivare) is neither the certificate's organisation nor the principal of the agent that presents it."),
    QUESTION_NOT_IN_CASE("The question's person or period is not the case's (generella frågeparametrar)."),
    UNSUPPORTED_VERSION("The question names a version of LEFI Förmånsinformation this service does not implement (only v9)."),
    SERVICE_UNAVAILABLE("The question could not be answered; nothing was disclosed.");

    private final String defaultMessage;

    RefusalCode(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }

    /** A message that holds no personal data and no organisation number. */
    public String defaultMessage() {
        return defaultMessage;
    }
}
