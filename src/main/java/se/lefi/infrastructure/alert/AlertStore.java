package se.lefi.infrastructure.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import se.lefi.domain.alert.Alert;

/**
 * The detector's tables (V15) in plain JDBC, standard SQL for H2 and PostgreSQL: its place in the audit
 * stream, the counts per caller and bucket, the distinct persons per web user and window, and the alerts.
 * Every call runs in the caller's transaction on its connection, under the lock {@link #lockLastSeal} takes.
 */
public final class AlertStore {
    public static final String ORGANISATION = "ORGANISATION";
    public static final String CERTIFICATE = "CERTIFICATE";
    public static final String WEB_USER = "WEB_USER";

    private AlertStore() {
    }

    /** One audit record as the detector reads it. */
    public record Question(Instant recordedAt, String organisationNumber, String certificateFingerprint, String userPersonId,
                           String personId, boolean refused) {
    }

    /** The last seal read, locked until the transaction ends: one node reads the stream at a time. */
    public static long lockLastSeal(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT LAST_SEAL FROM ALERT_STATE WHERE ID = 1 FOR UPDATE");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The secret the distinct persons are hashed with, made on first use (under the lock of
     * {@link #lockLastSeal}, so every node gets the same one).
     */
    public static String personKey(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT PERSON_KEY FROM ALERT_STATE WHERE ID = 1");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            if (rs.getString(1) != null) {
                return rs.getString(1);
            }
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String key = HexFormat.of().formatHex(secret);
        try (PreparedStatement s = c.prepareStatement("UPDATE ALERT_STATE SET PERSON_KEY = ? WHERE ID = 1")) {
            s.setString(1, key);
            s.executeUpdate();
        }
        return key;
    }

    public static void setLastSeal(Connection c, long seal) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE ALERT_STATE SET LAST_SEAL = ? WHERE ID = 1")) {
            s.setLong(1, seal);
            s.executeUpdate();
        }
    }

    /** The highest seal of the audit chain up to {@code after + max}: the stretch one run reads. */
    public static long lastSealUpTo(Connection c, long after, int max) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(ID) FROM AUDIT_SEAL WHERE ID > ? AND ID <= ?")) {
            s.setLong(1, after);
            s.setLong(2, after + max);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long last = rs.getLong(1);
                return rs.wasNull() ? after : last;
            }
        }
    }

    /**
     * The questions callers asked in the seals after {@code after} up to {@code upTo}: records that name a
     * certificate (a notification the server sends names none, and is no one's question).
     */
    public static List<Question> questions(Connection c, long after, long upTo) throws SQLException {
        List<Question> questions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT RECORDED_AT, ORGANISATION_NUMBER, CERTIFICATE_FINGERPRINT, USER_PERSON_ID,"
                + " PERSON_ID, OUTCOME FROM AUDIT_RECORD WHERE SEAL_ID > ? AND SEAL_ID <= ? AND CERTIFICATE_FINGERPRINT IS NOT NULL")) {
            s.setLong(1, after);
            s.setLong(2, upTo);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    questions.add(new Question(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), !"GRANTED".equals(rs.getString(6))));
                }
            }
        }
        return questions;
    }

    /** Adds to a caller's bucket; returns the bucket's totals after it: questions, refusals. */
    public static long[] add(Connection c, String kind, String subject, Instant bucket, long questions, long refusals) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE ALERT_COUNT SET QUESTIONS = QUESTIONS + ?, REFUSALS = REFUSALS + ?"
                + " WHERE SUBJECT_KIND = ? AND SUBJECT = ? AND BUCKET_START = ?")) {
            s.setLong(1, questions);
            s.setLong(2, refusals);
            s.setString(3, kind);
            s.setString(4, subject);
            s.setObject(5, utc(bucket));
            if (s.executeUpdate() == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO ALERT_COUNT (SUBJECT_KIND, SUBJECT, BUCKET_START, QUESTIONS,"
                        + " REFUSALS) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, kind);
                    insert.setString(2, subject);
                    insert.setObject(3, utc(bucket));
                    insert.setLong(4, questions);
                    insert.setLong(5, refusals);
                    insert.executeUpdate();
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT QUESTIONS, REFUSALS FROM ALERT_COUNT WHERE SUBJECT_KIND = ? AND SUBJECT = ?"
                + " AND BUCKET_START = ?")) {
            s.setString(1, kind);
            s.setString(2, subject);
            s.setObject(3, utc(bucket));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** A caller's buckets in [{@code from}, {@code to}): each bucket's start and questions. */
    public static List<Bucket> buckets(Connection c, String kind, String subject, Instant from, Instant to) throws SQLException {
        List<Bucket> buckets = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT BUCKET_START, QUESTIONS FROM ALERT_COUNT WHERE SUBJECT_KIND = ? AND SUBJECT = ?"
                + " AND BUCKET_START >= ? AND BUCKET_START < ?")) {
            s.setString(1, kind);
            s.setString(2, subject);
            s.setObject(3, utc(from));
            s.setObject(4, utc(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    buckets.add(new Bucket(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2)));
                }
            }
        }
        return buckets;
    }

    public record Bucket(Instant start, long questions) {
    }

    /** Notes a person a web user asked about in a window (as its hash), once. */
    public static void notePerson(Connection c, String subject, Instant window, String personHash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM ALERT_PERSON WHERE SUBJECT = ? AND WINDOW_START = ? AND PERSON_HASH = ?")) {
            s.setString(1, subject);
            s.setObject(2, utc(window));
            s.setString(3, personHash);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ALERT_PERSON (SUBJECT, WINDOW_START, PERSON_HASH) VALUES (?, ?, ?)")) {
            insert.setString(1, subject);
            insert.setObject(2, utc(window));
            insert.setString(3, personHash);
            insert.executeUpdate();
        }
    }

    /** The distinct persons a web user asked about in a window. */
    public static long persons(Connection c, String subject, Instant window) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM ALERT_PERSON WHERE SUBJECT = ? AND WINDOW_START = ?")) {
            s.setString(1, subject);
            s.setObject(2, utc(window));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The web user's id for a person at an organisation: an alert names the user by it, not by personnummer. */
    public static Optional<Long> webUser(Connection c, String organisationNumber, String personId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT W.ID FROM WEB_USER W JOIN ORGANISATION O ON O.ID = W.ORGANISATION_ID"
                + " WHERE O.ORGANISATION_NUMBER = ? AND W.PERSON_ID = ?")) {
            s.setString(1, organisationNumber);
            s.setString(2, personId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Stores the alert unless that rule has already alerted on that caller and window; true when stored. */
    public static boolean raise(Connection c, Alert alert) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM ALERT WHERE RULE_NAME = ? AND SUBJECT_KIND = ? AND SUBJECT = ?"
                + " AND WINDOW_START = ?")) {
            s.setString(1, alert.rule());
            s.setString(2, alert.subjectKind());
            s.setString(3, alert.subject());
            s.setObject(4, utc(alert.windowStart()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return false;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO ALERT (RULE_NAME, SUBJECT_KIND, SUBJECT, ORGANISATION_NUMBER, WINDOW_START,"
                + " WINDOW_END, OBSERVED, THRESHOLD, RAISED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, alert.rule());
            s.setString(2, alert.subjectKind());
            s.setString(3, alert.subject());
            s.setString(4, alert.organisationNumber());
            s.setObject(5, utc(alert.windowStart()));
            s.setObject(6, utc(alert.windowEnd()));
            s.setLong(7, alert.observed());
            s.setString(8, alert.threshold());
            s.setObject(9, utc(alert.raisedAt()));
            s.executeUpdate();
        }
        return true;
    }

    /** The newest alerts first. */
    public static List<Alert> recent(Connection c, int max) throws SQLException {
        List<Alert> alerts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID, RULE_NAME, SUBJECT_KIND, SUBJECT, ORGANISATION_NUMBER, WINDOW_START,"
                + " WINDOW_END, OBSERVED, THRESHOLD, RAISED_AT FROM ALERT ORDER BY ID DESC")) {
            s.setMaxRows(max);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    alerts.add(new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant(),
                            rs.getLong(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return alerts;
    }

    /** Drops counts and persons older than any rule looks back. */
    public static void forget(Connection c, Instant countsBefore, Instant personsBefore) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM ALERT_COUNT WHERE BUCKET_START < ?")) {
            s.setObject(1, utc(countsBefore));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM ALERT_PERSON WHERE WINDOW_START < ?")) {
            s.setObject(1, utc(personsBefore));
            s.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
