package se.lefi.domain.register;

/** What one information source reported for a question. */
public enum SourceStatus {
    /** The source answered with data. */
    OK,
    /** The source answered, and holds nothing for the person and period. */
    MISSING,
    /** The source could not answer. */
    UNAVAILABLE
}
