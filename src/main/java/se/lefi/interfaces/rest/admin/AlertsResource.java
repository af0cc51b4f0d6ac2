package se.lefi.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.lefi.application.audit.AnomalyDetection;
import se.lefi.domain.alert.Alert;

/** The anomaly alerts, newest first: which rule, which caller, which window, what was observed against which threshold. */
@Path("admin/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {
    @EJB
    AnomalyDetection detection;

    @GET
    @Operation(summary = "Anomaly alerts, newest first")
    public List<Alert> recent(@QueryParam("max") @DefaultValue("100") int max) {
        return detection.recent(Math.max(1, max));
    }
}
