package se.lefi.infrastructure.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.lefi.domain.subscription.Notification;
import se.lefi.domain.subscription.Notifications;
import se.lefi.infrastructure.register.RegisterJson;

/** The notifications in table NOTIFICATION, their content stored as JSON (read back here, never by an adapter). */
@ApplicationScoped
public class JdbcNotifications extends JdbcStore implements Notifications {
    private static final String NOTIFICATION_COLUMNS = "SELECT SEQUENCE_NUMBER, SUBSCRIPTION_ID, PERSON_ID, CHANGE_NUMBER,"
            + " REGISTER_TIME, CREATED_AT, REQUEST_ID, CONTENT FROM NOTIFICATION";

    @Override
    public void append(long organisationId, Notification n) {
        update("storing the notification", "INSERT INTO NOTIFICATION (ORGANISATION_ID, SEQUENCE_NUMBER, SUBSCRIPTION_ID,"
                + " PERSON_ID, KIND, CHANGE_NUMBER, REGISTER_TIME, CREATED_AT, REQUEST_ID, CONTENT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                organisationId, n.sequence(), n.subscriptionId(), n.personId(), n.content().kind().name(), n.changeNumber(),
                utc(n.registerTime()), utc(n.createdAt()), n.requestId(), RegisterJson.write(n.content()));
    }

    @Override
    public List<Notification> after(long organisationId, long after, int max) {
        return on("reading the feed's notifications", c -> {
            try (PreparedStatement s = c.prepareStatement(NOTIFICATION_COLUMNS
                    + " WHERE ORGANISATION_ID = ? AND SEQUENCE_NUMBER > ? ORDER BY SEQUENCE_NUMBER FETCH FIRST " + max + " ROWS ONLY")) {
                s.setLong(1, organisationId);
                s.setLong(2, after);
                return read(s);
            }
        });
    }

    @Override
    public List<Notification> createdBetween(long organisationId, Instant from, Instant to) {
        return on("reading the day's notifications", c -> {
            try (PreparedStatement s = c.prepareStatement(NOTIFICATION_COLUMNS
                    + " WHERE ORGANISATION_ID = ? AND CREATED_AT >= ? AND CREATED_AT < ? ORDER BY SEQUENCE_NUMBER")) {
                s.setLong(1, organisationId);
                s.setObject(2, utc(from));
                s.setObject(3, utc(to));
                return read(s);
            }
        });
    }

    private static List<Notification> read(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            List<Notification> out = new ArrayList<>();
            while (rs.next()) {
                long change = rs.getLong(4);
                Long changeNumber = rs.wasNull() ? null : change;
                out.add(new Notification(rs.getLong(1), rs.getLong(2), rs.getString(3), changeNumber, instant(rs, 5),
                        instant(rs, 6), rs.getString(7), RegisterJson.content(rs.getString(8))));
            }
            return out;
        }
    }
}
