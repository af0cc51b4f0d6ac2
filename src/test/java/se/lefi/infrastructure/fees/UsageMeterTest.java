package se.lefi.infrastructure.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.lefi.domain.fees.Usage;

/**
 * The metering SQL on the real schema (Flyway's migrations on H2): which rows fall in a Swedish
 * calendar month, which questions are charged, when a subscription and an agreement count.
 */
class UsageMeterTest {
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final AtomicLong IDS = new AtomicLong(1000);
    private static Connection c;

    @BeforeAll
    static void schema() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:meter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        c = dataSource.getConnection();
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
    }

    @Test
    void questionsAreCountedInTheSwedishMonthAndOnlyGrantedOnesCharged() throws SQLException {
        organisation("5569000010", "INSURER");
        // 2026-10-31 23:30 UTC is 1 November 00:30 in Stockholm (CET); 2026-11-30 23:30 UTC is 1 December.
        question("5569000010", "2026-10-31T22:59:59Z", "GetBenefitInformation", "GRANTED");
        question("5569000010", "2026-10-31T23:30:00Z", "GetBenefitInformation", "GRANTED");
        question("5569000010", "2026-11-15T12:00:00Z", "GetBenefitInformation", "GRANTED");
        question("5569000010", "2026-11-30T22:59:59Z", "GetBenefitInformation", "CONSENT_MISSING");
        question("5569000010", "2026-11-30T23:00:00Z", "GetBenefitInformation", "GRANTED");
        question("5569000010", "2026-11-10T12:00:00Z", "OrderSubscription", "GRANTED");
        question("5569000010", "2026-11-10T12:00:00Z", "OrderSubscription", "INVALID_PERSON_ID");
        question("5569000010", "2026-11-10T12:00:00Z", "Ping", "GRANTED");
        question("5569000028", "2026-11-10T12:00:00Z", "GetBenefitInformation", "GRANTED");

        Usage usage = usage("5569000010");
        assertEquals(2, usage.questions());
        assertEquals(1, usage.refusedQuestions());
        assertEquals(1, UsageMeter.of(c, YearMonth.of(2026, 10), SWEDEN, "5569000010").orElseThrow().usage().questions());
    }

    @Test
    void aPersonCountsWhenASubscriptionOfTheOrganisationWasLiveOnAnyDayOfTheMonth() throws SQLException {
        long org = organisation("5569000036", "AGENT");
        subscription(org, "193001010002", "2026-10-01T10:00:00Z", null);                     // live throughout
        subscription(org, "193001010010", "2026-10-01T10:00:00Z", LocalDate.of(2026, 11, 1)); // ended on the 1st
        subscription(org, "193001010028", "2026-10-01T10:00:00Z", LocalDate.of(2026, 10, 31)); // ended before
        subscription(org, "193001010036", "2026-11-30T22:30:00Z", null);                     // ordered on the 30th, Swedish time
        subscription(org, "193001010044", "2026-11-30T23:30:00Z", null);                     // ordered on 1 December
        subscription(org, "193001010051", "2026-11-05T10:00:00Z", LocalDate.of(2026, 11, 5)); // ordered and cancelled the same day
        subscription(org, "193001010002", "2026-11-20T10:00:00Z", null);                     // replaced: the same person
        assertEquals(4, usage("5569000036").monitoredPersons());
        assertEquals(3, UsageMeter.of(c, YearMonth.of(2026, 12), SWEDEN, "5569000036").orElseThrow().usage().monitoredPersons());
    }

    @Test
    void notificationsAreThoseProducedInTheMonth() throws SQLException {
        long org = organisation("5569000051", "AGENT");
        long other = organisation("5569000069", "INSURER");
        notification(org, 1, "2026-10-31T22:59:59Z");
        notification(org, 2, "2026-10-31T23:00:00Z");
        notification(org, 3, "2026-11-30T22:59:59Z");
        notification(org, 4, "2026-11-30T23:00:00Z");
        notification(other, 1, "2026-11-10T10:00:00Z");
        assertEquals(2, usage("5569000051").notifications());
        assertEquals(1, usage("5569000069").notifications());
    }

    @Test
    void theFixedFeeIsDueForAMonthWithTheAgreementInForceOnAnyDay() throws SQLException {
        assertTrue(inForce(agreement("2026-11-30", "2026-11-30", null)), "signed on the last day");
        assertTrue(!inForce(agreement("2026-11-30", "2026-12-01", null)), "signed by one party only within the month");
        assertTrue(!inForce(agreement(null, "2026-10-01", null)), "never signed by the organisation");
        assertTrue(inForce(agreement("2026-01-01", "2026-01-01", "2026-11-02")), "terminated from the 2nd: in force on the 1st");
        assertTrue(!inForce(agreement("2026-01-01", "2026-01-01", "2026-11-01")), "terminated from the 1st");
        assertTrue(!inForce(agreement("2026-11-10", "2026-11-10", "2026-11-10")), "terminated from the day it came into force");
        assertTrue(inForce(agreement("2026-11-10", "2026-11-10", "2026-11-11")), "in force for one day");
        assertTrue(!inForce(agreement("2026-12-01", "2026-12-01", null)), "signed after the month");
    }

    @Test
    void everyOrganisationIsMeteredInNumberOrder() throws SQLException {
        organisation("5569000077", "INSURER");
        organisation("2021009994", "AGENCY");
        List<UsageMeter.Metered> all = UsageMeter.all(c, NOVEMBER, SWEDEN);
        List<String> numbers = all.stream().map(UsageMeter.Metered::organisationNumber).toList();
        assertEquals(numbers.stream().sorted().toList(), numbers);
        assertTrue(numbers.contains("5569000077") && numbers.contains("2021009994"));
        assertTrue(UsageMeter.of(c, NOVEMBER, SWEDEN, "5569000184").isEmpty());
    }

    // --- rows ---

    private static Usage usage(String number) throws SQLException {
        return UsageMeter.of(c, NOVEMBER, SWEDEN, number).orElseThrow().usage();
    }

    private static long organisation(String number, String kind) throws SQLException {
        long id = IDS.incrementAndGet();
        execute("INSERT INTO ORGANISATION (ID, ORGANISATION_NUMBER, NAME, KIND) VALUES (?, ?, ?, ?)", id, number, "Org " + number, kind);
        return id;
    }

    private static int agreements;

    /** A new organisation with one agreement; returns its number. */
    private static String agreement(String signedByOrganisation, String signedByAgency, String terminatedFrom) throws SQLException {
        String number = String.valueOf(3_000_000_000L + ++agreements);
        long org = organisation(number, "INSURER");
        execute("INSERT INTO AGREEMENT (ID, ORGANISATION_ID, INTERFACES, PURPOSES, INFORMATION_TYPES, LONG_PERIODS_ALLOWED, SENT_ON,"
                + " SIGNED_BY_ORGANISATION_ON, SIGNED_BY_AGENCY_ON, TERMINATED_FROM) VALUES (?, ?, 'SYSTEM_TO_SYSTEM', '', 'SJP', FALSE, ?, ?, ?, ?)",
                IDS.incrementAndGet(), org, LocalDate.of(2025, 1, 1), date(signedByOrganisation), date(signedByAgency), date(terminatedFrom));
        return number;
    }

    private static boolean inForce(String number) throws SQLException {
        return usage(number).agreementInForce();
    }

    private static void question(String number, String at, String operation, String outcome) throws SQLException {
        execute("INSERT INTO AUDIT_RECORD (ID, REQUEST_ID, RECORDED_AT, INTERFACE_NAME, OPERATION, ORGANISATION_NUMBER, OUTCOME)"
                + " VALUES (?, ?, ?, 'SYSTEM_TO_SYSTEM', ?, ?, ?)", IDS.incrementAndGet(), UUID.randomUUID().toString(), time(at),
                operation, number, outcome);
    }

    private static void subscription(long org, String personId, String orderedAt, LocalDate endedOn) throws SQLException {
        execute("INSERT INTO SUBSCRIPTION (ORGANISATION_ID, PERSON_ID, INFORMATION_TYPES, PURPOSE, LEGAL_BASIS, FROM_DATE, ORDER_ID,"
                + " ORDERED_AT, AFTER_CHANGE, ENDED_ON) VALUES (?, ?, 'SJP', 'CASE_WORK', 'basis', ?, ?, ?, 0, ?)", org, personId,
                LocalDate.of(2026, 1, 1), UUID.randomUUID().toString(), time(orderedAt), endedOn);
    }

    private static void notification(long org, long sequence, String createdAt) throws SQLException {
        execute("INSERT INTO NOTIFICATION (ORGANISATION_ID, SEQUENCE_NUMBER, SUBSCRIPTION_ID, PERSON_ID, KIND, REGISTER_TIME, CREATED_AT,"
                + " REQUEST_ID, CONTENT) VALUES (?, ?, 1, '193001010002', 'INITIAL', ?, ?, ?, '{}')", org, sequence, time(createdAt),
                time(createdAt), UUID.randomUUID().toString());
    }

    private static Object time(String instant) {
        return Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static void execute(String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
