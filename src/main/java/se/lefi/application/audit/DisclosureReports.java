package se.lefi.application.audit;

import se.lefi.domain.access.Caller;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.audit.DisclosureReport;
import se.lefi.domain.identity.PersonId;
import se.lefi.infrastructure.audit.DisclosureReportQuery;
import se.lefi.infrastructure.config.LefiConfiguration;

/**
 * The individual's disclosure report (registerutdrag över utlämnanden), for administrators. Every report
 * asked for is itself logged as an administrator's action, DISCLOSURE_REPORT: who asked, when, about whom
 * and for which period, and in which form; so is every refusal, with its code.
 */
@Stateless
public class DisclosureReports {
    public static final String ACTION = "DISCLOSURE_REPORT";
    /** More than this many of one person's audit records in a period: the administrator narrows the period. */
    public static final int MAX_RECORDS = 20_000;
    static final String TOO_MANY_RECORDS = "TOO_MANY_RECORDS";
    /** The days a period may name: any the service can have disclosed on, and no date arithmetic overflows. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @EJB
    AdminActions actions;

    @Inject
    LefiConfiguration configuration;

    /** The report, or why there is none; {@code refusal} is one of RefusalCode's or TOO_MANY_RECORDS. */
    public record Result(DisclosureReport report, String refusal, String message) {
        public boolean isDone() {
            return refusal == null;
        }
    }

    /**
     * The report of {@code personId} for the days {@code from} to {@code to} inclusive (Swedish time),
     * logged with {@code form} (what the administrator takes away: "json" or "pdf").
     */
    public Result report(Caller admin, String personId, LocalDate from, LocalDate to, String form) {
        String details = from + ".." + to + " " + form;
        if (!PersonId.isValid(personId)) {
            // The target names no person: what was given is not one, and may be anything.
            return refused(admin, "-", details, RefusalCode.INVALID_PERSON_ID.name(), RefusalCode.INVALID_PERSON_ID.defaultMessage());
        }
        String person = PersonId.parse(personId).canonical();
        if (from.isAfter(to)) {
            return refused(admin, person, details, RefusalCode.INVALID_PERIOD.name(), RefusalCode.INVALID_PERIOD.defaultMessage());
        }
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            return refused(admin, person, details, RefusalCode.INVALID_PERIOD.name(),
                    "The period lies within " + EARLIEST + " and " + LATEST + ".");
        }
        try (Connection connection = dataSource.getConnection()) {
            DisclosureReport report = DisclosureReportQuery.read(connection, person, from, to, MAX_RECORDS, configuration.clock().instant());
            actions.recordOutsideParties(AdminActions.of(admin, ACTION, person, details, "DONE"));
            return new Result(report, null, null);
        } catch (DisclosureReportQuery.TooManyRecords e) {
            return refused(admin, person, details, TOO_MANY_RECORDS, "The period holds more than " + MAX_RECORDS
                    + " audit records about the person; ask for shorter periods.");
        } catch (SQLException e) {
            throw new IllegalStateException("the disclosure report could not be read", e);
        }
    }

    private Result refused(Caller admin, String target, String details, String code, String message) {
        actions.recordRefusal(AdminActions.of(admin, ACTION, target, details, code));
        return new Result(null, code, message);
    }
}
