package se.lefi.application.subscription;

import se.lefi.application.access.CallerIdentification;
import se.lefi.application.access.DisclosureService;
import se.lefi.application.access.Outcome;
import se.lefi.domain.access.Caller;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import se.lefi.domain.access.AccessCheck;
import se.lefi.domain.access.AccessPipeline;
import se.lefi.domain.access.BenefitQuestion;
import se.lefi.domain.access.ConsentReference;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.time.SwedishTime;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.domain.identity.PersonId;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.PersonRecord;
import se.lefi.domain.subscription.Notification;
import se.lefi.domain.subscription.NotificationContent;
import se.lefi.domain.subscription.NotificationDispatch;
import se.lefi.domain.subscription.NotificationFeed;
import se.lefi.domain.subscription.NotificationFeeds;
import se.lefi.domain.subscription.Notifications;
import se.lefi.domain.subscription.Subscription;
import se.lefi.domain.subscription.SubscriptionScope;
import se.lefi.domain.subscription.Subscriptions;
import se.lefi.infrastructure.audit.AuditTrail;
import se.lefi.infrastructure.config.LefiConfiguration;
import se.lefi.infrastructure.register.RegisterReader;
import se.lefi.infrastructure.register.RegisterWriter;

/**
 * The subscription service's orders and feed, for systems over mTLS (LEKA, with LEFI Prenumeration's
 * order types). Orders about persons pass the question's decision per person and are audited per
 * person; a new order or a full update sends the person's data from the from-date at once, as the
 * first notification, under the dispatch lock, so no change is sent twice or missed around it.
 */
@Stateless
public class SubscriptionService {
    public static final String ORDER = "OrderSubscription";
    public static final String CANCEL = "CancelSubscription";
    public static final String FULL_UPDATE = "OrderFullUpdate";
    public static final String WITHDRAW_CONSENT = "WithdrawConsent";
    public static final String FEED = "GetNotifications";
    public static final String ACKNOWLEDGE = "AcknowledgeNotifications";
    public static final String DAILY_FILE = "GetDailyFile";
    public static final int MAX_PERSONS = 1000;
    public static final int MAX_NOTIFICATIONS = 1000;
    private static final String INTERFACE = ServiceInterface.SYSTEM_TO_SYSTEM.name();

    /** A new order (nybeställning): persons, types, purpose, consent or case, and the from-date. */
    public record NewOrder(List<String> personIds, List<InformationType> informationTypes, Purpose purpose,
                           ConsentReference consent, String caseId, LocalDate from, String correlationId) {
    }

    /** One person of an order, by position in the request: its audit record and subscription, or the refusal. */
    public record PersonOutcome(int index, String requestId, Long subscriptionId, Refusal refusal) {
    }

    public record Receipt(String orderId, List<PersonOutcome> persons) {
    }

    /** The identified caller, or the refusal with its audited request id. */
    private record Who(String requestId, Refusal refusal, long organisationId, String organisationNumber) {
    }

    public record FeedPage(long lastSequence, long acknowledged, List<Notification> notifications) {
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @EJB
    DisclosureService disclosure;

    @Inject
    CallerIdentification identification;

    @Inject
    AuditTrail audit;

    @Inject
    LefiConfiguration configuration;

    @Inject
    NotificationDispatch dispatch;

    @Inject
    Subscriptions subscriptions;

    @Inject
    NotificationFeeds feeds;

    @Inject
    Notifications notifications;

    @Inject
    NotificationWriter writer;

