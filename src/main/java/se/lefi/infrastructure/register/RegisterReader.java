package se.lefi.infrastructure.register;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import se.lefi.domain.register.Decision;
import se.lefi.domain.register.Extent;
import se.lefi.domain.register.IncomeSource;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.PersonInformation;
import se.lefi.domain.register.PersonRecord;
import se.lefi.domain.register.Sgi;

/**
 * Reads one person's current register record (the row versions with SUPERSEDED_AT NULL), filtered
 * by period and information types. On the hot path of every question: at most three indexed queries
 * (the register time with the person, decisions with payments, SGI), and only those the requested types
 * need. Plain JDBC, standard SQL (H2 and PostgreSQL).
 */
public final class RegisterReader {

    /**
     * The register time and the person in one statement: the one-row VALUES keeps a row when either is
     * missing (an unknown person, or a register not yet loaded).
     */
    private static final String TIME_AND_PERSON = "SELECT S.REGISTER_TIME, P.BIRTH_DATE, P.COORDINATION_NUMBER, P.MUNICIPALITY_CODE"
            + " FROM (VALUES (1)) AS ONE_ROW(ID)"
            + " LEFT JOIN REGISTER_STATE S ON S.ID = ONE_ROW.ID"
            + " LEFT JOIN REGISTER_PERSON P ON P.PERSON_ID = ?";
    private static final int DECISION_ROW = 0;
    /**
     * Decisions and payments in one statement. A join would multiply the rows (every decision with every
     * payment), so the two tables are stacked instead: the columns both have first, then each one's own,
     * NULL in the other's rows. Ordered by kind, then decisions by period start and payments by payment
     * date, then id.
     */
    private static final String DECISIONS_AND_PAYMENTS = "SELECT " + DECISION_ROW + " AS KIND, PERIOD_FROM AS SORT_DATE, DECISION_ID AS ID,"
            + " BENEFIT, PERIOD_FROM, PERIOD_TOM,"
            + " CASE_START, CASE_ACTIVE, DECISION_DATE, FINAL_DECISION, EXTENT_NUMERATOR, EXTENT_DENOMINATOR, DAYS,"
            + " WAITING_DAY_DEDUCTION, OUTCOME, DECISION_TYPE, COMPENSATION_LEVEL, DAILY_AMOUNT,"
            + " CAST(NULL AS DATE) AS PAYMENT_DATE, CAST(NULL AS DECIMAL(12, 2)) AS GROSS_AMOUNT, CAST(NULL AS DECIMAL(12, 2)) AS TAX,"
            + " CAST(NULL AS DECIMAL(12, 2)) AS DEDUCTIONS, CAST(NULL AS DECIMAL(12, 2)) AS NET_AMOUNT"
            + " FROM REGISTER_DECISION"
            + " WHERE PERSON_ID = ? AND SUPERSEDED_AT IS NULL AND PERIOD_FROM <= ? AND PERIOD_TOM >= ?"
            + " UNION ALL"
            + " SELECT " + (DECISION_ROW + 1) + ", PAYMENT_DATE, PAYMENT_ID, BENEFIT, PERIOD_FROM, PERIOD_TOM,"
            + " CAST(NULL AS DATE), CAST(NULL AS BOOLEAN), CAST(NULL AS DATE), CAST(NULL AS BOOLEAN), CAST(NULL AS INTEGER),"
            + " CAST(NULL AS INTEGER), CAST(NULL AS DECIMAL(7, 2)), CAST(NULL AS BOOLEAN), CAST(NULL AS VARCHAR(20)),"
            + " CAST(NULL AS VARCHAR(20)), CAST(NULL AS DECIMAL(5, 2)), CAST(NULL AS DECIMAL(10, 2)),"
            + " PAYMENT_DATE, GROSS_AMOUNT, TAX, DEDUCTIONS, NET_AMOUNT"
            + " FROM REGISTER_PAYMENT"
            + " WHERE PERSON_ID = ? AND SUPERSEDED_AT IS NULL AND PERIOD_FROM <= ? AND PERIOD_TOM >= ?"
            + " ORDER BY 1, 2, 3";
    /** Every SGI set on or before {@code tom}; the ones before {@code from} but the last are dropped in Java. */
    private static final String SGI_COLUMNS = "SELECT SGI_ID, SET_ON, SGI_TYPE, ANNUAL_INCOME,"
            + " SOURCE1_KIND, SOURCE1_DESCRIPTION, SOURCE1_AMOUNT, SOURCE2_KIND, SOURCE2_DESCRIPTION, SOURCE2_AMOUNT"
            + " FROM REGISTER_SGI WHERE PERSON_ID = ? AND SET_ON <= ?";
    private static final String SGI = SGI_COLUMNS + " AND SUPERSEDED_AT IS NULL ORDER BY SET_ON, SGI_ID";
    /** The SGI versions the register held at a given register time. */
    private static final String SGI_AS_OF = SGI_COLUMNS
            + " AND RECORDED_AT <= ? AND (SUPERSEDED_AT IS NULL OR SUPERSEDED_AT > ?) ORDER BY SET_ON, SGI_ID";

