package se.lefi.interfaces.health;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import se.lefi.application.access.ServiceHours;

/**
 * Readiness for questions: down outside the opening hours and in planned maintenance, saying why and
 * when the service opens again, so that a load balancer and an operator see the same reason a caller's
 * OUTSIDE_SERVICE_HOURS refusal gives.
 */
@Readiness
@ApplicationScoped
public class ServiceHoursReadiness implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(ServiceHoursReadiness.class.getName());

    @Inject
    ServiceHours serviceHours;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("service-hours");
        try {
            ServiceHours.Status status = serviceHours.status();
            response.withData("openingHours", status.openingHours());
            if (status.open()) {
                return response.up().build();
            }
            response.down().withData("reason", status.reason());
            if (status.reopens() != null) {
                response.withData("reopens", status.reopens().toString());
            }
            return response.build();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "readiness: the service windows could not be read", e);
            return response.down().withData("reason", "the service windows could not be read").build();
        }
    }
}
