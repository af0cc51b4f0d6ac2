package se.lefi.application.subscription;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import se.lefi.domain.subscription.Notification;
import se.lefi.domain.subscription.NotificationFeed;
import se.lefi.domain.subscription.NotificationFeeds;
import se.lefi.domain.subscription.Notifications;
import se.lefi.domain.subscription.PushBatch;
import se.lefi.domain.subscription.PushLeases;

/**
 * The database side of push delivery, each call a transaction of its own: which feeds are due, the
 * feed's push lease, the next batch of one, and the outcome of an attempt (which gives the lease
 * back). The HTTP call happens between them, outside any transaction, so a slow receiver holds no
 * lock; the lease keeps the other nodes of a cluster from pushing the same feed meanwhile.
 */
@Stateless
public class PushFeeds {
    @Inject
    PushLeases leases;

    @Inject
    NotificationFeeds feeds;

    @Inject
    Notifications notifications;

    /** Feeds with an endpoint and something not yet pushed, whose back-off has passed. */
    public List<NotificationFeed> due(Instant now) {
        return leases.withUnpushed().stream().filter(f -> f.pushDue(now)).toList();
    }

    /** Takes the feed's push lease for {@code node} for {@code lease}; false while another node holds it. */
    public boolean claim(NotificationFeed feed, String node, Duration lease) {
        Instant now = Instant.now();
        return leases.claim(feed.organisationId(), node, now, now.plus(lease));
    }

    /** The next batch after what is pushed now (read again: another node may have pushed since {@code feed} was read). */
    public PushBatch next(NotificationFeed feed, int max) {
        long pushed = feeds.feedOrEmpty(feed.organisationId()).pushed();
        List<Notification> batch = notifications.after(feed.organisationId(), pushed, max);
        return new PushBatch(feeds.organisationNumber(feed.organisationId()).orElse(null), batch,
                batch.isEmpty() ? pushed : batch.get(batch.size() - 1).sequence());
    }

    public void pushed(long organisationId, long upTo) {
        leases.pushed(organisationId, upTo);
    }

    public void failed(long organisationId, int failures, Instant nextAttempt, String error, Instant at) {
        leases.failed(organisationId, failures, nextAttempt, error, at);
    }
}
