package se.lefi.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness (MicroProfile Health, {@code /health/ready}): the database answers with the migrated
 * schema; with the register's last change and the last one notified, so the notification backlog
 * shows. Down says why, in words without data.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COALESCE(MAX(LAST_CHANGE), 0) FROM REGISTER_STATE),"
                     + " (SELECT LAST_CHANGE FROM DISPATCH_STATE WHERE ID = 1)")) {
            rs.next();
            long lastChange = rs.getLong(1);
            long notified = rs.getLong(2);
            return response.up().withData("product", c.getMetaData().getDatabaseProductName())
                    .withData("registerLastChange", lastChange).withData("notificationBacklog", lastChange - notified).build();
        } catch (SQLException e) {
            return response.down().withData("reason", "the database does not answer with the migrated schema").build();
        }
    }
}
