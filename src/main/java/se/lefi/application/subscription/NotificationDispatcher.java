package se.lefi.application.subscription;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drives {@link NotificationProducer}: every second, and at once after register changes commit. Each
 * batch is its own transaction; the producer's lock keeps several nodes from producing at once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationDispatcher {
    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class.getName());
    static final int BATCH = 500;

    /** Fired by whoever applied register changes, once they are committed. */
    public record ChangesApplied(long lastChange) {
    }

    @EJB
    NotificationProducer producer;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "lefi.subscriptions.dispatch.enabled", defaultValue = "true")
    boolean enabled;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    public void everySecond() {
        drain();
    }

    /**
     * After the changes commit, on a thread of its own: this runs in the committed transaction's
     * completion, where new work would join that finished transaction and never commit.
     */
    public void changesApplied(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangesApplied applied) {
        executor.execute(this::drain);
    }

    /** One drain at a time on this node: a second caller leaves it to the running one, or to the next second. */
    private final AtomicBoolean draining = new AtomicBoolean();

    /** Produces notifications until no change is left; returns how many changes it took. */
    public long drain() {
        if (!enabled || !draining.compareAndSet(false, true)) {
            return 0;
        }
        long total = 0;
        try {
            int taken;
            do {
                taken = producer.dispatch(BATCH);
                total += taken;
            } while (taken == BATCH);
        } catch (RuntimeException e) {
            // Nothing is lost: the batch rolled back and the next run takes it again.
            LOG.log(Level.WARNING, "producing notifications failed; retried in a second", e);
        } finally {
            draining.set(false);
        }
        return total;
    }

    @Schedule(hour = "0", minute = "5", persistent = false)
    public void daily() {
        sweep();
    }

    /** Ends the subscriptions whose decision no longer holds; daily, and on an admin's demand. */
    public int sweep() {
        int ended = 0;
        long after = 0;
        while (after >= 0) {
            NotificationProducer.SweepPage page = producer.sweep(after, BATCH);
            ended += page.ended();
            after = page.lastId();
        }
        if (ended > 0) {
            LOG.info("subscription sweep: " + ended + " subscriptions ended");
        }
        return ended;
    }
}