    public Outcome<Receipt> order(Caller caller, String principal, NewOrder order) {
        LocalDate today = today();
        Optional<Refusal> invalid = order.from() == null ? Optional.of(new Refusal(RefusalCode.INVALID_REQUEST, "The from-date is missing."))
                : personCount(order.personIds());
        return underDispatchLock(caller, ORDER, principal, today, invalid, (c, position, who, orderId, outcomes) -> {
            OrderFeed feed = new OrderFeed(c, who.organisationId(), position);
            DisclosureService.Decided firstGranted = null;
            for (int i = 0; i < order.personIds().size(); i++) {
                BenefitQuestion question = new BenefitQuestion(order.personIds().get(i), order.from(),
                        order.from().isAfter(today) ? order.from() : today, order.informationTypes(), order.purpose(),
                        order.consent(), order.caseId(), principal, order.correlationId());
                AuditRecord record = record(ORDER);
                // The persons of one order share every term but the person: decided in full once.
                DisclosureService.Decided decided = firstGranted == null ? disclosure.decideOrder(caller, question, today, record)
                        : disclosure.sameOrderFor(firstGranted, caller, who.organisationNumber(), question, today, record);
                if (decided.refusal() != null) {
                    feed.written.audit(record.outcome(decided.refusal().code().name()));
                    outcomes.add(new PersonOutcome(i, record.requestId(), null, decided.refusal()));
                    continue;
                }
                firstGranted = decided;
                long organisationId = who.organisationId();
                Optional<Subscription> existing = subscriptions.live(organisationId, decided.personId());
                if (existing.isPresent()) {
                    subscriptions.end(existing.get().id(), today, Instant.now(), Subscription.REPLACED);
                }
                Set<InformationType> granted = decided.types().granted();
                Subscription subscription = new Subscription(0, organisationId, who.organisationNumber(), principal,
                        decided.personId(), granted, order.purpose(), decided.basis().citation(), order.consent(), order.caseId(),
                        order.from(), orderId, Instant.now(), position.lastChange(), null, null, null);
                long id = subscriptions.add(subscription);
                feed.send(record, id, decided.personId(), NotificationContent.Kind.INITIAL, order.from(), granted,
                        decided.types().withheld());
                outcomes.add(new PersonOutcome(i, record.requestId(), id, null));
            }
            feed.finish();
        });
    }

    /** Cancel order (avbeställning): the organisation's live subscriptions for the persons end today. */
    public Outcome<Receipt> cancel(Caller caller, String principal, List<String> personIds) {
        return perSubscription(caller, principal, personIds, CANCEL, null);
    }

    /** Full update (fullständig uppdatering): everything covered from {@code from}, sent again, for each person. */
    public Outcome<Receipt> fullUpdate(Caller caller, String principal, List<String> personIds, LocalDate from) {
        return perSubscription(caller, principal, personIds, FULL_UPDATE, from);
    }

    private Outcome<Receipt> perSubscription(Caller caller, String principal, List<String> personIds, String operation, LocalDate from) {
        LocalDate today = today();
        Optional<Refusal> invalid = operation.equals(FULL_UPDATE) && from == null
                ? Optional.of(new Refusal(RefusalCode.INVALID_REQUEST, "The from-date is missing.")) : personCount(personIds);
        return underDispatchLock(caller, operation, principal, today, invalid, (c, position, who, orderId, outcomes) -> {
            for (int i = 0; i < personIds.size(); i++) {
                AuditRecord record = record(operation).caller(who.organisationNumber(), caller.certificateFingerprint()).principal(principal);
                String given = personIds.get(i);
                if (given == null || !PersonId.isValid(given, today)) {
                    audit.record(record.outcome(RefusalCode.INVALID_PERSON_ID.name()));
                    outcomes.add(new PersonOutcome(i, record.requestId(), null, Refusal.of(RefusalCode.INVALID_PERSON_ID)));
                    continue;
                }
                String personId = PersonId.parse(given, today).canonical();
                Optional<Subscription> live = subscriptions.live(who.organisationId(), personId)
                        .filter(found -> Objects.equals(found.principalNumber(), principal));
                if (live.isEmpty()) {
                    record.subject(personId, null, null);
                    audit.record(record.outcome(RefusalCode.NOT_SUBSCRIBED.name()));
                    outcomes.add(new PersonOutcome(i, record.requestId(), null, Refusal.of(RefusalCode.NOT_SUBSCRIBED)));
                    continue;
                }
                Subscription s = live.get();
                if (operation.equals(CANCEL)) {
                    subscriptions.end(s.id(), today, Instant.now(), Subscription.CANCELLED);
                    audit.record(s.describe(record, orderId).outcome(AuditRecord.GRANTED));
                    outcomes.add(new PersonOutcome(i, record.requestId(), s.id(), null));
                    continue;
                }
                BenefitQuestion question = new BenefitQuestion(personId, from, from.isAfter(today) ? from : today,
                        List.copyOf(s.informationTypes()), s.purpose(), s.consent(), s.caseId(), principal, orderId);
                AuditRecord decisionRecord = record(operation);
                DisclosureService.Decided decided = s.consentWithdrawnOn(today)
                        ? DisclosureService.Decided.refused(Refusal.of(RefusalCode.CONSENT_WITHDRAWN))
                        : disclosure.decideOrder(caller, question, today, decisionRecord);
                if (decided.refusal() != null) {
                    audit.record(decisionRecord.outcome(decided.refusal().code().name()));
                    outcomes.add(new PersonOutcome(i, decisionRecord.requestId(), s.id(), decided.refusal()));
                    continue;
                }
                subscriptions.resent(s.id(), from, position.lastChange());
                OrderFeed feed = new OrderFeed(c, who.organisationId(), position);
                feed.send(decisionRecord, s.id(), personId, NotificationContent.Kind.FULL_UPDATE, from,
                        decided.types().granted(), decided.types().withheld());
                feed.finish();
                outcomes.add(new PersonOutcome(i, decisionRecord.requestId(), s.id(), null));
            }
        });
    }

