package se.lefi.infrastructure.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.lefi.domain.subscription.NotificationFeed;
import se.lefi.domain.subscription.NotificationFeeds;

/** The feeds in table NOTIFICATION_FEED, one row per organisation from its first subscription. */
@ApplicationScoped
public class JdbcNotificationFeeds extends JdbcStore implements NotificationFeeds {
    static final String FEED_COLUMNS = "SELECT ORGANISATION_ID, LAST_SEQUENCE, ACKNOWLEDGED, PUSH_URL, PUSHED,"
            + " PUSH_FAILURES, PUSH_NEXT_ATTEMPT, PUSH_LAST_ERROR, PUSH_LAST_ERROR_AT FROM NOTIFICATION_FEED";

    @Override
    public NotificationFeed lock(long organisationId) {
        return on("locking the feed", c -> {
            Optional<NotificationFeed> feed = feed(c, organisationId, true);
            if (feed.isPresent()) {
                return feed.get();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO NOTIFICATION_FEED (ORGANISATION_ID, LAST_SEQUENCE,"
                    + " ACKNOWLEDGED, PUSHED, PUSH_FAILURES) VALUES (?, 0, 0, 0, 0)")) {
                s.setLong(1, organisationId);
                s.executeUpdate();
            }
            return feed(c, organisationId, true).orElseThrow();
        });
    }

    @Override
    public NotificationFeed feedOrEmpty(long organisationId) {
        return on("reading the feed", c -> feed(c, organisationId, false))
                .orElse(NotificationFeed.empty(organisationId));
    }

    @Override
    public void setLastSequence(long organisationId, long lastSequence) {
        update("recording the feed's last sequence number",
                "UPDATE NOTIFICATION_FEED SET LAST_SEQUENCE = ? WHERE ORGANISATION_ID = ?", lastSequence, organisationId);
    }

    @Override
    public void acknowledge(long organisationId, long upTo) {
        update("recording the acknowledgement",
                "UPDATE NOTIFICATION_FEED SET ACKNOWLEDGED = ? WHERE ORGANISATION_ID = ? AND ACKNOWLEDGED < ?", upTo, organisationId, upTo);
    }

    @Override
    public List<String> organisationsWithFeed() {
        return on("reading the feeds", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT O.ORGANISATION_NUMBER FROM NOTIFICATION_FEED F"
                    + " JOIN ORGANISATION O ON O.ID = F.ORGANISATION_ID ORDER BY O.ORGANISATION_NUMBER");
                 ResultSet rs = s.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    @Override
    public Optional<String> organisationNumber(long organisationId) {
        return on("reading the feed's organisation", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT ORGANISATION_NUMBER FROM ORGANISATION WHERE ID = ?")) {
                s.setLong(1, organisationId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private static Optional<NotificationFeed> feed(Connection c, long organisationId, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FEED_COLUMNS
                + " WHERE ORGANISATION_ID = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            s.setLong(1, organisationId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(feed(rs)) : Optional.empty();
            }
        }
    }

    /** One row of {@link #FEED_COLUMNS}. */
    static NotificationFeed feed(ResultSet rs) throws SQLException {
        return new NotificationFeed(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getInt(6),
                instant(rs, 7), rs.getString(8), instant(rs, 9));
    }
}
