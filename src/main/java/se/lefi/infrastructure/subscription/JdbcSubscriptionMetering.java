package se.lefi.infrastructure.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;
import se.lefi.domain.subscription.SubscriptionMetering;

/** Counts over SUBSCRIPTION and NOTIFICATION for the fee model, and the delays for the SLA. */
@ApplicationScoped
public class JdbcSubscriptionMetering extends JdbcStore implements SubscriptionMetering {
    @Override
    public long personsMonitored(long organisationId) {
        return count("SELECT COUNT(DISTINCT PERSON_ID) FROM SUBSCRIPTION WHERE ORGANISATION_ID = ? AND ENDED_ON IS NULL",
                organisationId, null, null);
    }

    @Override
    public long notificationsBetween(long organisationId, Instant from, Instant to) {
        return count("SELECT COUNT(*) FROM NOTIFICATION WHERE ORGANISATION_ID = ? AND CREATED_AT >= ? AND CREATED_AT < ?",
                organisationId, from, to);
    }

    @Override
    public long[] changeDelaysMicros(long afterChange) {
        return on("reading the notification delays", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT REGISTER_TIME, CREATED_AT FROM NOTIFICATION WHERE CHANGE_NUMBER > ?")) {
                s.setLong(1, afterChange);
                try (ResultSet rs = s.executeQuery()) {
                    LongStream.Builder out = LongStream.builder();
                    while (rs.next()) {
                        out.add(Duration.between(instant(rs, 1), instant(rs, 2)).toNanos() / 1000);
                    }
                    return out.build().toArray();
                }
            }
        });
    }

    private long count(String sql, long organisationId, Instant from, Instant to) {
        return on("counting for the fee model", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, organisationId);
                if (from != null) {
                    s.setObject(2, utc(from));
                    s.setObject(3, utc(to));
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
