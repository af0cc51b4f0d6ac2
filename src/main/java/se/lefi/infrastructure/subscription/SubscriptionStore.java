package se.lefi.infrastructure.subscription;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import se.lefi.domain.access.ConsentReference;
import se.lefi.domain.access.Purpose;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.subscription.RegisterChange;
import se.lefi.domain.subscription.Subscription;
import se.lefi.infrastructure.register.RegisterJson;
import se.lefi.infrastructure.register.RegisterWriter;

/**
 * Subscriptions, feeds and notifications in plain JDBC on the caller's (JTA) connection. Standard
 * SQL for H2 and PostgreSQL. Producers of notifications hold {@link #lockDispatch(Connection)}, so
 * one feed's sequence numbers are handed out by one transaction at a time, on any node.
 */
public final class SubscriptionStore {

    private static final String COLUMNS = "S.ID, S.ORGANISATION_ID, O.ORGANISATION_NUMBER, S.PRINCIPAL_NUMBER, S.PERSON_ID,"
            + " S.INFORMATION_TYPES, S.PURPOSE, S.LEGAL_BASIS, S.CONSENT_ID, S.CONSENT_GIVEN_ON, S.CONSENT_SCOPE, S.CASE_ID,"
            + " S.FROM_DATE, S.ORDER_ID, S.ORDERED_AT, S.AFTER_CHANGE, S.CONSENT_WITHDRAWN_FROM, S.ENDED_ON, S.END_REASON"
            + " FROM SUBSCRIPTION S JOIN ORGANISATION O ON O.ID = S.ORGANISATION_ID";

    /** A stored notification, as a feed reader gets it. */
    public record StoredNotification(long sequence, long subscriptionId, String personId, String kind, Long changeNumber,
                                     Instant registerTime, Instant createdAt, String requestId, String content) {
    }

    /** An organisation's feed: positions and push delivery. */
    public record Feed(long organisationId, long lastSequence, long acknowledged, String pushUrl, long pushed,
                       int pushFailures, Instant pushNextAttempt, String pushLastError, Instant pushLastErrorAt) {
    }

    private SubscriptionStore() {
    }

    // --- the dispatcher's position, and the lock every producer holds ---

    public static long lockDispatch(Connection c) throws SQLException {
        RegisterWriter.waitForLocks(c);
        try (PreparedStatement s = c.prepareStatement("SELECT LAST_CHANGE FROM DISPATCH_STATE WHERE ID = 1 FOR UPDATE");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            java.util.logging.Logger.getLogger(SubscriptionStore.class.getName()).warning(
                    "the dispatch lock could not be taken: " + e.getMessage() + RegisterWriter.lockHolders(c));
            throw e;
        }
    }

    public static void dispatched(Connection c, long lastChange) throws SQLException {
        update(c, "UPDATE DISPATCH_STATE SET LAST_CHANGE = ? WHERE ID = 1", lastChange);
    }

    /** The register's last change, and the last one notified. */
    public record Backlog(long lastChange, long lastDispatched) {
        /** Changes not yet turned into notifications. */
        public long pending() {
            return lastChange - lastDispatched;
        }
    }

