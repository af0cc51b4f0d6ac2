package se.lefi.infrastructure.subscription;

import static se.lefi.infrastructure.subscription.Jdbc.on;
import static se.lefi.infrastructure.subscription.Jdbc.utc;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import se.lefi.domain.subscription.NotificationFeed;
import se.lefi.domain.subscription.PushLeases;

/** Push delivery's columns of NOTIFICATION_FEED: the endpoint, the position pushed, the failures and the lease. */
@ApplicationScoped
public class JdbcPushLeases implements PushLeases {
    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Override
    public List<NotificationFeed> withUnpushed() {
        return on(dataSource, "reading the feeds to push", c -> {
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
        on(dataSource, "setting the push endpoint", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE NOTIFICATION_FEED SET PUSH_URL = ?, PUSH_FAILURES = 0,"
                    + " PUSH_NEXT_ATTEMPT = NULL WHERE ORGANISATION_ID = ?")) {
                s.setString(1, url);
                s.setLong(2, organisationId);
                return s.executeUpdate();
            }
        });
    }

    /** One statement, so two nodes cannot both win. */
    @Override
    public boolean claim(long organisationId, String node, Instant now, Instant until) {
        return on(dataSource, "taking the push lease", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE NOTIFICATION_FEED SET PUSH_LEASE_NODE = ?, PUSH_LEASE_UNTIL = ?"
                    + " WHERE ORGANISATION_ID = ? AND (PUSH_LEASE_UNTIL IS NULL OR PUSH_LEASE_UNTIL < ? OR PUSH_LEASE_NODE = ?)")) {
                s.setString(1, node);
                s.setObject(2, utc(until));
                s.setLong(3, organisationId);
                s.setObject(4, utc(now));
                s.setString(5, node);
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void pushed(long organisationId, long upTo) {
        on(dataSource, "recording the push", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE NOTIFICATION_FEED SET PUSHED = CASE WHEN PUSHED < ? THEN ? ELSE PUSHED END,"
                    + " PUSH_FAILURES = 0, PUSH_NEXT_ATTEMPT = NULL, PUSH_LEASE_NODE = NULL, PUSH_LEASE_UNTIL = NULL WHERE ORGANISATION_ID = ?")) {
                s.setLong(1, upTo);
                s.setLong(2, upTo);
                s.setLong(3, organisationId);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void failed(long organisationId, int failures, Instant nextAttempt, String error, Instant at) {
        on(dataSource, "recording the failed push", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE NOTIFICATION_FEED SET PUSH_FAILURES = ?, PUSH_NEXT_ATTEMPT = ?,"
                    + " PUSH_LAST_ERROR = ?, PUSH_LAST_ERROR_AT = ?, PUSH_LEASE_NODE = NULL, PUSH_LEASE_UNTIL = NULL WHERE ORGANISATION_ID = ?")) {
                s.setInt(1, failures);
                s.setObject(2, utc(nextAttempt));
                s.setString(3, error.length() > 400 ? error.substring(0, 400) : error);
                s.setObject(4, utc(at));
                s.setLong(5, organisationId);
                return s.executeUpdate();
            }
        });
    }
}