    /** An order's work on its persons, under the dispatch and register locks. */
    @FunctionalInterface
    private interface OrderWork {
        void run(Connection c, RegisterWriter.Position position, Who who, String orderId, List<PersonOutcome> outcomes)
                throws SQLException;
    }

    /**
     * Identifies the caller (a refusal ends the order here, audited), then runs {@code work} holding
     * the dispatch lock and the register's, so that no change is notified or applied in between.
     */
    private Outcome<Receipt> underDispatchLock(Caller caller, String operation, String principal, LocalDate today,
                                               Optional<Refusal> invalid, OrderWork work) {
        Who who = identify(caller, operation, principal, today, invalid);
        if (who.refusal() != null) {
            return Outcome.refused(who.requestId(), who.refusal());
        }
        String orderId = UUID.randomUUID().toString();
        List<PersonOutcome> outcomes = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            dispatch.lock();
            work.run(c, RegisterWriter.lock(c), who, orderId, outcomes);
        } catch (SQLException e) {
            throw new IllegalStateException("the order could not be recorded", e);
        }
        return Outcome.granted(orderId, new Receipt(orderId, outcomes));
    }

    /**
     * The individual has withdrawn a consent: the organisation's subscriptions under it stop from
     * {@code from} (today or later; from today they end at once). Returns how many subscriptions it touched.
     */
    public Outcome<Integer> withdrawConsent(Caller caller, String principal, String consentId, LocalDate from) {
        LocalDate today = today();
        Optional<Refusal> invalid = consentId == null || consentId.isBlank() || from == null
                ? Optional.of(new Refusal(RefusalCode.INVALID_REQUEST, "The consent id and the date are required."))
                : from.isBefore(today) ? Optional.of(new Refusal(RefusalCode.INVALID_REQUEST, "The withdrawal takes effect today at the earliest."))
                : Optional.empty();
        Who who = identify(caller, WITHDRAW_CONSENT, principal, today, invalid);
        if (who.refusal() != null) {
            return Outcome.refused(who.requestId(), who.refusal());
        }
        AuditRecord record = record(WITHDRAW_CONSENT).caller(who.organisationNumber(), caller.certificateFingerprint())
                .principal(principal).basis(null, "id=" + consentId + "; withdrawnFrom=" + from, null);
        dispatch.lock();
        int touched = subscriptions.withdrawConsent(who.organisationId(), consentId, from);
        if (touched == 0) {
            audit.record(record.outcome(RefusalCode.NOT_SUBSCRIBED.name()));
            return Outcome.refused(record.requestId(), Refusal.of(RefusalCode.NOT_SUBSCRIBED));
        }
        audit.record(record.outcome(AuditRecord.GRANTED));
        return Outcome.granted(record.requestId(), touched);
    }

    /** The pull feed: notifications after {@code after} (default: the acknowledged position), at most {@code max}. */
    public Outcome<FeedPage> feed(Caller caller, Long after, int max) {
        LocalDate today = today();
        Optional<Refusal> invalid = max < 1 || max > MAX_NOTIFICATIONS || (after != null && after < 0)
                ? Optional.of(new Refusal(RefusalCode.INVALID_REQUEST, "max is 1 to " + MAX_NOTIFICATIONS + " and after is 0 or more."))
                : Optional.empty();
        Who who = identify(caller, FEED, null, today, invalid);
        if (who.refusal() != null) {
            return Outcome.refused(who.requestId(), who.refusal());
        }
        NotificationFeed feed = feeds.feedOrEmpty(who.organisationId());
        long from = after == null ? feed.acknowledged() : after;
        return Outcome.granted(who.requestId(), new FeedPage(feed.lastSequence(), feed.acknowledged(),
                notifications.after(who.organisationId(), from, max)));
    }

