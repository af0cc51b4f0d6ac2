package se.lefi.application.subscription;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import se.lefi.infrastructure.subscription.SubscriptionStore;

/**
 * The database side of push delivery, each call a transaction of its own: which feeds are due, the
 * feed's push lease, the next batch of one, and the outcome of an attempt (which gives the lease
 * back). The HTTP call happens between them, outside any transaction, so a slow receiver holds no
 * lock; the lease keeps the other nodes of a cluster from pushing the same feed meanwhile.
 */
@Stateless
public class PushFeeds {
    /** A batch to push: the organisation, its notifications in order, and the last sequence number in it. */
    public record Batch(String organisationNumber, List<SubscriptionStore.StoredNotification> notifications, long upTo) {
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** Feeds with an endpoint and something not yet pushed, whose back-off has passed. */
    public List<SubscriptionStore.Feed> due(Instant now) {
        try (Connection c = dataSource.getConnection()) {
            return SubscriptionStore.feedsToPush(c).stream()
                    .filter(f -> f.pushNextAttempt() == null || !now.isBefore(f.pushNextAttempt())).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("the feeds to push could not be read", e);
        }
    }

    /** Takes the feed's push lease for {@code node} for {@code lease}; false while another node holds it. */
    public boolean claim(SubscriptionStore.Feed feed, String node, java.time.Duration lease) {
        try (Connection c = dataSource.getConnection()) {
            Instant now = Instant.now();
            return SubscriptionStore.claimPush(c, feed.organisationId(), node, now, now.plus(lease));
        } catch (SQLException e) {
            throw new IllegalStateException("the push lease could not be taken", e);
        }
    }

    /** The next batch after what is pushed now (read again: another node may have pushed since {@code feed} was read). */
    public Batch next(SubscriptionStore.Feed feed, int max) {
        try (Connection c = dataSource.getConnection()) {
            long pushed = SubscriptionStore.feedOrEmpty(c, feed.organisationId()).pushed();
            List<SubscriptionStore.StoredNotification> batch = SubscriptionStore.notifications(c, feed.organisationId(), pushed, max);
            return new Batch(SubscriptionStore.organisationNumber(c, feed.organisationId()), batch,
                    batch.isEmpty() ? pushed : batch.get(batch.size() - 1).sequence());
        } catch (SQLException e) {
            throw new IllegalStateException("the batch could not be read", e);
        }
    }

    public void pushed(long organisationId, long upTo) {
        try (Connection c = dataSource.getConnection()) {
            SubscriptionStore.pushed(c, organisationId, upTo);
        } catch (SQLException e) {
            throw new IllegalStateException("the push could not be recorded", e);
        }
    }

    public void failed(long organisationId, int failures, Instant nextAttempt, String error, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            SubscriptionStore.pushFailed(c, organisationId, failures, nextAttempt, error, at);
        } catch (SQLException e) {
            throw new IllegalStateException("the failed push could not be recorded", e);
        }
    }
}
