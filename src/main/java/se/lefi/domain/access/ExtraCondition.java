package se.lefi.domain.access;

/** What a question must carry besides its purpose, by the legal basis it relies on. */
public enum ExtraCondition {
    NONE,
    /** The individual's consent (samtycke). */
    CONSENT,
    /** An open case (ärende) about the person at the asking authority. */
    OPEN_CASE
}