    /** Acknowledges the feed up to {@code upTo}; again or lower is a no-op, beyond the feed's end a refusal. */
    public Outcome<FeedPage> acknowledge(Caller caller, long upTo) {
        LocalDate today = today();
        Who who = identify(caller, ACKNOWLEDGE, null, today, upTo < 0
                ? Optional.of(new Refusal(RefusalCode.INVALID_REQUEST, "The position is 0 or more.")) : Optional.empty());
        if (who.refusal() != null) {
            return Outcome.refused(who.requestId(), who.refusal());
        }
        NotificationFeed feed = feeds.lock(who.organisationId());
        if (upTo > feed.lastSequence()) {
            return Outcome.refused(who.requestId(), new Refusal(RefusalCode.INVALID_REQUEST,
                    "The position is beyond the feed's last sequence number."));
        }
        feeds.acknowledge(who.organisationId(), upTo);
        return Outcome.granted(who.requestId(), new FeedPage(feed.lastSequence(), Math.max(upTo, feed.acknowledged()), List.of()));
    }

    /** The daily file: every notification produced on {@code day} (Swedish time), in sequence order. */
    public Outcome<List<Notification>> dailyFile(Caller caller, LocalDate day) {
        LocalDate today = today();
        Who who = identify(caller, DAILY_FILE, null, today, day == null || day.isAfter(today)
                ? Optional.of(new Refusal(RefusalCode.INVALID_REQUEST, "The day is today or earlier.")) : Optional.empty());
        if (who.refusal() != null) {
            return Outcome.refused(who.requestId(), who.refusal());
        }
        return Outcome.granted(who.requestId(), notifications.createdBetween(who.organisationId(),
                day.atStartOfDay(SwedishTime.ZONE).toInstant(), day.plusDays(1).atStartOfDay(SwedishTime.ZONE).toInstant()));
    }

    /**
     * The organisation's feed during one order: each person's data appended as one notification,
     * audited by its record; the feed's position and the audit records written once, at the end.
     */
    private final class OrderFeed {
        private final Connection c;
        private final long organisationId;
        private final RegisterWriter.Position position;
        private final NotificationWriter.Batch written = writer.begin();

        OrderFeed(Connection c, long organisationId, RegisterWriter.Position position) {
            this.c = c;
            this.organisationId = organisationId;
            this.position = position;
        }

        void send(AuditRecord record, long subscriptionId, String personId, NotificationContent.Kind kind, LocalDate from,
                  Set<InformationType> granted, Set<InformationType> withheld) throws SQLException {
            Optional<PersonRecord> found = granted.isEmpty() ? Optional.empty()
                    : RegisterReader.read(c, personId, from, SubscriptionScope.OPEN_END, granted);
            NotificationContent content = found
                    .map(p -> NotificationContent.snapshot(kind, granted.contains(InformationType.GEPI) ? p.person() : null,
                            p.decisions(), p.payments(), p.sgi()))
                    .orElse(NotificationContent.snapshot(kind, null, List.of(), List.of(), List.of()));
            written.append(organisationId, subscriptionId, personId, null, position.registerTime(), Instant.now(),
                    record.disclosed(names(granted), names(withheld), position.registerTime()).outcome(AuditRecord.GRANTED), content);
        }

        void finish() {
            written.finish();
        }
    }

    /**
     * Who orders: identified, connected, and — for an agent — acting for a principal it has a live
     * assignment from. A refusal, or {@code invalid}, is audited here.
     */
    private Who identify(Caller caller, String operation, String principal, LocalDate today, Optional<Refusal> invalid) {
        AuditRecord record = record(operation);
        AccessCheck check = identification.check(caller, ServiceInterface.SYSTEM_TO_SYSTEM, today).principal(principal).invalid(invalid);
        AccessPipeline.Decision decision = AccessPipeline.decide(AccessPipeline.SUBSCRIPTION, check);
        record.caller(check.organisationNumber(), caller.certificateFingerprint()).principal(principal);
        if (!decision.granted()) {
            audit.record(record.outcome(decision.refusal().code().name()));
            return new Who(record.requestId(), decision.refusal(), 0, check.organisationNumber());
        }
        // Only refusals are audited here: each person of an order gets its own record, and each
        // notification was audited when it was produced, so reading the feed discloses nothing new.
        return new Who(record.requestId(), null, check.organisation().id(), check.organisationNumber());
    }

    private static Optional<Refusal> personCount(List<String> personIds) {
        return personIds == null || personIds.isEmpty() || personIds.size() > MAX_PERSONS
                ? Optional.of(new Refusal(RefusalCode.INVALID_REQUEST, "An order names 1 to " + MAX_PERSONS + " persons."))
                : Optional.empty();
    }

    private AuditRecord record(String operation) {
        return new AuditRecord(UUID.randomUUID().toString(), Instant.now(), INTERFACE, operation);
    }

    private LocalDate today() {
        return LocalDate.now(configuration.clock());
    }

    private static String names(Set<InformationType> types) {
        return types.isEmpty() ? null : types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

}
