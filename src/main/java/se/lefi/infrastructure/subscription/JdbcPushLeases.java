package se.lefi.infrastructure.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.lefi.domain.subscription.NotificationFeed;
import se.lefi.domain.subscription.PushLeases;

/** Push delivery's columns of NOTIFICATION_FEED: the endpoint, the position pushed, the failures and the lease. */
@ApplicationScoped
public class JdbcPushLeases extends JdbcStore implements PushLeases {
    /** Gives the lease back, after an attempt whatever its outcome. */
    private static final String RELEASE = "PUSH_LEASE_NODE = NULL, PUSH_LEASE_UNTIL = NULL";

    @Override
    public List<NotificationFeed> withUnpushed() {
        return on("reading the feeds to push", c -> {
            try (PreparedStatement s = c.prepareStatement(JdbcNotificationFeeds.FEED_COLUMNS
                    + " WHERE PUSH_URL IS NOT NULL AND PUSHED < LAST_SEQUENCE");
                 ResultSet rs = s.executeQuery()) {
                List<NotificationFeed> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(JdbcNotificationFeeds.feed(rs));
                }
                return out;
            }
        });
    }

    @Override
    public void setEndpoint(long organisationId, String url) {
        update("setting the push endpoint",
                "UPDATE NOTIFICATION_FEED SET PUSH_URL = ?, PUSH_FAILURES = 0, PUSH_NEXT_ATTEMPT = NULL WHERE ORGANISATION_ID = ?",
                url, organisationId);
    }

    /** One statement, so two nodes cannot both win. */
    @Override
    public boolean claim(long organisationId, String node, Instant now, Instant until) {
        return update("taking the push lease", "UPDATE NOTIFICATION_FEED SET PUSH_LEASE_NODE = ?, PUSH_LEASE_UNTIL = ?"
                + " WHERE ORGANISATION_ID = ? AND (PUSH_LEASE_UNTIL IS NULL OR PUSH_LEASE_UNTIL < ? OR PUSH_LEASE_NODE = ?)",
                node, utc(until), organisationId, utc(now), node) == 1;
    }

    @Override
    public void pushed(long organisationId, long upTo) {
        update("recording the push", "UPDATE NOTIFICATION_FEED SET PUSHED = CASE WHEN PUSHED < ? THEN ? ELSE PUSHED END,"
                + " PUSH_FAILURES = 0, PUSH_NEXT_ATTEMPT = NULL, " + RELEASE + " WHERE ORGANISATION_ID = ?", upTo, upTo, organisationId);
    }

    @Override
    public void failed(long organisationId, int failures, Instant nextAttempt, String error, Instant at) {
        update("recording the failed push", "UPDATE NOTIFICATION_FEED SET PUSH_FAILURES = ?, PUSH_NEXT_ATTEMPT = ?,"
                + " PUSH_LAST_ERROR = ?, PUSH_LAST_ERROR_AT = ?, " + RELEASE + " WHERE ORGANISATION_ID = ?",
                failures, utc(nextAttempt), error.length() > 400 ? error.substring(0, 400) : error, utc(at), organisationId);
    }
}
