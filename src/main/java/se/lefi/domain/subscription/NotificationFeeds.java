package se.lefi.domain.subscription;

import java.util.List;
import java.util.Optional;

/** The organisations' feeds and their positions: the last sequence number handed out, and the acknowledged one. */
public interface NotificationFeeds {
    /** The organisation's feed, locked until the transaction ends; created empty on first use. */
    NotificationFeed lock(long organisationId);

    /** The organisation's feed as it stands; an empty one when it has had no subscription yet. */
    NotificationFeed feedOrEmpty(long organisationId);

    void setLastSequence(long organisationId, long lastSequence);

    /** Moves the acknowledged position forward (never back). */
    void acknowledge(long organisationId, long upTo);

    /** The organisation numbers of every feed, in order. */
    List<String> organisationsWithFeed();

    /** The organisation number of the feed's organisation. */
    Optional<String> organisationNumber(long organisationId);
}
