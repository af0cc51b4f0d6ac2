package se.lefi.infrastructure.subscription;

import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * What the subscription stores share: each call on the caller's (JTA) connection, which the container
 * shares within a transaction, so a store's statements see and lock what the rest of the transaction
 * does. Standard SQL for H2 and PostgreSQL.
 */
abstract class JdbcStore {
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** Runs {@code work} on a connection; a database failure fails the caller, saying {@code what} failed. */
    <T> T on(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed", e);
        }
    }

    /** Runs one statement with {@code values} for its parameters, in order; returns how many rows it changed. */
    int update(String what, String sql, Object... values) {
        return on(what, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    s.setObject(i + 1, values[i]);
                }
                return s.executeUpdate();
            }
        });
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
