package se.lefi.infrastructure.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import se.lefi.domain.access.ConsentReference;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.subscription.Subscription;
import se.lefi.domain.subscription.Subscriptions;

/** The subscriptions in table SUBSCRIPTION, with their organisation's number. */
@ApplicationScoped
public class JdbcSubscriptions extends JdbcStore implements Subscriptions {
    private static final String COLUMNS = "S.ID, S.ORGANISATION_ID, O.ORGANISATION_NUMBER, S.PRINCIPAL_NUMBER, S.PERSON_ID,"
            + " S.INFORMATION_TYPES, S.PURPOSE, S.LEGAL_BASIS, S.CONSENT_ID, S.CONSENT_GIVEN_ON, S.CONSENT_SCOPE, S.CASE_ID,"
            + " S.FROM_DATE, S.ORDER_ID, S.ORDERED_AT, S.AFTER_CHANGE, S.CONSENT_WITHDRAWN_FROM, S.ENDED_ON, S.END_REASON"
            + " FROM SUBSCRIPTION S JOIN ORGANISATION O ON O.ID = S.ORGANISATION_ID";

    @Override
    public long add(Subscription n) {
        return on("storing the subscription", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO SUBSCRIPTION (ORGANISATION_ID, PRINCIPAL_NUMBER, PERSON_ID,"
                    + " INFORMATION_TYPES, PURPOSE, LEGAL_BASIS, CONSENT_ID, CONSENT_GIVEN_ON, CONSENT_SCOPE, CASE_ID, FROM_DATE,"
                    + " ORDER_ID, ORDERED_AT, AFTER_CHANGE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, n.organisationId());
                s.setString(2, n.principalNumber());
                s.setString(3, n.personId());
                s.setString(4, n.informationTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
                s.setString(5, n.purpose().name());
                s.setString(6, n.legalBasis());
                s.setString(7, n.consent() == null ? null : n.consent().consentId());
                s.setObject(8, n.consent() == null ? null : n.consent().givenOn());
                s.setString(9, n.consent() == null ? null : n.consent().scope());
                s.setString(10, n.caseId());
                s.setObject(11, n.from());
                s.setString(12, n.orderId());
                s.setObject(13, utc(n.orderedAt()));
                s.setLong(14, n.afterChange());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<Subscription> live(long organisationId, String personId) {
        return on("reading the live subscription", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " WHERE S.ORGANISATION_ID = ? AND S.PERSON_ID = ? AND S.ENDED_ON IS NULL ORDER BY S.ID DESC")) {
                s.setLong(1, organisationId);
                s.setString(2, personId);
                return read(s).stream().findFirst();
            }
        });
    }

    @Override
    public List<Subscription> liveFor(Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        String marks = personIds.stream().map(p -> "?").collect(Collectors.joining(","));
        return on("reading the persons' live subscriptions", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " WHERE S.PERSON_ID IN (" + marks + ") AND S.ENDED_ON IS NULL ORDER BY S.ID")) {
                int i = 1;
                for (String personId : personIds) {
                    s.setString(i++, personId);
                }
                return read(s);
            }
        });
    }

    @Override
    public List<Subscription> livePage(long afterId, int max) {
        return on("reading a page of live subscriptions", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " WHERE S.ID > ? AND S.ENDED_ON IS NULL ORDER BY S.ID FETCH FIRST " + max + " ROWS ONLY")) {
                s.setLong(1, afterId);
                return read(s);
            }
        });
    }

    @Override
    public void end(long id, LocalDate endedOn, Instant at, String reason) {
        update("ending the subscription",
                "UPDATE SUBSCRIPTION SET ENDED_ON = ?, ENDED_AT = ?, END_REASON = ? WHERE ID = ? AND ENDED_ON IS NULL",
                endedOn, utc(at), reason, id);
    }

    @Override
    public void resent(long id, LocalDate from, long afterChange) {
        update("recording the full update", "UPDATE SUBSCRIPTION SET FROM_DATE = ?, AFTER_CHANGE = ? WHERE ID = ?",
                from, afterChange, id);
    }

    @Override
    public int withdrawConsent(long organisationId, String consentId, LocalDate from) {
        return update("recording the withdrawn consent", "UPDATE SUBSCRIPTION SET CONSENT_WITHDRAWN_FROM = ?"
                + " WHERE ORGANISATION_ID = ? AND CONSENT_ID = ? AND ENDED_ON IS NULL", from, organisationId, consentId);
    }

    private static List<Subscription> read(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            List<Subscription> out = new ArrayList<>();
            while (rs.next()) {
                Set<InformationType> types = EnumSet.noneOf(InformationType.class);
                for (String t : rs.getString(6).split(",")) {
                    if (!t.isEmpty()) {
                        types.add(InformationType.valueOf(t));
                    }
                }
                String consentId = rs.getString(9);
                ConsentReference consent = consentId == null ? null
                        : new ConsentReference(consentId, rs.getObject(10, LocalDate.class), rs.getString(11));
                out.add(new Subscription(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), types,
                        Purpose.valueOf(rs.getString(7)), rs.getString(8), consent, rs.getString(12),
                        rs.getObject(13, LocalDate.class), rs.getString(14), instant(rs, 15), rs.getLong(16),
                        rs.getObject(17, LocalDate.class), rs.getObject(18, LocalDate.class), rs.getString(19)));
            }
            return out;
        }
    }
}
