package se.lefi.interfaces.rest.admin;

import se.lefi.domain.time.SwedishTime;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.lefi.application.service.ServiceLevelReport;
import se.lefi.interfaces.rest.Problem;

/** The monthly SLA report (availability and response times per interface), as JSON and CSV. */
@Path("admin/sla")
public class ServiceLevelResource {
    @EJB
    ServiceLevelReport report;

    @GET
    @Path("{month}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@PathParam("month") String month) {
        YearMonth parsed = month(month);
        return parsed == null ? invalid() : Response.ok(report.report(parsed)).build();
    }

    @GET
    @Path("{month}/report.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("month") String month) {
        YearMonth parsed = month(month);
        if (parsed == null) {
            return invalid();
        }
        ServiceLevelReport.Report r = report.report(parsed);
        String csv = Stream.concat(
                Stream.of("month,interface,requests,failures,availabilityPercent,p50Millis,p95Millis,p99Millis",
                        Csv.row(r.month(), "ALL", null, null, r.availabilityPercent(), null, null, null)),
                r.interfaces().stream().map(i -> Csv.row(r.month(), i.interfaceName(), i.requests(), i.failures(),
                        i.availabilityPercent(), i.p50Millis(), i.p95Millis(), i.p99Millis())))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
        return Response.ok(csv).header("Content-Disposition", "attachment; filename=\"sla-" + parsed + ".csv\"").build();
    }

    private static YearMonth month(String text) {
        try {
            YearMonth month = YearMonth.parse(text);
            return month.isAfter(YearMonth.now(SwedishTime.ZONE)) ? null : month;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Response invalid() {
        return Problem.response(400, "INVALID_REQUEST", "The month is YYYY-MM, this month or earlier.", null);
    }
}
