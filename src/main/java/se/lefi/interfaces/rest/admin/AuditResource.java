package se.lefi.interfaces.rest.admin;

import se.lefi.interfaces.http.RequestCaller;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.lefi.application.audit.AdminActions;
import se.lefi.application.audit.AuditLog;
import se.lefi.domain.access.Caller;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.interfaces.rest.Problem;
import se.lefi.interfaces.rest.ProblemException;

/** The audit log, for administrators: one record by request id, or a filtered search. */
@Path("admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    @EJB
    AuditLog auditLog;

    @EJB
    AdminActions actions;

    @Context
    HttpServletRequest request;

    /** One audit record as JSON. */
    public record Entry(String requestId, Instant recordedAt, String interfaceName, String operation,
                        String organisationNumber, String certificateFingerprint, String userPersonId,
                        String principalOrganisationNumber, String personId, String purpose, String legalBasis, String consentReference, String caseId,
                        String correlationId, String typesReturned, String typesWithheld, String outcome,
                        Instant registerTime, String recordHash, Long sealId, String actorId, String statedPurpose,
                        String statedLegalText, String caseHandler) {
        static Entry of(AuditRecord r) {
            return new Entry(r.requestId(), r.recordedAt(), r.interfaceName(), r.operation(), r.organisationNumber(),
                    r.certificateFingerprint(), r.userPersonId(), r.principalOrganisationNumber(), r.personId(), r.purpose(), r.legalBasis(),
                    r.consentReference(), r.caseId(), r.correlationId(), r.typesReturned(), r.typesWithheld(), r.outcome(),
                    r.registerTime(), r.recordHash(), r.sealId(), r.actorId(), r.statedPurpose(), r.statedLegalText(), r.caseHandler());
        }
    }

    /** Checks the whole chain: 200 when intact, 409 with what is wrong when not. */
    @GET
    @Path("verification")
    public Response verify() {
        AuditLog.Verification verification = auditLog.verify();
        return Response.status(verification.intact() ? 200 : 409).entity(verification).build();
    }

    /**
     * The signed archive of every seal of both chains sealed in [from, to), to be checked offline with
     * {@code bin/lefi audit verify}. Logged as the administrator's action AUDIT_EXPORT.
     */
    @GET
    @Path("archive")
    @Produces("application/zip")
    public Response archive(@QueryParam("from") String from, @QueryParam("to") String to) {
        Caller admin = RequestCaller.of(request);
        Instant start;
        Instant end;
        try {
            start = instant(from);
            end = instant(to);
        } catch (ProblemException e) {
            actions.recordRefusal(AdminActions.of(admin, "AUDIT_EXPORT", "audit", null, "INVALID_REQUEST"));
            throw e;
        }
        if (start == null || end == null || !start.isBefore(end)) {
            actions.recordRefusal(AdminActions.of(admin, "AUDIT_EXPORT", "audit", null, "INVALID_PERIOD"));
            return Problem.response(400, "INVALID_PERIOD", "from and to are ISO-8601 instants, from before to.", null);
        }
        actions.recordOutsideParties(AdminActions.of(admin, "AUDIT_EXPORT", "audit", start + ".." + end, "DONE"));
        StreamingOutput body = out -> auditLog.export(start, end, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"lefi-audit-" + start.toString().replace(':', '-') + ".zip\"")
                .build();
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.response(400, "INVALID_REQUEST", "from and to are ISO-8601 instants, e.g. 2026-11-23T00:00:00Z.", null));
        }
    }

    @GET
    @Path("{requestId}")
    public Response byRequestId(@PathParam("requestId") String requestId) {
        return auditLog.byRequestId(requestId)
                .map(record -> Response.ok(Entry.of(record)).build())
                .orElseGet(() -> Problem.response(404, "NOT_FOUND", "No audit record has that request id.", null));
    }

    /** The same search as CSV, for export. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public String csv(@QueryParam("organisation") String organisation, @QueryParam("person") String person,
                      @QueryParam("outcome") String outcome, @QueryParam("from") String from,
                      @QueryParam("to") String to, @QueryParam("max") Integer max) {
        String header = "requestId,recordedAt,interface,operation,organisationNumber,certificateFingerprint,user,principal,personId,"
                + "purpose,legalBasis,consentReference,caseId,correlationId,typesReturned,typesWithheld,outcome,registerTime,"
                + "actorId,statedPurpose,statedLegalText,caseHandler";
        return Stream.concat(Stream.of(header),
                search(organisation, person, outcome, from, to, max == null ? AuditLog.MAX_RESULTS : max).stream().map(e -> Csv.row(
                        e.requestId(), e.recordedAt(), e.interfaceName(), e.operation(), e.organisationNumber(),
                        e.certificateFingerprint(), e.userPersonId(), e.principalOrganisationNumber(), e.personId(), e.purpose(), e.legalBasis(),
                        e.consentReference(), e.caseId(), e.correlationId(), e.typesReturned(), e.typesWithheld(), e.outcome(),
                        e.registerTime(), e.actorId(), e.statedPurpose(), e.statedLegalText(), e.caseHandler())))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    @GET
    public List<Entry> search(@QueryParam("organisation") String organisation, @QueryParam("person") String person,
                              @QueryParam("outcome") String outcome, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("max") Integer max) {
        AuditLog.Filter filter = new AuditLog.Filter(organisation, person, outcome, instant(from), instant(to));
        return auditLog.search(filter, max == null ? 100 : max).stream().map(Entry::of).toList();
    }
}