    /** Benefit codes by name; a code the enum does not know is never among the requested types. */
    private static final Map<String, InformationType> BENEFITS = new HashMap<>();

    static {
        for (InformationType type : InformationType.values()) {
            if (type.isBenefit()) {
                BENEFITS.put(type.name(), type);
            }
        }
    }

    private RegisterReader() {
    }

    /**
     * The current record of {@code personId}, or empty if the person is not in the register.
     *
     * <ul>
     *   <li>The person information is always included.</li>
     *   <li>Decisions and payments: those whose benefit is in {@code types} and whose period overlaps
     *       [{@code from}, {@code tom}].</li>
     *   <li>SGI (only if {@link InformationType#SGI} is in {@code types}): those set on a date in
     *       [{@code from}, {@code tom}], plus the latest one set before {@code from} (the one in force
     *       at the start).</li>
     *   <li>Ordered: decisions by period start then id, payments by payment date then id, SGI by date
     *       set then id.</li>
     * </ul>
     *
     * @param personId the 12-digit canonical id
     */
    public static Optional<PersonRecord> read(Connection connection, String personId, LocalDate from, LocalDate tom,
                                              Set<InformationType> types) throws SQLException {
        return readWithRegisterTime(connection, personId, from, tom, types).person();
    }

    /** What one read found: the register's time (empty before the register is loaded) and the person's record. */
    public record Reading(Optional<Instant> registerTime, Optional<PersonRecord> person) {
    }

    /**
     * As {@link #read}, with the register's time read in the same statement as the person: a question's
     * answer needs both, and this way it costs one statement for the person and the time, one for the
     * decisions and payments, and one for SGI, each only when the types ask for it.
     */
    public static Reading readWithRegisterTime(Connection connection, String personId, LocalDate from, LocalDate tom,
                                               Set<InformationType> types) throws SQLException {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(tom, "tom");
        Optional<Instant> registerTime;
        PersonInformation person;
        try (PreparedStatement s = connection.prepareStatement(TIME_AND_PERSON)) {
            s.setString(1, personId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next(); // the one-row VALUES: always exactly one row
                OffsetDateTime time = rs.getObject(1, OffsetDateTime.class);
                registerTime = Optional.ofNullable(time).map(OffsetDateTime::toInstant);
                LocalDate birthDate = rs.getObject(2, LocalDate.class);
                person = birthDate == null ? null : new PersonInformation(personId, birthDate, rs.getBoolean(3), rs.getString(4));
            }
        }
        if (person == null) {
            return new Reading(registerTime, Optional.empty());
        }
        List<Decision> decisions = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        if (types.stream().anyMatch(InformationType::isBenefit)) {
            decisionsAndPayments(connection, personId, from, tom, types, decisions, payments);
        }
        List<Sgi> sgi = types.contains(InformationType.SGI) ? sgi(connection, personId, from, tom) : List.of();
        return new Reading(registerTime, Optional.of(new PersonRecord(person, decisions, payments, sgi)));
    }

