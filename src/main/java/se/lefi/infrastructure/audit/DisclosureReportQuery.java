package se.lefi.infrastructure.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.domain.identity.PersonId;
import se.lefi.domain.audit.DisclosureReport;
import se.lefi.domain.audit.DisclosureReport.Disclosure;
import se.lefi.domain.audit.DisclosureReport.MonitoringSubscription;
import se.lefi.domain.audit.DisclosureReport.Party;
import se.lefi.domain.audit.DisclosureReport.RefusedAttempt;

/**
 * Reads one person's disclosure report from the audit log and the subscriptions, in two statements:
 * the person's audit records in the period (index AUDIT_RECORD_PERSON_TIME, so the cost follows the
 * person's own records, not the size of the log), and the person's subscriptions with their notification
 * counts (index NOTIFICATION_SUBSCRIPTION). Plain JDBC, standard SQL (H2 and PostgreSQL), so that the
 * benchmark runs the very query the server runs.
 */
public final class DisclosureReportQuery {
    private static final String RECORDS = "SELECT A.RECORDED_AT, A.ORGANISATION_NUMBER, O.NAME, O.KIND,"
            + " A.PRINCIPAL_NUMBER, P.NAME, P.KIND, CASE WHEN A.USER_PERSON_ID IS NULL THEN 0 ELSE 1 END,"
            + " A.INTERFACE_NAME, A.OPERATION, A.PURPOSE, A.LEGAL_BASIS, A.CONSENT_REFERENCE, A.CASE_ID, A.TYPES_RETURNED, A.OUTCOME"
            + " FROM AUDIT_RECORD A"
            + " LEFT JOIN ORGANISATION O ON O.ORGANISATION_NUMBER = A.ORGANISATION_NUMBER"
            + " LEFT JOIN ORGANISATION P ON P.ORGANISATION_NUMBER = A.PRINCIPAL_NUMBER"
            + " WHERE A.PERSON_ID = ? AND A.RECORDED_AT >= ? AND A.RECORDED_AT < ?"
            + " ORDER BY A.RECORDED_AT, A.ID";
    private static final String SUBSCRIPTIONS = "SELECT O.ORGANISATION_NUMBER, O.NAME, O.KIND, S.PRINCIPAL_NUMBER, P.NAME, P.KIND,"
            + " S.PURPOSE, S.LEGAL_BASIS, S.INFORMATION_TYPES, S.FROM_DATE, S.ORDERED_AT, S.ENDED_ON, S.END_REASON,"
            + " (SELECT COUNT(*) FROM NOTIFICATION N WHERE N.SUBSCRIPTION_ID = S.ID AND N.CREATED_AT >= ? AND N.CREATED_AT < ?)"
            + " FROM SUBSCRIPTION S"
            + " JOIN ORGANISATION O ON O.ID = S.ORGANISATION_ID"
            + " LEFT JOIN ORGANISATION P ON P.ORGANISATION_NUMBER = S.PRINCIPAL_NUMBER"
            + " WHERE S.PERSON_ID = ? AND S.ORDERED_AT < ? AND (S.ENDED_AT IS NULL OR S.ENDED_AT >= ?)"
            + " ORDER BY S.ORDERED_AT, S.ID";

    /** More of the person's audit records in the period than one report lists: the period must be narrowed. */
    public static final class TooManyRecords extends Exception {
        public TooManyRecords(int limit) {
            super("the period holds more than " + limit + " audit records about the person; narrow it");
        }
    }

    private DisclosureReportQuery() {
    }

    /**
     * The report of {@code personId} (canonical, 12 digits) for the days {@code from} to {@code to}
     * inclusive, Swedish days, as the administrator and the letter's reader count them. Refused rather than cut short when the period holds more than {@code maxRecords}
     * records: a report that silently left out disclosures would mislead the person it is sent to.
     */
    public static DisclosureReport read(Connection connection, String personId, LocalDate from, LocalDate to, int maxRecords,
                                        Instant now) throws SQLException, TooManyRecords {
        OffsetDateTime start = from.atStartOfDay(PersonId.SWEDEN).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay(PersonId.SWEDEN).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        List<Disclosure> disclosures = new ArrayList<>();
        List<RefusedAttempt> refusals = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(RECORDS)) {
            s.setMaxRows(maxRecords + 1);
            s.setString(1, personId);
            s.setObject(2, start);
            s.setObject(3, end);
            try (ResultSet rs = s.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    if (++rows > maxRecords) {
                        throw new TooManyRecords(maxRecords);
                    }
                    Instant at = rs.getObject(1, OffsetDateTime.class).toInstant();
                    Party caller = party(rs, 2);
                    String outcome = rs.getString(16);
                    String typesReturned = rs.getString(15);
                    if (!AuditRecord.GRANTED.equals(outcome)) {
                        refusals.add(new RefusedAttempt(at, caller, rs.getString(9), rs.getString(10), rs.getString(11), outcome));
                    } else if (typesReturned != null) {
                        // Granted without types returned (an order's acknowledgement, a cancellation) disclosed nothing.
                        disclosures.add(new Disclosure(at, caller, party(rs, 5), rs.getInt(8) == 1, rs.getString(9), rs.getString(10),
                                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), codes(typesReturned)));
                    }
                }
            }
        }
        List<MonitoringSubscription> subscriptions = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(SUBSCRIPTIONS)) {
            s.setObject(1, start);
            s.setObject(2, end);
            s.setString(3, personId);
            s.setObject(4, end);
            s.setObject(5, start);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    subscriptions.add(new MonitoringSubscription(party(rs, 1), party(rs, 4), rs.getString(7), rs.getString(8),
                            codes(rs.getString(9)), rs.getObject(10, LocalDate.class), rs.getObject(11, OffsetDateTime.class).toInstant(),
                            rs.getObject(12, LocalDate.class), rs.getString(13), rs.getLong(14)));
                }
            }
        }
        return new DisclosureReport(personId, from, to, now, disclosures, subscriptions, refusals);
    }

    /** The organisation whose number is in {@code column}, with its name and kind in the next two; null if no number. */
    private static Party party(ResultSet rs, int column) throws SQLException {
        String number = rs.getString(column);
        return number == null ? null : new Party(number, rs.getString(column + 1), rs.getString(column + 2));
    }

    private static List<String> codes(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
    }
}
