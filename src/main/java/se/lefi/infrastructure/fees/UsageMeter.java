package se.lefi.infrastructure.fees;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.lefi.domain.fees.Usage;

/**
 * Meters each organisation's use of the service in a month from what the server already records:
 * the audit log (questions), SUBSCRIPTION (persons monitored) and NOTIFICATION (notifications). One
 * statement of correlated counts, each served by an existing index on (organisation, time), in
 * standard SQL for H2 and PostgreSQL. The month is a Swedish calendar month.
 */
public final class UsageMeter {

    /** One organisation as it stands, with its usage. {@code kind} is the stored code. */
    public record Metered(String organisationNumber, String name, String kind, Usage usage) {
    }

    /** The audit operation of a question (DisclosureService's, whichever interface it came by). */
    public static final String QUESTION = "GetBenefitInformation";

    // A question is charged when answered: refusals (any other outcome) are counted apart, never charged.
    // A subscription is live from its order until its end date, which is the Swedish day it was
    // cancelled or stopped; one ordered and ended within the month still counts, as its data was sent.
    // An agreement is in force on a day when both parties have signed on or before it and it is not
    // terminated from that day or earlier; so it was in force on some day of [first, last] when both
    // signed by the last day and the termination, if any, comes after the first day and both signatures.
    private static final String SQL = "SELECT O.ORGANISATION_NUMBER, O.NAME, O.KIND,"
            + " CASE WHEN EXISTS (SELECT 1 FROM AGREEMENT G WHERE G.ORGANISATION_ID = O.ID"
            + "   AND G.SIGNED_BY_ORGANISATION_ON <= ? AND G.SIGNED_BY_AGENCY_ON <= ?"
            + "   AND (G.TERMINATED_FROM IS NULL OR (G.TERMINATED_FROM > ? AND G.TERMINATED_FROM > G.SIGNED_BY_ORGANISATION_ON"
            + "        AND G.TERMINATED_FROM > G.SIGNED_BY_AGENCY_ON))) THEN 1 ELSE 0 END,"
            + " (SELECT COUNT(*) FROM AUDIT_RECORD A WHERE A.ORGANISATION_NUMBER = O.ORGANISATION_NUMBER"
            + "   AND A.RECORDED_AT >= ? AND A.RECORDED_AT < ? AND A.OPERATION = '" + QUESTION + "' AND A.OUTCOME = 'GRANTED'),"
            + " (SELECT COUNT(*) FROM AUDIT_RECORD A WHERE A.ORGANISATION_NUMBER = O.ORGANISATION_NUMBER"
            + "   AND A.RECORDED_AT >= ? AND A.RECORDED_AT < ? AND A.OPERATION = '" + QUESTION + "' AND A.OUTCOME <> 'GRANTED'),"
            + " (SELECT COUNT(DISTINCT S.PERSON_ID) FROM SUBSCRIPTION S WHERE S.ORGANISATION_ID = O.ID"
            + "   AND S.ORDERED_AT < ? AND (S.ENDED_ON IS NULL OR S.ENDED_ON >= ?)),"
            + " (SELECT COUNT(*) FROM NOTIFICATION N WHERE N.ORGANISATION_ID = O.ID AND N.CREATED_AT >= ? AND N.CREATED_AT < ?)"
            + " FROM ORGANISATION O";

    private UsageMeter() {
    }

    /** Every organisation's usage in {@code month}, in organisation number order. */
    public static List<Metered> all(Connection c, YearMonth month, ZoneId zone) throws SQLException {
        return meter(c, month, zone, null);
    }

    /** One organisation's usage in {@code month}; empty when no organisation has the number. */
    public static Optional<Metered> of(Connection c, YearMonth month, ZoneId zone, String organisationNumber) throws SQLException {
        return meter(c, month, zone, organisationNumber).stream().findFirst();
    }

    private static List<Metered> meter(Connection c, YearMonth month, ZoneId zone, String organisationNumber) throws SQLException {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        OffsetDateTime from = first.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        String sql = SQL + (organisationNumber == null ? "" : " WHERE O.ORGANISATION_NUMBER = ?") + " ORDER BY O.ORGANISATION_NUMBER";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setObject(i++, last);
            s.setObject(i++, last);
            s.setObject(i++, first);
            s.setObject(i++, from);
            s.setObject(i++, to);
            s.setObject(i++, from);
            s.setObject(i++, to);
            s.setObject(i++, to);
            s.setObject(i++, first);
            s.setObject(i++, from);
            s.setObject(i++, to);
            if (organisationNumber != null) {
                s.setString(i, organisationNumber);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<Metered> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Metered(rs.getString(1), rs.getString(2), rs.getString(3),
                            new Usage(rs.getInt(4) == 1, rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))));
                }
                return out;
            }
        }
    }
}
