package se.lefi.domain.audit;

/** A record of one of the chains (audit records, administrators' actions) as the sealer and the check see it. */
public interface Sealable {
    Long id();

    /** The hash stored when the record was written. */
    String recordHash();

    /** The hash the record's content gives now: equal to {@link #recordHash()} unless it was changed. */
    String computeHash();

    void sealIn(long sealId);

    default ChainCheck.Entry asRead() {
        return new ChainCheck.Entry(id(), recordHash(), computeHash());
    }
}
