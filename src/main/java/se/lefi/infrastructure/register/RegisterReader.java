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
 * by period and information types. On the hot path of every question: at most four indexed queries
 * (person, decisions, payments, SGI), and only those the requested types need. Plain JDBC, standard
 * SQL (H2 and PostgreSQL).
 */
public final class RegisterReader {

    private static final String PERSON = "SELECT BIRTH_DATE, COORDINATION_NUMBER, MUNICIPALITY_CODE"
            + " FROM REGISTER_PERSON WHERE PERSON_ID = ?";
    private static final String DECISIONS = "SELECT DECISION_ID, BENEFIT, CASE_START, CASE_ACTIVE, DECISION_DATE,"
            + " FINAL_DECISION, PERIOD_FROM, PERIOD_TOM, EXTENT_NUMERATOR, EXTENT_DENOMINATOR, DAYS,"
            + " WAITING_DAY_DEDUCTION, OUTCOME, DECISION_TYPE, COMPENSATION_LEVEL, DAILY_AMOUNT"
            + " FROM REGISTER_DECISION"
            + " WHERE PERSON_ID = ? AND SUPERSEDED_AT IS NULL AND PERIOD_FROM <= ? AND PERIOD_TOM >= ?"
            + " ORDER BY PERIOD_FROM, DECISION_ID";
    private static final String PAYMENTS = "SELECT PAYMENT_ID, BENEFIT, PAYMENT_DATE, PERIOD_FROM, PERIOD_TOM,"
            + " GROSS_AMOUNT, TAX, DEDUCTIONS, NET_AMOUNT"
            + " FROM REGISTER_PAYMENT"
            + " WHERE PERSON_ID = ? AND SUPERSEDED_AT IS NULL AND PERIOD_FROM <= ? AND PERIOD_TOM >= ?"
            + " ORDER BY PAYMENT_DATE, PAYMENT_ID";
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
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(tom, "tom");
        PersonInformation person = person(connection, personId);
        if (person == null) {
            return Optional.empty();
        }
        boolean benefits = false;
        for (InformationType type : types) {
            if (type.isBenefit()) {
                benefits = true;
                break;
            }
        }
        List<Decision> decisions = benefits ? decisions(connection, personId, from, tom, types) : List.of();
        List<Payment> payments = benefits ? payments(connection, personId, from, tom, types) : List.of();
        List<Sgi> sgi = types.contains(InformationType.SGI) ? sgi(connection, personId, from, tom) : List.of();
        return Optional.of(new PersonRecord(person, decisions, payments, sgi));
    }

    /** The register's time: how far its changes have been applied. Empty before the register is loaded. */
    public static Optional<Instant> registerTime(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT REGISTER_TIME FROM REGISTER_STATE WHERE ID = 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
        }
    }

    private static PersonInformation person(Connection connection, String personId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(PERSON)) {
            s.setString(1, personId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new PersonInformation(personId, rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3));
            }
        }
    }

    private static List<Decision> decisions(Connection connection, String personId, LocalDate from, LocalDate tom,
                                            Set<InformationType> types) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(DECISIONS)) {
            bindPeriod(s, personId, from, tom);
            try (ResultSet rs = s.executeQuery()) {
                List<Decision> out = new ArrayList<>();
                while (rs.next()) {
                    InformationType benefit = BENEFITS.get(rs.getString(2));
                    if (benefit == null || !types.contains(benefit)) {
                        continue;
                    }
                    out.add(new Decision(rs.getString(1), personId, benefit,
                            rs.getObject(3, LocalDate.class), rs.getBoolean(4),
                            rs.getObject(5, LocalDate.class), rs.getBoolean(6),
                            rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                            new Extent(rs.getInt(9), rs.getInt(10)), rs.getBigDecimal(11), rs.getBoolean(12),
                            rs.getString(13), rs.getString(14), rs.getBigDecimal(15), rs.getBigDecimal(16)));
                }
                return out;
            }
        }
    }

    private static List<Payment> payments(Connection connection, String personId, LocalDate from, LocalDate tom,
                                          Set<InformationType> types) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(PAYMENTS)) {
            bindPeriod(s, personId, from, tom);
            try (ResultSet rs = s.executeQuery()) {
                List<Payment> out = new ArrayList<>();
                while (rs.next()) {
                    InformationType benefit = BENEFITS.get(rs.getString(2));
                    if (benefit == null || !types.contains(benefit)) {
                        continue;
                    }
                    out.add(new Payment(rs.getString(1), personId, benefit, rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                            rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9)));
                }
                return out;
            }
        }
    }

    private static void bindPeriod(PreparedStatement s, String personId, LocalDate from, LocalDate tom)
            throws SQLException {
        s.setString(1, personId);
        s.setObject(2, tom);   // PERIOD_FROM <= tom
        s.setObject(3, from);  // PERIOD_TOM >= from
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
