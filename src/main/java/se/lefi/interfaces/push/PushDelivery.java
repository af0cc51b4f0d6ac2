package se.lefi.interfaces.push;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.lefi.application.subscription.PushFeeds;
import se.lefi.infrastructure.metrics.ServiceLevelRecorder;
import se.lefi.domain.subscription.NotificationFeed;
import se.lefi.domain.subscription.PushBatch;
import se.lefi.interfaces.rest.v1.SubscriptionJson;

/**
 * Optional push of each organisation's feed to its own HTTPS endpoint, over mutual TLS with the
 * server's certificate. Batches go in sequence order; a 2xx moves the pushed position, anything else
 * is retried with exponential back-off (1 s doubling to {@code lefi.push.maxBackoffSeconds}), and the
 * failure is shown to admins on the feed. Delivery is at least once: a receiver drops sequence
 * numbers it already has.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PushDelivery {
    private static final Logger LOG = Logger.getLogger(PushDelivery.class.getName());
    static final int BATCH = 100;
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** What a receiver gets: the notifications in order, in the pull feed's form. */
    public record Push(String organisationNumber, long lastSequence, List<SubscriptionJson.NotificationOut> notification) {
    }

    @EJB
    ServiceLevelRecorder serviceLevels;

    @EJB
    PushFeeds feeds;

    @Inject
    @ConfigProperty(name = "lefi.push.maxBackoffSeconds", defaultValue = "300")
    long maxBackoffSeconds;

    @Inject
    @ConfigProperty(name = "lefi.push.timeoutSeconds", defaultValue = "10")
    long timeoutSeconds;

    private HttpClient client;

    @PostConstruct
    void start() {
        try {
            client = HttpClient.newBuilder().sslContext(SSLContext.getDefault())
                    .connectTimeout(Duration.ofSeconds(timeoutSeconds)).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS for push delivery", e);
        }
    }

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
        if (!feeds.claim(feed, serviceLevels.node(), Duration.ofSeconds(3 * timeoutSeconds + 5))) {
            return;
        }
        PushBatch batch = feeds.next(feed, BATCH);
        if (batch.notifications().isEmpty()) {
            feeds.pushed(feed.organisationId(), batch.upTo());
            return;
        }
        String body = JSONB.toJson(new Push(batch.organisationNumber(), batch.upTo(),
                batch.notifications().stream().map(SubscriptionJson.NotificationOut::of).toList()));
        String error;
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(feed.pushUrl()))
                    .timeout(Duration.ofSeconds(timeoutSeconds))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                feeds.pushed(feed.organisationId(), batch.upTo());
                return;
            }
            error = "HTTP " + response.statusCode();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int failures = feed.pushFailures() + 1;
        long backoff = Math.min(maxBackoffSeconds, 1L << Math.min(20, failures - 1));
        Instant now = Instant.now();
        feeds.failed(feed.organisationId(), failures, now.plusSeconds(backoff), error, now);
    }
}
