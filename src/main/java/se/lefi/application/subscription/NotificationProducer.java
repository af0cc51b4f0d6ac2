package se.lefi.application.subscription;

import se.lefi.application.access.DisclosureService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Sgi;
import se.lefi.domain.subscription.NotificationContent;
import se.lefi.domain.subscription.NotificationDispatch;
import se.lefi.domain.subscription.RecordedChange;
import se.lefi.domain.subscription.RegisterChange;
import se.lefi.domain.subscription.Subscription;
import se.lefi.domain.subscription.SubscriptionScope;
import se.lefi.domain.subscription.Subscriptions;
import se.lefi.infrastructure.config.LefiConfiguration;
import se.lefi.infrastructure.register.RegisterReader;

/**
 * Produces notifications from the register's changes, one batch per transaction under the dispatch
 * lock: the notifications, their audit records and the dispatcher's new position commit together, so
 * a change is notified exactly once to each subscription, in change order, on whichever node runs it.
 * The decision is re-run for every subscription; a refusal (terminated agreement, ceased assignment,
 * withdrawn consent, ...) ends the subscription from that day and is audited.
 */
@Stateless
public class NotificationProducer {
    static final String NOTIFICATION = "SubscriptionNotification";
    static final String INTERFACE = ServiceInterface.SYSTEM_TO_SYSTEM.name();

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @PersistenceContext
    EntityManager em;

    @EJB
    DisclosureService disclosure;

    @Inject
    LefiConfiguration configuration;

    @Inject
    NotificationDispatch dispatch;

    @Inject
    Subscriptions subscriptions;

    @Inject
    NotificationWriter writer;

    /** Notifies the next changes, at most {@code max}; returns how many changes it took. */
    public int dispatch(int max) {
        LocalDate today = LocalDate.now(configuration.clock());
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            long last = dispatch.lock();
            List<RecordedChange> changes = dispatch.changesAfter(last, max);
            if (changes.isEmpty()) {
                return 0;
            }
            Set<String> persons = changes.stream().map(RecordedChange::personId).collect(Collectors.toCollection(LinkedHashSet::new));
            Map<String, List<Subscription>> byPerson = subscriptions.liveFor(persons).stream()
                    .collect(Collectors.groupingBy(Subscription::personId));
            Batch batch = new Batch(c, today, now);
            for (RecordedChange row : changes) {
                for (Subscription subscription : byPerson.getOrDefault(row.personId(), List.of())) {
                    if (row.number() > subscription.afterChange()) {
                        batch.notify(subscription, row);
                    }
                }
            }
            batch.finish();
            dispatch.dispatched(changes.get(changes.size() - 1).number());
            return changes.size();
        } catch (SQLException e) {
            throw new IllegalStateException("notifications could not be produced", e);
        }
    }

    /**
     * Ends the live subscriptions whose decision no longer holds today (checked once a day and on
     * demand, so a termination stops subscriptions of persons without changes too); returns how many.
     */
    public record SweepPage(int ended, long lastId) {
    }

    /** One page of the sweep: live subscriptions after id {@code afterId}; {@code lastId} -1 when none were left. */
    public SweepPage sweep(long afterId, int max) {
        LocalDate today = LocalDate.now(configuration.clock());
        try (Connection c = dataSource.getConnection()) {
            dispatch.lock();
            List<Subscription> page = subscriptions.livePage(afterId, max);
            Batch batch = new Batch(c, today, Instant.now());
            int ended = 0;
            for (Subscription subscription : page) {
                if (batch.decide(subscription) == null) {
                    ended++;
                }
            }
            batch.finish();
            return new SweepPage(ended, page.isEmpty() ? -1 : page.get(page.size() - 1).id());
        } catch (SQLException e) {
            throw new IllegalStateException("the subscription sweep failed", e);
        }
    }

    /** One transaction's work: decisions memoised per order's terms, feed positions, audit records. */
    private final class Batch {
        private final Connection c;
        private final LocalDate today;
        private final Instant now;
        private final Map<String, DisclosureService.Decided> decisions = new HashMap<>();
        private final Map<Long, Organisation> organisations = new HashMap<>();
        private final NotificationWriter.Batch written = writer.begin();
        private final Set<Long> ended = new HashSet<>();

        Batch(Connection c, LocalDate today, Instant now) {
            this.c = c;
            this.today = today;
            this.now = now;
        }

        /** The types the subscription may still receive, or null when it was ended now. */
        Set<InformationType> decide(Subscription s) {
            if (ended.contains(s.id())) {
                return null;
            }
            DisclosureService.Decided decided = decisions.computeIfAbsent(terms(s), key -> disclosure.recheck(
                    organisation(s.organisationId()), s.question(today), today, new AuditRecord("-", now, INTERFACE, NOTIFICATION)));
            Refusal refusal = s.consentWithdrawnOn(today) ? Refusal.of(RefusalCode.CONSENT_WITHDRAWN) : decided.refusal();
            if (refusal != null) {
                subscriptions.end(s.id(), today, now, refusal.code().name());
                ended.add(s.id());
                written.audit(record(s).outcome(refusal.code().name()));
                return null;
            }
            Set<InformationType> types = EnumSet.noneOf(InformationType.class);
            types.addAll(s.informationTypes());
            types.retainAll(decided.types().granted());
            return types;
        }

        void notify(Subscription s, RecordedChange row) throws SQLException {
            Set<InformationType> types = decide(s);
            if (types == null) {
                return;
            }
            RegisterChange change = row.change();
            NotificationContent.ChangeType type = new SubscriptionScope(types, s.from())
                    .changeType(change, row.previousType(), row.previousEnd(), row.version() > 1);
            if (type == null) {
                return;
            }
            List<Sgi> sgi = change.kind() == RegisterChange.ItemKind.SGI
                    ? RegisterReader.sgiAsOf(c, s.personId(), s.from(), SubscriptionScope.OPEN_END, row.recordedAt()) : null;
            NotificationContent content = NotificationContent.change(change, type, sgi);
            AuditRecord record = record(s).disclosed(change.informationType().name(), null, row.recordedAt()).outcome(AuditRecord.GRANTED);
            written.append(s.organisationId(), s.id(), s.personId(), row.number(), row.recordedAt(), now, record, content);
        }

        void finish() {
            written.finish();
        }

        private AuditRecord record(Subscription s) {
            return s.describe(new AuditRecord(UUID.randomUUID().toString(), now, INTERFACE, NOTIFICATION)
                    .caller(s.organisationNumber(), null), s.orderId());
        }

        private Organisation organisation(long id) {
            return organisations.computeIfAbsent(id, key -> em.find(Organisation.class, key));
        }

        /** Everything the decision depends on but the person, whose number was checked when ordered. */
        private String terms(Subscription s) {
            return s.organisationId() + "|" + s.principalNumber() + "|" + s.purpose() + "|"
                    + (s.consent() == null ? "" : s.consent().auditText()) + "|" + s.caseId() + "|" + s.from() + "|"
                    + s.informationTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        }
    }
}