    /** The register's time: how far its changes have been applied. Empty before the register is loaded. */
    public static Optional<Instant> registerTime(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT REGISTER_TIME FROM REGISTER_STATE WHERE ID = 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
        }
    }

    private static void decisionsAndPayments(Connection connection, String personId, LocalDate from, LocalDate tom,
                                             Set<InformationType> types, List<Decision> decisions, List<Payment> payments)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(DECISIONS_AND_PAYMENTS)) {
            bindPeriod(s, 0, personId, from, tom);
            bindPeriod(s, 3, personId, from, tom);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    InformationType benefit = BENEFITS.get(rs.getString(4));
                    if (benefit == null || !types.contains(benefit)) {
                        continue;
                    }
                    String id = rs.getString(3);
                    LocalDate periodFrom = rs.getObject(5, LocalDate.class);
                    LocalDate periodTom = rs.getObject(6, LocalDate.class);
                    if (rs.getInt(1) == DECISION_ROW) {
                        decisions.add(new Decision(id, personId, benefit,
                                rs.getObject(7, LocalDate.class), rs.getBoolean(8),
                                rs.getObject(9, LocalDate.class), rs.getBoolean(10),
                                periodFrom, periodTom,
                                new Extent(rs.getInt(11), rs.getInt(12)), rs.getBigDecimal(13), rs.getBoolean(14),
                                rs.getString(15), rs.getString(16), rs.getBigDecimal(17), rs.getBigDecimal(18)));
                    } else {
                        payments.add(new Payment(id, personId, benefit, rs.getObject(19, LocalDate.class), periodFrom, periodTom,
                                rs.getBigDecimal(20), rs.getBigDecimal(21), rs.getBigDecimal(22), rs.getBigDecimal(23)));
                    }
                }
            }
        }
    }

    private static void bindPeriod(PreparedStatement s, int offset, String personId, LocalDate from, LocalDate tom)
            throws SQLException {
        s.setString(offset + 1, personId);
        s.setObject(offset + 2, tom);   // PERIOD_FROM <= tom
        s.setObject(offset + 3, from);  // PERIOD_TOM >= from
    }

    /** The SGI of {@link #read} as the register held them at register time {@code at}. */
    public static List<Sgi> sgiAsOf(Connection connection, String personId, LocalDate from, LocalDate tom, Instant at)
            throws SQLException {
        return sgi(connection, personId, from, tom, at);
    }

    private static List<Sgi> sgi(Connection connection, String personId, LocalDate from, LocalDate tom)
            throws SQLException {
        return sgi(connection, personId, from, tom, null);
    }

    private static List<Sgi> sgi(Connection connection, String personId, LocalDate from, LocalDate tom, Instant at)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(at == null ? SGI : SGI_AS_OF)) {
            s.setString(1, personId);
            s.setObject(2, tom);
            if (at != null) {
                OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
                s.setObject(3, time);
                s.setObject(4, time);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<Sgi> out = new ArrayList<>();
                Sgi inForceAtStart = null;
                while (rs.next()) {
                    LocalDate setOn = rs.getObject(2, LocalDate.class);
                    List<IncomeSource> sources = new ArrayList<>(2);
                    source(rs, 5, sources);
                    source(rs, 8, sources);
                    Sgi sgi = new Sgi(rs.getString(1), personId, setOn, rs.getString(3), rs.getBigDecimal(4), sources);
                    if (setOn.isBefore(from)) {
                        inForceAtStart = sgi; // rows come in date order: the last one wins
                    } else {
                        out.add(sgi);
                    }
                }
                if (inForceAtStart != null) {
                    out.add(0, inForceAtStart);
                }
                return out;
            }
        }
    }

    private static void source(ResultSet rs, int column, List<IncomeSource> sources) throws SQLException {
        String kind = rs.getString(column);
        if (kind == null) {
            return;
        }
        BigDecimal amount = rs.getBigDecimal(column + 2);
        sources.add(new IncomeSource(IncomeSource.Kind.valueOf(kind), rs.getString(column + 1), amount));
    }
}
