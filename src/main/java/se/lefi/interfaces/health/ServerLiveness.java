package se.lefi.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness (MicroProfile Health, {@code /health/live}): the application is deployed and answering. */
@Liveness
@ApplicationScoped
public class ServerLiveness implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("lefi");
    }
}
