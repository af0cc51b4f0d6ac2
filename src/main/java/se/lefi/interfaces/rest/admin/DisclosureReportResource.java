package se.lefi.interfaces.rest.admin;

import se.lefi.interfaces.http.RequestCaller;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.lefi.application.audit.DisclosureReports;
import se.lefi.interfaces.letter.DisclosureLetter;
import se.lefi.interfaces.rest.Problem;

/**
 * The individual's disclosure report (registerutdrag över utlämnanden), as JSON or as the PDF letter to
 * send to the person. The person is named in the body, not the address, so that no personnummer ends up in
 * an access log or a proxy's.
 */
@Path("admin/disclosure-reports")
@Consumes(MediaType.APPLICATION_JSON)
public class DisclosureReportResource {
    static final String PDF = "application/pdf";

    @EJB
    DisclosureReports reports;

    @Context
    HttpServletRequest request;

    /** Whose report, for which days (inclusive, Swedish time). */
    public static class ReportRequest {
        @NotNull @Size(max = 13) public String personId;
        @NotNull public LocalDate from;
        @NotNull public LocalDate to;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every disclosure of one person's data in a period, the subscriptions on the person, and the refused attempts")
    public Response report(@Valid @NotNull ReportRequest body) {
        DisclosureReports.Result result = reports.report(admin(), body.personId, body.from, body.to, "json");
        return result.isDone() ? Response.ok(result.report()).build() : refused(result);
    }

    @POST
    @Path("letter")
    @Produces({PDF, MediaType.APPLICATION_JSON})
    @Operation(summary = "The same report as a letter in Swedish (PDF) to send to the person")
    public Response letter(@Valid @NotNull ReportRequest body) {
        DisclosureReports.Result result = reports.report(admin(), body.personId, body.from, body.to, "pdf");
        if (!result.isDone()) {
            return refused(result);
        }
        return Response.ok(DisclosureLetter.pdf(result.report()), PDF)
                .header("Content-Disposition", "attachment; filename=\"registerutdrag-" + body.from + "-" + body.to + ".pdf\"")
                .build();
    }

    private se.lefi.domain.access.Caller admin() {
        return RequestCaller.of(request);
    }

    private static Response refused(DisclosureReports.Result result) {
        return Problem.response(400, result.refusal(), result.message(), null);
    }
}
