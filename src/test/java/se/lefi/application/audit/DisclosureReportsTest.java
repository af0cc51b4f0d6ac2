package se.lefi.application.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.lefi.domain.access.Caller;
import se.lefi.domain.audit.AdminAction;
import se.lefi.dev.register.SyntheticRegister;
import se.lefi.infrastructure.config.LefiConfiguration;

/**
 * What the disclosure report decides before and after it reads: which requests it refuses, with which
 * code, and that each report and each refusal is logged as the administrator's action, with what. On a
 * real (in-memory H2) database with the project's migrations; the administrators' log is a recording one.
 */
class DisclosureReportsTest {
    private static final Caller ADMIN = new Caller("ad".repeat(32), "2021009994");
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 12, 31);

    private final List<String> logged = new ArrayList<>();
    private DisclosureReports reports;
    private JdbcDataSource dataSource;

    /** The administrators' log, recording what it is given: action, target, details, outcome, and whether apart. */
    private final class RecordingActions extends AdminActions {
        @Override
        public void recordOutsideParties(AdminAction action) {
            logged.add(action.action() + " " + action.target() + " " + action.details() + " " + action.outcome());
        }

        @Override
        public void recordRefusal(AdminAction action) {
            logged.add(action.action() + " " + action.target() + " " + action.details() + " " + action.outcome() + " (apart)");
        }
    }

    @BeforeEach
    void database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:reports-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        reports = new DisclosureReports();
        reports.dataSource = dataSource;
        reports.actions = new RecordingActions();
        reports.configuration = new LefiConfiguration();
    }

    private static String person(long index) {
        return SyntheticRegister.personId(index);
    }

    @Test
    void aReportIsLoggedWithThePersonThePeriodAndTheForm() {
        DisclosureReports.Result result = reports.report(ADMIN, person(1), FROM, TO, "pdf");
        assertNull(result.refusal());
        assertEquals(person(1), result.report().personId());
        assertEquals(List.of("DISCLOSURE_REPORT " + person(1) + " 2026-01-01..2026-12-31 pdf DONE"), logged);
    }

    @Test
    void aPersonIdGivenWithAHyphenIsReadAsTheSamePerson() {
        String canonical = person(2);
        String hyphenated = canonical.substring(0, 8) + "-" + canonical.substring(8);
        assertEquals(canonical, reports.report(ADMIN, hyphenated, FROM, TO, "json").report().personId());
    }

    @Test
    void anInvalidPersonIsRefusedAndLoggedApartWithoutWhatWasGiven() {
        DisclosureReports.Result result = reports.report(ADMIN, "199001011235", FROM, TO, "json");
        assertEquals("INVALID_PERSON_ID", result.refusal());
        assertEquals(List.of("DISCLOSURE_REPORT - 2026-01-01..2026-12-31 json INVALID_PERSON_ID (apart)"), logged);
    }

    @Test
    void aPeriodBackwardsOrOutsideTheServicesYearsIsRefused() {
        assertEquals("INVALID_PERIOD", reports.report(ADMIN, person(1), TO, FROM, "json").refusal());
        assertEquals("INVALID_PERIOD", reports.report(ADMIN, person(1), LocalDate.of(1999, 12, 31), TO, "json").refusal());
        assertEquals("INVALID_PERIOD", reports.report(ADMIN, person(1), FROM, LocalDate.MAX, "json").refusal());
        assertEquals(3, logged.stream().filter(line -> line.endsWith("INVALID_PERIOD (apart)")).count(), logged.toString());
    }

    @Test
    void morePersonsRecordsThanOneReportListsIsRefusedNotCutShort() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO AUDIT_RECORD (ID,"
                + " REQUEST_ID, RECORDED_AT, INTERFACE_NAME, OPERATION, ORGANISATION_NUMBER, PERSON_ID, TYPES_RETURNED, OUTCOME)"
                + " VALUES (?, ?, ?, 'SYSTEM_TO_SYSTEM', 'GetBenefitInformation', '5569000010', ?, 'SJP', 'GRANTED')")) {
            Instant at = Instant.parse("2026-06-01T10:00:00Z");
            for (int i = 1; i <= DisclosureReports.MAX_RECORDS + 1; i++) {
                insert.setLong(1, i);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setObject(3, at.plusSeconds(i).atOffset(ZoneOffset.UTC));
                insert.setString(4, person(3));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        assertEquals("TOO_MANY_RECORDS", reports.report(ADMIN, person(3), FROM, TO, "json").refusal());
        assertEquals(List.of("DISCLOSURE_REPORT " + person(3) + " 2026-01-01..2026-12-31 json TOO_MANY_RECORDS (apart)"), logged);
        assertNull(reports.report(ADMIN, person(3), LocalDate.of(2026, 7, 1), TO, "json").refusal(),
                "a period that holds fewer is answered");
    }
}
