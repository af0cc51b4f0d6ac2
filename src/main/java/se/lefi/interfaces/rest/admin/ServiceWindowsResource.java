package se.lefi.interfaces.rest.admin;

import se.lefi.interfaces.http.RequestCaller;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.lefi.application.access.ServiceHours;
import se.lefi.domain.service.MaintenanceWindow;
import se.lefi.interfaces.rest.Problem;

/** The service windows: open or closed now and why, and maintenance windows planned while running. */
@Path("admin/service-windows")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceWindowsResource {
    @Inject
    ServiceHours serviceHours;

    @Context
    HttpServletRequest request;

    @GET
    public ServiceHours.Status status() {
        return serviceHours.status();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plan a maintenance window: {\"from\": ISO-8601 date-time with offset, \"to\": ..., \"reason\": short public text}")
    public Response plan(JsonObject body) {
        MaintenanceWindow window;
        try {
            Instant from = OffsetDateTime.parse(body.getString("from")).toInstant();
            Instant to = OffsetDateTime.parse(body.getString("to")).toInstant();
            // Checked here, before the transaction: only the request's own mistakes are answered 400.
            window = new MaintenanceWindow(null, from, to, body.getString("reason"));
        } catch (NullPointerException | ClassCastException | DateTimeParseException e) {
            return Problem.response(400, "INVALID_REQUEST",
                    "from and to are ISO-8601 date-times with an offset (2026-12-24T06:00+01:00), reason a short text.", null);
        } catch (IllegalArgumentException e) {
            return Problem.response(400, "INVALID_REQUEST", e.getMessage() + ".", null);
        }
        return Response.status(201).entity(serviceHours.plan(
                RequestCaller.of(request), window)).build();
    }

    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("id") long id) {
        return serviceHours.cancel(RequestCaller.of(request), id)
                ? Response.noContent().build()
                : Problem.response(404, "NOT_FOUND", "No maintenance window planned by an administrator has that id.", null);
    }
}
