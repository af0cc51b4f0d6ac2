package se.lefi.infrastructure.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import se.lefi.domain.register.Decision;
import se.lefi.domain.register.IncomeSource;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.Sgi;
import se.lefi.domain.subscription.RegisterChange;

/**
 * Applies register changes on a connection in the caller's transaction: the item's current version
 * is superseded, the new version recorded, and the change numbered in REGISTER_CHANGE. Callers first
 * {@link #lock(Connection)} the register, which serialises every writer and keeps change numbers
 * gapless and in commit order.
 */
public final class RegisterWriter {

    /** The register's position: its last change number and register time. */
    public record Position(long lastChange, Instant registerTime) {
    }

    /** The version an applied change replaced; {@code version} 0 when the item is new. */
    public record Previous(int version, String personId, InformationType type, LocalDate end) {
    }

    private static final String INSERT_CHANGE = "INSERT INTO REGISTER_CHANGE (CHANGE_NUMBER, PERSON_ID, ITEM_KIND, ITEM_ID,"
            + " VERSION, INFORMATION_TYPE, PREVIOUS_TYPE, PREVIOUS_END, ITEM, RECORDED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    // VERSION is the last parameter of each insert: a bulk load writes version 1, apply() later ones.
    public static final String INSERT_DECISION = "INSERT INTO REGISTER_DECISION"
            + " (DECISION_ID, PERSON_ID, BENEFIT, CASE_START, CASE_ACTIVE, DECISION_DATE, FINAL_DECISION,"
            + " PERIOD_FROM, PERIOD_TOM, EXTENT_NUMERATOR, EXTENT_DENOMINATOR, DAYS, WAITING_DAY_DEDUCTION, OUTCOME,"
            + " DECISION_TYPE, COMPENSATION_LEVEL, DAILY_AMOUNT, RECORDED_AT, VERSION, SUPERSEDED_AT)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)";
    public static final String INSERT_PAYMENT = "INSERT INTO REGISTER_PAYMENT"
            + " (PAYMENT_ID, PERSON_ID, BENEFIT, PAYMENT_DATE, PERIOD_FROM, PERIOD_TOM, GROSS_AMOUNT, TAX,"
            + " DEDUCTIONS, NET_AMOUNT, RECORDED_AT, VERSION, SUPERSEDED_AT)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)";
    public static final String INSERT_SGI = "INSERT INTO REGISTER_SGI"
            + " (SGI_ID, PERSON_ID, SET_ON, SGI_TYPE, ANNUAL_INCOME, SOURCE1_KIND, SOURCE1_DESCRIPTION,"
            + " SOURCE1_AMOUNT, SOURCE2_KIND, SOURCE2_DESCRIPTION, SOURCE2_AMOUNT, RECORDED_AT, VERSION, SUPERSEDED_AT)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)";

    private RegisterWriter() {
    }

