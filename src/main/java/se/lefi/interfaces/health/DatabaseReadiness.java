package se.lefi.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import se.lefi.application.subscription.SubscriptionAdministration;
import se.lefi.domain.subscription.Backlog;

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

    @EJB
    SubscriptionAdministration subscriptions;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        try {
            String product;
            try (Connection c = dataSource.getConnection()) {
                product = c.getMetaData().getDatabaseProductName();
            }
            Backlog backlog = subscriptions.backlog();
            return response.up().withData("product", product)
                    .withData("registerLastChange", backlog.lastChange())
                    .withData("notificationBacklog", backlog.pending()).build();
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("reason", "the database does not answer with the migrated schema").build();
        }
    }
}
