package se.lefi.application.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import se.lefi.domain.alert.Alert;
import se.lefi.domain.alert.AlertRules;
import se.lefi.infrastructure.alert.AlertStore;
import se.lefi.infrastructure.alert.AlertStore.Question;

/**
 * Anomaly alerts from the audit stream. Every few seconds it reads the seals written since its last run
 * (every record is sealed once, whichever node wrote it, so nothing is read twice or passed over), adds
 * each caller question to its caller's counts, and checks the rules of {@link AlertRules} on what changed.
 * A rule that trips stores one alert per rule, caller and window, counts it in {@code lefi_alerts_total{rule}}
 * and logs its id and rule (never a person). Alerts never block a question.
 */
@Singleton
public class AnomalyDetection {
    private static final Logger LOG = Logger.getLogger(AnomalyDetection.class.getName());
    /** Seals read per run at most: a backlog is worked off over several runs. */
    static final int SEALS_PER_RUN = 200;
    private static final Metadata ALERTS = Metadata.builder().withName("lefi_alerts_total")
            .withDescription("Anomaly alerts raised, by rule").build();

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "lefi.alerts.bucketMinutes", defaultValue = "10")
    long bucketMinutes;
    @Inject
    @ConfigProperty(name = "lefi.alerts.rate.baselineDays", defaultValue = "7")
    long rateBaselineDays;
    @Inject
    @ConfigProperty(name = "lefi.alerts.rate.factor", defaultValue = "5")
    double rateFactor;
    @Inject
    @ConfigProperty(name = "lefi.alerts.rate.minimum", defaultValue = "200")
    long rateMinimum;
    @Inject
    @ConfigProperty(name = "lefi.alerts.persons.windowMinutes", defaultValue = "60")
    long personsWindowMinutes;
    @Inject
    @ConfigProperty(name = "lefi.alerts.persons.maximum", defaultValue = "50")
    long personsMaximum;
    @Inject
    @ConfigProperty(name = "lefi.alerts.refusals.minimum", defaultValue = "20")
    long refusalsMinimum;
    @Inject
    @ConfigProperty(name = "lefi.alerts.refusals.share", defaultValue = "0.9")
    double refusalsShare;
    @Inject
    @ConfigProperty(name = "lefi.alerts.hours.baselineDays", defaultValue = "14")
    long hoursBaselineDays;
    @Inject
    @ConfigProperty(name = "lefi.alerts.hours.established", defaultValue = "500")
    long hoursEstablished;
    @Inject
    @ConfigProperty(name = "lefi.alerts.hours.minimum", defaultValue = "5")
    long hoursMinimum;

    private AlertRules rules;
    private final Map<String, Counter> counters = new HashMap<>();

    @PostConstruct
    void start() {
        rules = new AlertRules(Duration.ofMinutes(bucketMinutes), Duration.ofDays(rateBaselineDays), rateFactor, rateMinimum,
                Duration.ofMinutes(personsWindowMinutes), personsMaximum, refusalsMinimum, refusalsShare,
                Duration.ofDays(hoursBaselineDays), hoursEstablished, hoursMinimum);
        for (AlertRules.Rule rule : AlertRules.Rule.values()) {
            counters.put(rule.name(), registry.counter(ALERTS, new Tag("rule", rule.name())));
        }
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    public void readStream() {
        try (Connection c = dataSource.getConnection()) {
            long after = AlertStore.lockLastSeal(c);
            long upTo = AlertStore.lastSealUpTo(c, after, SEALS_PER_RUN);
            if (upTo == after) {
                return;
            }
            Instant now = Instant.now();
            Mac personHash = Mac.getInstance("HmacSHA256");
            personHash.init(new SecretKeySpec(HexFormat.of().parseHex(AlertStore.personKey(c)), "HmacSHA256"));
            for (Alert alert : detect(c, AlertStore.questions(c, after, upTo), now, personHash)) {
                if (AlertStore.raise(c, alert)) {
                    counters.get(alert.rule()).inc();
                    LOG.info("anomaly alert raised: " + alert.rule() + " (see the admin API's alerts)");
                }
            }
            AlertStore.setLastSeal(c, upTo);
            AlertStore.forget(c, now.minus(rules.longestBaseline()).minus(rules.bucket()), now.minus(rules.personsWindow().multipliedBy(2)));
        } catch (SQLException | GeneralSecurityException e) {
            throw new IllegalStateException("the audit stream could not be read for anomalies", e);
        }
    }

    /** A caller's bucket (or, for a web user, its persons' window). */
    private record Key(String kind, String subject, String organisation, Instant bucket) {
    }

    /** The alerts {@code questions} give: counted into their callers' buckets, then each touched bucket checked. */
    private List<Alert> detect(Connection c, List<Question> questions, Instant now, Mac personHash) throws SQLException {
        Map<Key, long[]> added = new LinkedHashMap<>();
        Set<Key> personWindows = new LinkedHashSet<>();
        Map<String, Optional<Long>> webUsers = new HashMap<>();
        List<Alert> alerts = new ArrayList<>();
        for (Question q : questions) {
            Instant bucket = rules.bucketOf(q.recordedAt());
            if (q.organisationNumber() != null) {
                count(added, new Key(AlertStore.ORGANISATION, q.organisationNumber(), q.organisationNumber(), bucket), q.refused());
            }
            count(added, new Key(AlertStore.CERTIFICATE, q.certificateFingerprint(), q.organisationNumber(), bucket), q.refused());
            if (q.userPersonId() != null && q.personId() != null && q.organisationNumber() != null) {
                Optional<Long> user = webUsers.computeIfAbsent(q.organisationNumber() + '/' + q.userPersonId(),
                        k -> lookUp(c, q.organisationNumber(), q.userPersonId()));
                if (user.isPresent()) {
                    Key key = new Key(AlertStore.WEB_USER, Long.toString(user.get()), q.organisationNumber(), rules.personsWindowOf(q.recordedAt()));
                    AlertStore.notePerson(c, key.subject(), key.bucket(),
                            HexFormat.of().formatHex(personHash.doFinal(q.personId().getBytes(StandardCharsets.UTF_8))));
                    personWindows.add(key);
                }
            }
        }
        for (Map.Entry<Key, long[]> entry : added.entrySet()) {
            Key key = entry.getKey();
            long[] totals = AlertStore.add(c, key.kind(), key.subject(), key.bucket(), entry.getValue()[0], entry.getValue()[1]);
            Instant end = key.bucket().plus(rules.bucket());
            if (key.kind().equals(AlertStore.ORGANISATION)) {
                // One read of the organisation's history serves both baselines.
                List<AlertStore.Bucket> history = AlertStore.buckets(c, key.kind(), key.subject(),
                        key.bucket().minus(rules.longestBaseline()), key.bucket());
                Instant rateFrom = key.bucket().minus(rules.rateBaseline());
                long baseline = history.stream().filter(b -> !b.start().isBefore(rateFrom)).mapToLong(AlertStore.Bucket::questions).sum();
                rules.rate(totals[0], baseline).ifPresent(t -> alerts.add(alert(t, key.kind(), key.subject(), key.organisation(),
                        key.bucket(), end, now)));
                // The hours' history ends where this hour of the day began: earlier buckets of the same hour today are not history.
                Instant hoursFrom = key.bucket().minus(rules.hoursBaseline());
                Instant hourStart = AlertRules.startOfHour(key.bucket());
                int hour = AlertRules.hourOfDay(key.bucket());
                List<AlertStore.Bucket> hoursHistory = history.stream()
                        .filter(b -> !b.start().isBefore(hoursFrom) && b.start().isBefore(hourStart)).toList();
                long all = hoursHistory.stream().mapToLong(AlertStore.Bucket::questions).sum();
                long sameHour = hoursHistory.stream().filter(b -> AlertRules.hourOfDay(b.start()) == hour)
                        .mapToLong(AlertStore.Bucket::questions).sum();
                rules.hours(totals[0], all, sameHour).ifPresent(t -> alerts.add(alert(t, key.kind(), key.subject(), key.organisation(),
                        key.bucket(), end, now)));
            } else {
                rules.refusals(totals[0], totals[1]).ifPresent(t -> alerts.add(alert(t, key.kind(), key.subject(), key.organisation(),
                        key.bucket(), end, now)));
            }
        }
        for (Key key : personWindows) {
            rules.persons(AlertStore.persons(c, key.subject(), key.bucket())).ifPresent(t -> alerts.add(alert(t, key.kind(), key.subject(),
                    key.organisation(), key.bucket(), key.bucket().plus(rules.personsWindow()), now)));
        }
        return alerts;
    }

    private static void count(Map<Key, long[]> added, Key key, boolean refused) {
        long[] counts = added.computeIfAbsent(key, k -> new long[2]);
        counts[0]++;
        if (refused) {
            counts[1]++;
        }
    }

    private static Optional<Long> lookUp(Connection c, String organisationNumber, String personId) {
        try {
            return AlertStore.webUser(c, organisationNumber, personId);
        } catch (SQLException e) {
            throw new IllegalStateException("the web user could not be looked up", e);
        }
    }

    private static Alert alert(AlertRules.Tripped tripped, String kind, String subject, String organisation, Instant start, Instant end,
                               Instant now) {
        return new Alert(null, tripped.rule().name(), kind, subject, organisation, start, end, tripped.observed(), tripped.threshold(), now);
    }

    /** The newest alerts, for the admin API, the console and the command line; not held up by a run of the detector. */
    @Lock(LockType.READ)
    public List<Alert> recent(int max) {
        try (Connection c = dataSource.getConnection()) {
            return AlertStore.recent(c, Math.min(max, AuditLog.MAX_RESULTS));
        } catch (SQLException e) {
            throw new IllegalStateException("the alerts could not be read", e);
        }
    }
}
