package se.lefi.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.lefi.application.audit.RequestVolumes;
import se.lefi.interfaces.rest.Problem;

/** Questions per day, interface and outcome (GRANTED or the refusal code) from the audit log, for the console's chart. */
@Path("admin/request-volumes")
@Produces(MediaType.APPLICATION_JSON)
public class RequestVolumesResource {
    @EJB
    RequestVolumes volumes;

    @GET
    @Operation(summary = "Questions per Swedish day, interface and outcome, from and to (YYYY-MM-DD) inclusive")
    public Response perDay(@QueryParam("from") String from, @QueryParam("to") String to) {
        try {
            LocalDate first = LocalDate.parse(String.valueOf(from));
            LocalDate last = LocalDate.parse(String.valueOf(to));
            if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) >= RequestVolumes.MAX_DAYS) {
                return invalid();
            }
            return Response.ok(volumes.perDay(first, last)).build();
        } catch (DateTimeParseException e) {
            return invalid();
        }
    }

    private static Response invalid() {
        return Problem.response(400, "INVALID_REQUEST",
                "from and to are dates (YYYY-MM-DD), from not after to, at most " + RequestVolumes.MAX_DAYS + " days.", null);
    }
}
