package se.lefi.dev.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.lefi.dev.register.SyntheticPersonIds;
import se.lefi.domain.register.Decision;
import se.lefi.domain.register.IncomeSource;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.PersonRecord;
import se.lefi.domain.register.Sgi;
import se.lefi.dev.register.SyntheticRegister;

class RegisterBulkLoaderTest {

    private static final SyntheticRegister REGISTER = new SyntheticRegister(7);
    private static final Instant RECORDED_AT = Instant.parse("2026-06-30T10:15:30Z");

    private JdbcDataSource dataSource;

    @BeforeEach
    void migratedDatabase() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:loader-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** Rows per table that persons [from, to) should give: persons, decisions, payments, SGI. */
    private static long[] expectedRows(long from, long to) {
        long[] rows = new long[4];
        for (long i = from; i < to; i++) {
            PersonRecord p = REGISTER.person(i);
            rows[0]++;
            rows[1] += p.decisions().size();
            rows[2] += p.payments().size();
            rows[3] += p.sgi().size();
        }
        return rows;
    }

    private long count(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void twoWorkersLoadEveryRowOfTheRange() throws SQLException {
        // Born 1982..1987: working age, so every table gets rows.
        long rows = RegisterBulkLoader.load(dataSource, REGISTER, 19_000, 21_000, RECORDED_AT, 2);

        long[] expected = expectedRows(19_000, 21_000);
        assertEquals(expected[0] + expected[1] + expected[2] + expected[3], rows);
        assertEquals(2_000, RegisterBulkLoader.personCount(dataSource));
        assertEquals(expected[0], count("REGISTER_PERSON"));
        assertEquals(expected[1], count("REGISTER_DECISION"));
        assertEquals(expected[2], count("REGISTER_PAYMENT"));
        assertEquals(expected[3], count("REGISTER_SGI"));
        assertTrue(expected[1] > 1_000 && expected[2] > 1_000 && expected[3] > 1_000);
    }

    @Test
    void successiveRangesAddUp() throws SQLException {
        assertEquals(1, RegisterBulkLoader.workersFor(dataSource)); // embedded H2
        long first = RegisterBulkLoader.load(dataSource, REGISTER, 0, 700, RECORDED_AT);        // born 1930..1931
        long second = RegisterBulkLoader.load(dataSource, REGISTER, 25_000, 26_300, RECORDED_AT); // born 1998..2002
        long[] a = expectedRows(0, 700);
        long[] b = expectedRows(25_000, 26_300);
        assertEquals(a[0] + a[1] + a[2] + a[3], first);
        assertEquals(b[0] + b[1] + b[2] + b[3], second);
        assertEquals(2_000, RegisterBulkLoader.personCount(dataSource));
        assertEquals(a[2] + b[2], count("REGISTER_PAYMENT"));
    }

    @Test
    void rowsAreCurrentFirstVersionsWithTheGivenRecordingTime() throws SQLException {
        RegisterBulkLoader.load(dataSource, REGISTER, 20_000, 20_100, RECORDED_AT);
        try (Connection c = dataSource.getConnection()) {
            for (String table : new String[] {"REGISTER_DECISION", "REGISTER_PAYMENT", "REGISTER_SGI"}) {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(VERSION), MAX(VERSION), COUNT(SUPERSEDED_AT),"
                             + " MIN(RECORDED_AT), MAX(RECORDED_AT) FROM " + table)) {
                    rs.next();
                    assertTrue(rs.getLong(1) > 0, table);
                    assertEquals(1, rs.getInt(2), table);
                    assertEquals(1, rs.getInt(3), table);
                    assertEquals(0, rs.getLong(4), table);
                    assertEquals(RECORDED_AT, rs.getObject(5, OffsetDateTime.class).toInstant(), table);
                    assertEquals(RECORDED_AT, rs.getObject(6, OffsetDateTime.class).toInstant(), table);
                }
            }
        }
    }

    @Test
    void columnsHoldTheGeneratedValues() throws SQLException {
        RegisterBulkLoader.load(dataSource, REGISTER, 20_000, 20_200, RECORDED_AT);
        PersonRecord p = null;
        for (long i = 20_000; i < 20_200; i++) {
            PersonRecord candidate = REGISTER.person(i);
            if (!candidate.decisions().isEmpty() && !candidate.payments().isEmpty()
                    && candidate.sgi().stream().anyMatch(s -> s.incomeSources().size() == 1)) {
                p = candidate;
                break;
            }
        }
        assertTrue(p != null);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT BIRTH_DATE, COORDINATION_NUMBER, MUNICIPALITY_CODE,"
                    + " RECORDED_AT FROM REGISTER_PERSON WHERE PERSON_ID = ?")) {
                s.setString(1, p.person().personId());
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(p.person().birthDate(), rs.getObject(1, LocalDate.class));
                    assertEquals(p.person().coordinationNumber(), rs.getBoolean(2));
                    assertEquals(p.person().municipalityCode(), rs.getString(3));
                    assertEquals(RECORDED_AT, rs.getObject(4, OffsetDateTime.class).toInstant());
                }
            }
            Decision d = p.decisions().get(0);
            try (PreparedStatement s = c.prepareStatement("SELECT PERSON_ID, BENEFIT, PERIOD_FROM, PERIOD_TOM,"
                    + " EXTENT_NUMERATOR, EXTENT_DENOMINATOR, DAYS, DAILY_AMOUNT, OUTCOME, DECISION_TYPE"
                    + " FROM REGISTER_DECISION WHERE DECISION_ID = ?")) {
                s.setString(1, d.decisionId());
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(d.personId(), rs.getString(1));
                    assertEquals(d.benefit().name(), rs.getString(2));
                    assertEquals(d.periodFrom(), rs.getObject(3, LocalDate.class));
                    assertEquals(d.periodTom(), rs.getObject(4, LocalDate.class));
                    assertEquals(d.extent().numerator(), rs.getInt(5));
                    assertEquals(d.extent().denominator(), rs.getInt(6));
                    assertEquals(d.days(), rs.getBigDecimal(7));
                    assertEquals(d.dailyAmount(), rs.getBigDecimal(8));
                    assertEquals(d.outcome(), rs.getString(9));
                    assertEquals(d.decisionType(), rs.getString(10));
                }
            }
            Payment pay = p.payments().get(p.payments().size() - 1);
            try (PreparedStatement s = c.prepareStatement("SELECT GROSS_AMOUNT, TAX, DEDUCTIONS, NET_AMOUNT, PAYMENT_DATE"
                    + " FROM REGISTER_PAYMENT WHERE PAYMENT_ID = ?")) {
                s.setString(1, pay.paymentId());
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(pay.grossAmount(), rs.getBigDecimal(1));
                    assertEquals(pay.tax(), rs.getBigDecimal(2));
                    assertEquals(pay.deductions(), rs.getBigDecimal(3));
                    assertEquals(pay.netAmount(), rs.getBigDecimal(4));
                    assertEquals(pay.paymentDate(), rs.getObject(5, LocalDate.class));
                }
            }
            Sgi sgi = p.sgi().stream().filter(x -> x.incomeSources().size() == 1).findFirst().orElseThrow();
            IncomeSource source = sgi.incomeSources().get(0);
            try (PreparedStatement s = c.prepareStatement("SELECT ANNUAL_INCOME, SOURCE1_KIND, SOURCE1_DESCRIPTION,"
                    + " SOURCE1_AMOUNT, SOURCE2_KIND, SOURCE2_DESCRIPTION, SOURCE2_AMOUNT, SET_ON"
                    + " FROM REGISTER_SGI WHERE SGI_ID = ?")) {
                s.setString(1, sgi.sgiId());
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(sgi.annualIncome(), rs.getBigDecimal(1));
                    assertEquals(source.kind().name(), rs.getString(2));
                    assertEquals(source.description(), rs.getString(3));
                    assertEquals(source.annualAmount(), rs.getBigDecimal(4));
                    assertNull(rs.getString(5));
                    assertNull(rs.getString(6));
                    assertNull(rs.getObject(7, BigDecimal.class));
                    assertEquals(sgi.setOn(), rs.getObject(8, LocalDate.class));
                }
            }
        }
    }

    @Test
    void aFailingWorkerFailsTheLoad() throws SQLException {
        RegisterBulkLoader.load(dataSource, REGISTER, 20_000, 21_000, RECORDED_AT);
        // The first worker's range overlaps what is loaded: primary-key violation.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RegisterBulkLoader.load(dataSource, REGISTER, 20_500, 22_500, RECORDED_AT, 2));
        assertInstanceOf(SQLException.class, e.getCause());
        // What was there stays; the failed chunk was rolled back.
        long persons = RegisterBulkLoader.personCount(dataSource);
        assertTrue(persons >= 1_000 && persons <= 2_000, "persons: " + persons);
        assertEquals(0, persons % RegisterBulkLoader.CHUNK_PERSONS, "whole chunks only: " + persons);
    }

    @Test
    void aFailureWithOneWorkerIsReportedToo() {
        RegisterBulkLoader.load(dataSource, REGISTER, 100, 110, RECORDED_AT);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RegisterBulkLoader.load(dataSource, REGISTER, 105, 120, RECORDED_AT));
        assertInstanceOf(SQLException.class, e.getCause());
        assertEquals(10, RegisterBulkLoader.personCount(dataSource));
    }

    @Test
    void emptyAndInvalidRanges() {
        assertEquals(0, RegisterBulkLoader.load(dataSource, REGISTER, 5, 5, RECORDED_AT));
        assertEquals(0, RegisterBulkLoader.personCount(dataSource));
        assertThrows(IllegalArgumentException.class, () -> RegisterBulkLoader.load(dataSource, REGISTER, 5, 4, RECORDED_AT));
        assertThrows(IllegalArgumentException.class, () -> RegisterBulkLoader.load(dataSource, REGISTER, -1, 4, RECORDED_AT));
        assertThrows(IllegalArgumentException.class, () -> RegisterBulkLoader.load(dataSource, REGISTER,
                SyntheticPersonIds.CAPACITY - 1, SyntheticPersonIds.CAPACITY + 1, RECORDED_AT));
        assertThrows(IllegalArgumentException.class, () -> RegisterBulkLoader.load(dataSource, REGISTER, 0, 4, RECORDED_AT, 0));
    }
}