    /**
     * Lets this connection wait for row locks as long as a whole order or change file may hold them.
     * Embedded H2 gives up after 2 s by default; PostgreSQL waits unless told otherwise.
     */
    public static void waitForLocks(Connection connection) throws SQLException {
        if ("H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCK_TIMEOUT " + LOCK_WAIT_MILLIS);
            }
        }
    }

    private static final int LOCK_WAIT_MILLIS = 60_000;

    /**
     * Who holds what when a lock wait failed (embedded H2 only), for the log: each session's state,
     * whether it has uncommitted changes, what it runs or last ran, and who blocks it. No data values.
     */
    public static String lockHolders(Connection connection) {
        try (Statement s = connection.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT SESSION_ID, SESSION_STATE, CONTAINS_UNCOMMITTED, BLOCKER_ID,"
                     + " EXECUTING_STATEMENT_START, SLEEP_SINCE, EXECUTING_STATEMENT FROM INFORMATION_SCHEMA.SESSIONS")) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append("\n  session ").append(rs.getObject(1)).append(' ').append(rs.getObject(2))
                        .append(" uncommitted=").append(rs.getObject(3)).append(" blocker=").append(rs.getObject(4))
                        .append(" since=").append(rs.getObject(5)).append(" sleeping=").append(rs.getObject(6))
                        .append(" statement=").append(rs.getObject(7));
            }
            return out.toString();
        } catch (SQLException e) {
            return " (sessions unavailable: " + e.getMessage() + ")";
        }
    }

    /** Locks the register state row until the transaction ends, creating it if the register has none. */
    public static Position lock(Connection connection) throws SQLException {
        waitForLocks(connection);
        Position position = readLocked(connection);
        if (position != null) {
            return position;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO REGISTER_STATE (ID, REGISTER_TIME, LAST_CHANGE) VALUES (1, ?, 0)")) {
            s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
        }
        return readLocked(connection);
    }

    private static Position readLocked(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT LAST_CHANGE, REGISTER_TIME FROM REGISTER_STATE WHERE ID = 1 FOR UPDATE");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? new Position(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()) : null;
        }
    }

    public static void advance(Connection connection, Position position) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE REGISTER_STATE SET LAST_CHANGE = ?, REGISTER_TIME = ? WHERE ID = 1")) {
            s.setLong(1, position.lastChange());
            s.setObject(2, position.registerTime().atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    public static boolean personExists(Connection connection, String personId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM REGISTER_PERSON WHERE PERSON_ID = ?")) {
            s.setString(1, personId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The item's current version, or version 0 when the register does not hold it. */
    public static Previous current(Connection connection, RegisterChange change) throws SQLException {
        String sql = switch (change.kind()) {
            case DECISION -> "SELECT VERSION, PERSON_ID, BENEFIT, PERIOD_TOM FROM REGISTER_DECISION WHERE DECISION_ID = ? AND SUPERSEDED_AT IS NULL";
            case PAYMENT -> "SELECT VERSION, PERSON_ID, BENEFIT, PERIOD_TOM FROM REGISTER_PAYMENT WHERE PAYMENT_ID = ? AND SUPERSEDED_AT IS NULL";
            case SGI -> "SELECT VERSION, PERSON_ID, 'SGI', CAST(NULL AS DATE) FROM REGISTER_SGI WHERE SGI_ID = ? AND SUPERSEDED_AT IS NULL";
        };
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, change.itemId());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return new Previous(0, null, null, null);
                }
                InformationType type;
                try {
                    type = InformationType.valueOf(rs.getString(3));
                } catch (IllegalArgumentException unknownCode) {
                    type = null;
                }
                return new Previous(rs.getInt(1), rs.getString(2), type, rs.getObject(4, LocalDate.class));
            }
        }
    }

    /** Records {@code change} as version {@code previous.version() + 1} and as change number {@code number}. */
    public static void apply(Connection connection, RegisterChange change, Previous previous, long number, Instant at)
            throws SQLException {
        OffsetDateTime recorded = at.atOffset(ZoneOffset.UTC);
        int version = previous.version() + 1;
        if (previous.version() > 0) {
            String table = switch (change.kind()) {
                case DECISION -> "REGISTER_DECISION SET SUPERSEDED_AT = ? WHERE DECISION_ID = ?";
                case PAYMENT -> "REGISTER_PAYMENT SET SUPERSEDED_AT = ? WHERE PAYMENT_ID = ?";
                case SGI -> "REGISTER_SGI SET SUPERSEDED_AT = ? WHERE SGI_ID = ?";
            };
            try (PreparedStatement s = connection.prepareStatement("UPDATE " + table + " AND VERSION = ?")) {
                s.setObject(1, recorded);
                s.setString(2, change.itemId());
                s.setInt(3, previous.version());
                s.executeUpdate();
            }
        }
        switch (change.kind()) {
            case DECISION -> insert(connection, INSERT_DECISION,
                    s -> bindDecision(s, change.decision(), version, recorded));
            case PAYMENT -> insert(connection, INSERT_PAYMENT,
                    s -> bindPayment(s, change.payment(), version, recorded));
            case SGI -> insert(connection, INSERT_SGI,
                    s -> bindSgi(s, change.sgi(), version, recorded));
        }
        try (PreparedStatement s = connection.prepareStatement(INSERT_CHANGE)) {
            s.setLong(1, number);
            s.setString(2, change.personId());
            s.setString(3, change.kind().name());
            s.setString(4, change.itemId());
            s.setInt(5, version);
            s.setString(6, change.informationType().name());
            s.setString(7, previous.type() == null ? null : previous.type().name());
            s.setObject(8, previous.end());
            s.setString(9, RegisterJson.write(change));
            s.setObject(10, recorded);
            s.executeUpdate();
        }
    }

    public static void bindDecision(PreparedStatement s, Decision d, int version, OffsetDateTime recorded) throws SQLException {
        s.setString(1, d.decisionId());
        s.setString(2, d.personId());
        s.setString(3, d.benefit().name());
        s.setObject(4, d.caseStart());
        s.setBoolean(5, d.caseActive());
        s.setObject(6, d.decisionDate());
        s.setBoolean(7, d.finalDecision());
        s.setObject(8, d.periodFrom());
        s.setObject(9, d.periodTom());
        s.setInt(10, d.extent().numerator());
        s.setInt(11, d.extent().denominator());
        s.setBigDecimal(12, d.days());
        s.setBoolean(13, d.waitingDayDeduction());
        s.setString(14, d.outcome());
        s.setString(15, d.decisionType());
        s.setBigDecimal(16, d.compensationLevel());
        s.setBigDecimal(17, d.dailyAmount());
        s.setObject(18, recorded);
        s.setInt(19, version);
    }

    public static void bindPayment(PreparedStatement s, Payment p, int version, OffsetDateTime recorded) throws SQLException {
        s.setString(1, p.paymentId());
        s.setString(2, p.personId());
        s.setString(3, p.benefit().name());
        s.setObject(4, p.paymentDate());
        s.setObject(5, p.periodFrom());
        s.setObject(6, p.periodTom());
        s.setBigDecimal(7, p.grossAmount());
        s.setBigDecimal(8, p.tax());
        s.setBigDecimal(9, p.deductions());
        s.setBigDecimal(10, p.netAmount());
        s.setObject(11, recorded);
        s.setInt(12, version);
    }

    public static void bindSgi(PreparedStatement s, Sgi sgi, int version, OffsetDateTime recorded) throws SQLException {
        s.setString(1, sgi.sgiId());
        s.setString(2, sgi.personId());
        s.setObject(3, sgi.setOn());
        s.setString(4, sgi.sgiType());
        s.setBigDecimal(5, sgi.annualIncome());
        List<IncomeSource> sources = sgi.incomeSources();
        if (sources.size() > 2) {
            throw new IllegalArgumentException("the register holds at most two income sources per SGI");
        }
        for (int n = 0; n < 2; n++) {
            int column = 6 + 3 * n;
            if (n < sources.size()) {
                IncomeSource source = sources.get(n);
                s.setString(column, source.kind().name());
                s.setString(column + 1, source.description());
                s.setBigDecimal(column + 2, source.annualAmount());
            } else {
                s.setNull(column, Types.VARCHAR);
                s.setNull(column + 1, Types.VARCHAR);
                s.setNull(column + 2, Types.DECIMAL);
            }
        }
        s.setObject(12, recorded);
        s.setInt(13, version);
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static void insert(Connection connection, String sql, Binder binder) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            binder.bind(s);
            s.executeUpdate();
        }
    }
}
