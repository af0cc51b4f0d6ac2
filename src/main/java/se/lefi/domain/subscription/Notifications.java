package se.lefi.domain.subscription;

import java.time.Instant;
import java.util.List;

/** The notifications of the organisations' feeds, in sequence order per feed. */
public interface Notifications {
    void append(long organisationId, Notification notification);

    /** Notifications after {@code after}, in sequence order, at most {@code max}. */
    List<Notification> after(long organisationId, long after, int max);

    /** Notifications created in [from, to), in sequence order (the daily file). */
    List<Notification> createdBetween(long organisationId, Instant from, Instant to);
}
