package se.lefi.application.subscription;

import se.lefi.application.access.CallerIdentification;
import se.lefi.application.audit.AdminActions;
import se.lefi.domain.access.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.subscription.Backlog;
import se.lefi.domain.subscription.NotificationDispatch;
import se.lefi.domain.subscription.NotificationFeed;
import se.lefi.domain.subscription.NotificationFeeds;
import se.lefi.domain.subscription.PushLeases;
import se.lefi.domain.subscription.RegisterChange;
import se.lefi.domain.subscription.SubscriptionMetering;
import se.lefi.infrastructure.config.LefiConfiguration;
import se.lefi.infrastructure.register.RegisterJson;

/**
 * The administrators' side of subscriptions: feeding register changes, push endpoints, and what
 * each organisation's feed and monitoring look like (metered for the fee model). Every step is in
 * the admin action log, refusals too. All JDBC runs in a container transaction, never on a bare
 * connection whose commit would be left to chance.
 */
@Stateless
public class SubscriptionAdministration {
    /** Changes applied per transaction. */
    public static final int CHUNK = 1000;

    @Inject
    NotificationFeeds feeds;

    @Inject
    PushLeases leases;

    @Inject
    SubscriptionMetering metering;

    @Inject
    NotificationDispatch dispatch;

    @EJB
    RegisterChanges changes;

    @EJB
    AdminActions actions;

    @Inject
    CallerIdentification identification;

    @EJB
    NotificationDispatcher dispatcher;

    @Inject
    LefiConfiguration configuration;

    /** What a change file did: how many were applied, and the first refused one (by line), if any. */
    public record ApplyReport(int applied, long lastChange, Integer refusedLine, String code, String message) {
    }

    public record FeedView(String organisationNumber, long personsMonitored, long notificationsThisMonth, long lastSequence,
                           long acknowledged, String pushUrl, long pushed, int pushFailures, Instant pushNextAttempt,
                           String pushLastError, Instant pushLastErrorAt) {
    }

    /** Delay from a change's register time to its notification's production, over the notifications of later changes. */
    public record Delays(long notifications, double p50Millis, double p99Millis, double maxMillis) {
    }

    /**
     * Applies changes in transactions of {@value #CHUNK}; {@code lines[i]} is the file line of change i.
     * A refused change stops the file there: the chunks before it stay applied, its own chunk is rolled back.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each chunk is a transaction of its own
    /** One line of a change file (a JSON object: {"decision"|"payment"|"sgi": {...}}), or empty when it is none. */
    public static Optional<RegisterChange> changeOfLine(String line) {
        return RegisterJson.change(line);
    }

    public ApplyReport apply(Caller admin, List<RegisterChange> all, List<Integer> lines) {
        int applied = 0;
        long last = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<RegisterChange> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            try {
                last = changes.apply(chunk).lastChange();
                applied += chunk.size();
            } catch (RegisterChanges.Refused e) {
                int line = lines.get(from + e.index());
                actions.recordRefusal(AdminActions.of(admin, "APPLY_REGISTER_CHANGES", "register", "applied " + applied + " of " + all.size()
                        + "; line " + line + " refused", e.code()));
                return new ApplyReport(applied, last, line, e.code(), e.getMessage());
            }
        }
        actions.recordOutsideParties(AdminActions.of(admin, "APPLY_REGISTER_CHANGES", "register", "applied " + applied + " changes, up to change " + last, "DONE"));
        return new ApplyReport(applied, last, null, null, null);
    }

    /** Sets (or with null clears) the organisation's push endpoint; an absent organisation gives empty. */
    public Optional<FeedView> setPushEndpoint(Caller admin, String organisationNumber, URI url) {
        Optional<Organisation> organisation = identification.organisationByNumber(organisationNumber);
        if (organisation.isEmpty()) {
            return Optional.empty();
        }
        feeds.lock(organisation.get().id());
        leases.setEndpoint(organisation.get().id(), url == null ? null : url.toString());
        actions.record(AdminActions.of(admin, "SET_PUSH_ENDPOINT", organisationNumber, url == null ? "none" : url.toString(), "DONE"));
        return feed(organisationNumber);
    }

    public Optional<FeedView> feed(String organisationNumber) {
        Optional<Organisation> organisation = identification.organisationByNumber(organisationNumber);
        if (organisation.isEmpty()) {
            return Optional.empty();
        }
        long id = organisation.get().id();
        YearMonth month = YearMonth.now(configuration.clock());
        NotificationFeed feed = feeds.feedOrEmpty(id);
        return Optional.of(new FeedView(organisationNumber, metering.personsMonitored(id),
                metering.notificationsBetween(id, month.atDay(1).atStartOfDay(LefiConfiguration.SWEDEN).toInstant(),
                        month.plusMonths(1).atDay(1).atStartOfDay(LefiConfiguration.SWEDEN).toInstant()),
                feed.lastSequence(), feed.acknowledged(), feed.pushUrl(), feed.pushed(), feed.pushFailures(),
                feed.pushNextAttempt(), feed.pushLastError(), feed.pushLastErrorAt()));
    }

    public List<FeedView> feeds() {
        return feeds.organisationsWithFeed().stream().map(this::feed).flatMap(Optional::stream).toList();
    }

    public Backlog backlog() {
        return dispatch.backlog();
    }

    public Delays delays(long afterChange) {
        long[] micros = metering.changeDelaysMicros(afterChange);
        if (micros.length == 0) {
            return new Delays(0, 0, 0, 0);
        }
        java.util.Arrays.sort(micros);
        return new Delays(micros.length, percentile(micros, 0.50), percentile(micros, 0.99), micros[micros.length - 1] / 1000.0);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1000.0;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each page is a transaction of its own
    public int sweep(Caller admin) {
        int ended = dispatcher.sweep();
        actions.recordOutsideParties(AdminActions.of(admin, "SWEEP_SUBSCRIPTIONS", "subscriptions", ended + " subscriptions ended", "DONE"));
        return ended;
    }
}
