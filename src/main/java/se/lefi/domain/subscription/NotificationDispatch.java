package se.lefi.domain.subscription;

import java.util.List;

/**
 * The dispatcher's position in the register's changes, and the lock every producer of notifications
 * holds, so that one feed's sequence numbers are handed out by one transaction at a time, on any node.
 */
public interface NotificationDispatch {
    /** Takes the dispatch lock until the transaction ends; returns the last change notified. */
    long lock();

    /** The changes up to {@code lastChange} are notified. */
    void dispatched(long lastChange);

    Backlog backlog();

    /** The register's changes after {@code after}, in order, at most {@code max}. */
    List<RecordedChange> changesAfter(long after, int max);
}
