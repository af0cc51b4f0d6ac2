package se.lefi.application.subscription;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.lefi.domain.subscription.NotificationFeed;
import se.lefi.domain.subscription.NotificationPush;
import se.lefi.domain.subscription.PushBatch;
import se.lefi.domain.subscription.PushBodyFormat;
import se.lefi.infrastructure.metrics.ServiceLevelRecorder;

/**
 * Optional push of each organisation's feed to its own HTTPS endpoint ({@link NotificationPush}).
 * Batches go in sequence order; a taken batch moves the pushed position, anything else is retried
 * with exponential back-off (1 s doubling to {@code lefi.push.maxBackoffSeconds}), and the failure is
 * shown to admins on the feed. Delivery is at least once: a receiver drops sequence numbers it
 * already has.
 */
@Singleton
@Startup
// Not before the schema is migrated: two failed rounds at startup would end the schedule for good.
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PushDelivery {
    private static final Logger LOG = Logger.getLogger(PushDelivery.class.getName());
    static final int BATCH = 100;

    @EJB
    ServiceLevelRecorder serviceLevels;

    @EJB
    PushFeeds feeds;

    @Inject
    NotificationPush push;

    @Inject
    PushBodyFormat format;

    @Inject
    @ConfigProperty(name = "lefi.push.maxBackoffSeconds", defaultValue = "300")
    long maxBackoffSeconds;

    /** A slow receiver holds up this node's next round, not a pile of them. */
    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    public void everySecond() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (NotificationFeed feed : feeds.due(Instant.now())) {
                push(feed);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "push delivery failed; retried in a second", e);
        } finally {
            running.set(false);
        }
    }

    private void push(NotificationFeed feed) {
        // Longer than an attempt can take (connect plus response), so a live pusher keeps it.
        if (!feeds.claim(feed, serviceLevels.node(), push.timeout().multipliedBy(3).plusSeconds(5))) {
            return;
        }
        PushBatch batch = feeds.next(feed, BATCH);
        if (batch.notifications().isEmpty()) {
            feeds.pushed(feed.organisationId(), batch.upTo());
            return;
        }
        Optional<String> error;
        try {
            error = push.send(feed.pushUrl(), format.body(batch));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (error.isEmpty()) {
            feeds.pushed(feed.organisationId(), batch.upTo());
            return;
        }
        int failures = feed.pushFailures() + 1;
        long backoff = Math.min(maxBackoffSeconds, 1L << Math.min(20, failures - 1));
        Instant now = Instant.now();
        feeds.failed(feed.organisationId(), failures, now.plusSeconds(backoff), error.get(), now);
    }
}