    public static Backlog backlog(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT (SELECT COALESCE(MAX(LAST_CHANGE), 0) FROM REGISTER_STATE),"
                + " (SELECT LAST_CHANGE FROM DISPATCH_STATE WHERE ID = 1)");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return new Backlog(rs.getLong(1), rs.getLong(2));
        }
    }

    /** One row of REGISTER_CHANGE. */
    public record ChangeRow(long number, String personId, int version, InformationType previousType, LocalDate previousEnd,
                            RegisterChange change, Instant recordedAt) {
    }

    /** The changes after {@code after}, in order, at most {@code max}. */
    public static List<ChangeRow> changesAfter(Connection c, long after, int max) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT CHANGE_NUMBER, PERSON_ID, VERSION, PREVIOUS_TYPE, PREVIOUS_END, ITEM,"
                + " RECORDED_AT FROM REGISTER_CHANGE WHERE CHANGE_NUMBER > ? ORDER BY CHANGE_NUMBER FETCH FIRST " + max + " ROWS ONLY")) {
            s.setLong(1, after);
            try (ResultSet rs = s.executeQuery()) {
                List<ChangeRow> out = new ArrayList<>();
                while (rs.next()) {
                    String previous = rs.getString(4);
                    InformationType previousType = null;
                    if (previous != null) {
                        try {
                            previousType = InformationType.valueOf(previous);
                        } catch (IllegalArgumentException unknownCode) {
                            previousType = null;
                        }
                    }
                    out.add(new ChangeRow(rs.getLong(1), rs.getString(2), rs.getInt(3), previousType,
                            rs.getObject(5, LocalDate.class), RegisterJson.storedChange(rs.getString(6)), instant(rs, 7)));
                }
                return out;
            }
        }
    }

    // --- subscriptions ---

    public static long insert(Connection c, Subscription n) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO SUBSCRIPTION (ORGANISATION_ID, PRINCIPAL_NUMBER, PERSON_ID,"
                + " INFORMATION_TYPES, PURPOSE, LEGAL_BASIS, CONSENT_ID, CONSENT_GIVEN_ON, CONSENT_SCOPE, CASE_ID, FROM_DATE,"
                + " ORDER_ID, ORDERED_AT, AFTER_CHANGE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, n.organisationId());
            s.setString(2, n.principalNumber());
            s.setString(3, n.personId());
            s.setString(4, n.informationTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
            s.setString(5, n.purpose().name());
            s.setString(6, n.legalBasis());
            s.setString(7, n.consent() == null ? null : n.consent().consentId());
            s.setObject(8, n.consent() == null ? null : n.consent().givenOn());
            s.setString(9, n.consent() == null ? null : n.consent().scope());
            s.setString(10, n.caseId());
            s.setObject(11, n.from());
            s.setString(12, n.orderId());
            s.setObject(13, utc(n.orderedAt()));
            s.setLong(14, n.afterChange());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The organisation's live subscription for the person, if any. */
    public static Optional<Subscription> live(Connection c, long organisationId, String personId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " WHERE S.ORGANISATION_ID = ? AND S.PERSON_ID = ? AND S.ENDED_ON IS NULL ORDER BY S.ID DESC")) {
            s.setLong(1, organisationId);
            s.setString(2, personId);
            List<Subscription> found = read(s);
            return found.stream().findFirst();
        }
    }

    /** Every live subscription for any of {@code personIds}, in id order. */
    public static List<Subscription> liveFor(Connection c, Collection<String> personIds) throws SQLException {
        if (personIds.isEmpty()) {
            return List.of();
        }
        String marks = personIds.stream().map(p -> "?").collect(Collectors.joining(","));
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " WHERE S.PERSON_ID IN (" + marks + ") AND S.ENDED_ON IS NULL ORDER BY S.ID")) {
            int i = 1;
            for (String personId : personIds) {
                s.setString(i++, personId);
            }
            return read(s);
        }
    }

    /** Live subscriptions, a page at a time from after id {@code afterId}, for the daily stop sweep. */
    public static List<Subscription> livePage(Connection c, long afterId, int max) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " WHERE S.ID > ? AND S.ENDED_ON IS NULL ORDER BY S.ID FETCH FIRST " + max + " ROWS ONLY")) {
            s.setLong(1, afterId);
            return read(s);
        }
    }

    public static void end(Connection c, long id, LocalDate on, Instant at, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE SUBSCRIPTION SET ENDED_ON = ?, ENDED_AT = ?, END_REASON = ? WHERE ID = ? AND ENDED_ON IS NULL")) {
            s.setObject(1, on);
            s.setObject(2, utc(at));
            s.setString(3, reason);
            s.setLong(4, id);
            s.executeUpdate();
        }
    }

    /** After a full update: its data is sent from {@code from} and holds the changes up to {@code afterChange}. */
    public static void resent(Connection c, long id, LocalDate from, long afterChange) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE SUBSCRIPTION SET FROM_DATE = ?, AFTER_CHANGE = ? WHERE ID = ?")) {
            s.setObject(1, from);
            s.setLong(2, afterChange);
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    /** Marks the organisation's live subscriptions under {@code consentId} withdrawn from {@code from}; returns how many. */
    public static int withdrawConsent(Connection c, long organisationId, String consentId, LocalDate from) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE SUBSCRIPTION SET CONSENT_WITHDRAWN_FROM = ?"
                + " WHERE ORGANISATION_ID = ? AND CONSENT_ID = ? AND ENDED_ON IS NULL")) {
            s.setObject(1, from);
            s.setLong(2, organisationId);
            s.setString(3, consentId);
            return s.executeUpdate();
        }
    }

    /** Persons with a live subscription, per organisation. */
    public static long personsMonitored(Connection c, long organisationId) throws SQLException {
        return count(c, "SELECT COUNT(DISTINCT PERSON_ID) FROM SUBSCRIPTION WHERE ORGANISATION_ID = ? AND ENDED_ON IS NULL",
                organisationId, null, null);
    }

    public static long notificationsBetween(Connection c, long organisationId, Instant from, Instant to) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM NOTIFICATION WHERE ORGANISATION_ID = ? AND CREATED_AT >= ? AND CREATED_AT < ?",
                organisationId, from, to);
    }

    // --- feeds and notifications ---

    public static List<String> organisationsWithFeed(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT O.ORGANISATION_NUMBER FROM NOTIFICATION_FEED F"
                + " JOIN ORGANISATION O ON O.ID = F.ORGANISATION_ID ORDER BY O.ORGANISATION_NUMBER");
             ResultSet rs = s.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    public static String organisationNumber(Connection c, long organisationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT ORGANISATION_NUMBER FROM ORGANISATION WHERE ID = ?")) {
            s.setLong(1, organisationId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The organisation's feed, locked until the transaction ends; created empty on first use. */
    public static Feed lockFeed(Connection c, long organisationId) throws SQLException {
        Optional<Feed> feed = feed(c, organisationId, true);
        if (feed.isPresent()) {
            return feed.get();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO NOTIFICATION_FEED (ORGANISATION_ID, LAST_SEQUENCE, ACKNOWLEDGED,"
                + " PUSHED, PUSH_FAILURES) VALUES (?, 0, 0, 0, 0)")) {
            s.setLong(1, organisationId);
            s.executeUpdate();
        }
        return feed(c, organisationId, true).orElseThrow();
    }

    /** The organisation's feed as it stands; an empty one when it has had no subscription yet. */
    public static Feed feedOrEmpty(Connection c, long organisationId) throws SQLException {
        return feed(c, organisationId, false).orElse(new Feed(organisationId, 0, 0, null, 0, 0, null, null, null));
    }

    private static final String FEED_COLUMNS = "SELECT ORGANISATION_ID, LAST_SEQUENCE, ACKNOWLEDGED, PUSH_URL, PUSHED,"
            + " PUSH_FAILURES, PUSH_NEXT_ATTEMPT, PUSH_LAST_ERROR, PUSH_LAST_ERROR_AT FROM NOTIFICATION_FEED";

    private static Optional<Feed> feed(Connection c, long organisationId, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FEED_COLUMNS
                + " WHERE ORGANISATION_ID = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            s.setLong(1, organisationId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(feed(rs)) : Optional.empty();
            }
        }
    }

    /** Feeds with a push endpoint and notifications not yet pushed. */
    public static List<Feed> feedsToPush(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FEED_COLUMNS + " WHERE PUSH_URL IS NOT NULL AND PUSHED < LAST_SEQUENCE");
             ResultSet rs = s.executeQuery()) {
            List<Feed> out = new ArrayList<>();
            while (rs.next()) {
                out.add(feed(rs));
            }
            return out;
        }
    }

    private static Feed feed(ResultSet rs) throws SQLException {
        return new Feed(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getInt(6),
                instant(rs, 7), rs.getString(8), instant(rs, 9));
    }

    public static void append(Connection c, long organisationId, long sequence, long subscriptionId, String personId, String kind,
                              Long changeNumber, Instant registerTime, Instant createdAt, String requestId, String content)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO NOTIFICATION (ORGANISATION_ID, SEQUENCE_NUMBER, SUBSCRIPTION_ID,"
                + " PERSON_ID, KIND, CHANGE_NUMBER, REGISTER_TIME, CREATED_AT, REQUEST_ID, CONTENT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, organisationId);
            s.setLong(2, sequence);
            s.setLong(3, subscriptionId);
            s.setString(4, personId);
            s.setString(5, kind);
            s.setObject(6, changeNumber);
            s.setObject(7, utc(registerTime));
            s.setObject(8, utc(createdAt));
            s.setString(9, requestId);
            s.setString(10, content);
            s.executeUpdate();
        }
    }

    public static void setLastSequence(Connection c, long organisationId, long lastSequence) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE NOTIFICATION_FEED SET LAST_SEQUENCE = ? WHERE ORGANISATION_ID = ?")) {
            s.setLong(1, lastSequence);
            s.setLong(2, organisationId);
            s.executeUpdate();
        }
    }

    /** Notifications after {@code after}, in sequence order, at most {@code max}. */
    public static List<StoredNotification> notifications(Connection c, long organisationId, long after, int max) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(NOTIFICATION_COLUMNS
                + " WHERE ORGANISATION_ID = ? AND SEQUENCE_NUMBER > ? ORDER BY SEQUENCE_NUMBER FETCH FIRST " + max + " ROWS ONLY")) {
            s.setLong(1, organisationId);
            s.setLong(2, after);
            return notifications(s);
        }
    }

    /** Notifications created in [from, to), in sequence order (the daily file). */
    public static List<StoredNotification> notificationsCreated(Connection c, long organisationId, Instant from, Instant to)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(NOTIFICATION_COLUMNS
                + " WHERE ORGANISATION_ID = ? AND CREATED_AT >= ? AND CREATED_AT < ? ORDER BY SEQUENCE_NUMBER")) {
            s.setLong(1, organisationId);
            s.setObject(2, utc(from));
            s.setObject(3, utc(to));
            return notifications(s);
        }
    }

    private static final String NOTIFICATION_COLUMNS = "SELECT SEQUENCE_NUMBER, SUBSCRIPTION_ID, PERSON_ID, KIND, CHANGE_NUMBER,"
            + " REGISTER_TIME, CREATED_AT, REQUEST_ID, CONTENT FROM NOTIFICATION";

    private static List<StoredNotification> notifications(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            List<StoredNotification> out = new ArrayList<>();
            while (rs.next()) {
                long change = rs.getLong(5);
                Long changeNumber = rs.wasNull() ? null : change;
                out.add(new StoredNotification(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        changeNumber, instant(rs, 6), instant(rs, 7), rs.getString(8), rs.getString(9)));
            }
            return out;
        }
    }

    /** For each notification of a change after {@code afterChange}: microseconds from register time to production. */
    public static long[] changeDelaysMicros(Connection c, long afterChange) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT REGISTER_TIME, CREATED_AT FROM NOTIFICATION WHERE CHANGE_NUMBER > ?")) {
            s.setLong(1, afterChange);
            try (ResultSet rs = s.executeQuery()) {
                java.util.stream.LongStream.Builder out = java.util.stream.LongStream.builder();
                while (rs.next()) {
                    out.add(java.time.Duration.between(instant(rs, 1), instant(rs, 2)).toNanos() / 1000);
                }
                return out.build().toArray();
            }
        }
    }

    /** Moves the acknowledged position forward (never back). */
    public static void acknowledge(Connection c, long organisationId, long upTo) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE NOTIFICATION_FEED SET ACKNOWLEDGED = ? WHERE ORGANISATION_ID = ? AND ACKNOWLEDGED < ?")) {
            s.setLong(1, upTo);
            s.setLong(2, organisationId);
            s.setLong(3, upTo);
            s.executeUpdate();
        }
    }

    public static void setPushUrl(Connection c, long organisationId, String url) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE NOTIFICATION_FEED SET PUSH_URL = ?, PUSH_FAILURES = 0,"
                + " PUSH_NEXT_ATTEMPT = NULL WHERE ORGANISATION_ID = ?")) {
            s.setString(1, url);
            s.setLong(2, organisationId);
            s.executeUpdate();
        }
    }

    /**
     * Takes the feed's push lease for {@code node} until {@code until}, if no other node holds one that
     * is still running at {@code now}; true when taken. One statement, so two nodes cannot both win.
     */
    public static boolean claimPush(Connection c, long organisationId, String node, Instant now, Instant until) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE NOTIFICATION_FEED SET PUSH_LEASE_NODE = ?, PUSH_LEASE_UNTIL = ?"
                + " WHERE ORGANISATION_ID = ? AND (PUSH_LEASE_UNTIL IS NULL OR PUSH_LEASE_UNTIL < ? OR PUSH_LEASE_NODE = ?)")) {
            s.setString(1, node);
            s.setObject(2, utc(until));
            s.setLong(3, organisationId);
            s.setObject(4, utc(now));
            s.setString(5, node);
            return s.executeUpdate() == 1;
        }
    }

    /** Records a push up to {@code upTo} (never backwards) and gives the lease back. */
    public static void pushed(Connection c, long organisationId, long upTo) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE NOTIFICATION_FEED SET PUSHED = CASE WHEN PUSHED < ? THEN ? ELSE PUSHED END,"
                + " PUSH_FAILURES = 0, PUSH_NEXT_ATTEMPT = NULL, PUSH_LEASE_NODE = NULL, PUSH_LEASE_UNTIL = NULL WHERE ORGANISATION_ID = ?")) {
            s.setLong(1, upTo);
            s.setLong(2, upTo);
            s.setLong(3, organisationId);
            s.executeUpdate();
        }
    }

    public static void pushFailed(Connection c, long organisationId, int failures, Instant nextAttempt, String error, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE NOTIFICATION_FEED SET PUSH_FAILURES = ?, PUSH_NEXT_ATTEMPT = ?,"
                + " PUSH_LAST_ERROR = ?, PUSH_LAST_ERROR_AT = ?, PUSH_LEASE_NODE = NULL, PUSH_LEASE_UNTIL = NULL WHERE ORGANISATION_ID = ?")) {
            s.setInt(1, failures);
            s.setObject(2, utc(nextAttempt));
            s.setString(3, error.length() > 400 ? error.substring(0, 400) : error);
            s.setObject(4, utc(at));
            s.setLong(5, organisationId);
            s.executeUpdate();
        }
    }

    // --- helpers ---

    private static List<Subscription> read(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            List<Subscription> out = new ArrayList<>();
            while (rs.next()) {
                Set<InformationType> types = EnumSet.noneOf(InformationType.class);
                for (String t : rs.getString(6).split(",")) {
                    if (!t.isEmpty()) {
                        types.add(InformationType.valueOf(t));
                    }
                }
                String consentId = rs.getString(9);
                ConsentReference consent = consentId == null ? null
                        : new ConsentReference(consentId, rs.getObject(10, LocalDate.class), rs.getString(11));
                out.add(new Subscription(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), types,
                        Purpose.valueOf(rs.getString(7)), rs.getString(8), consent, rs.getString(12),
                        rs.getObject(13, LocalDate.class), rs.getString(14), instant(rs, 15), rs.getLong(16),
                        rs.getObject(17, LocalDate.class), rs.getObject(18, LocalDate.class), rs.getString(19)));
            }
            return out;
        }
    }

    private static long count(Connection c, String sql, long organisationId, Instant from, Instant to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, organisationId);
            if (from != null) {
                s.setObject(2, utc(from));
                s.setObject(3, utc(to));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Connection c, String sql, long value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, value);
            s.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
