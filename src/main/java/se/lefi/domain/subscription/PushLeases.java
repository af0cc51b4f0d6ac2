package se.lefi.domain.subscription;

import java.time.Instant;
import java.util.List;

/**
 * Push delivery's state on the feeds: the endpoint, the position pushed, the failures, and the lease
 * that keeps the other nodes of a cluster from pushing the same feed at once.
 */
public interface PushLeases {
    /** Feeds with a push endpoint and notifications not yet pushed. */
    List<NotificationFeed> withUnpushed();

    /** Sets (or with null clears) the feed's endpoint, and forgets its failures. */
    void setEndpoint(long organisationId, String url);

    /**
     * Takes the feed's push lease for {@code node} until {@code until}, if no other node holds one that
     * is still running at {@code now}; true when taken.
     */
    boolean claim(long organisationId, String node, Instant now, Instant until);

    /** Records a push up to {@code upTo} (never backwards) and gives the lease back. */
    void pushed(long organisationId, long upTo);

    /** Records a failed attempt and gives the lease back. */
    void failed(long organisationId, int failures, Instant nextAttempt, String error, Instant at);
}
