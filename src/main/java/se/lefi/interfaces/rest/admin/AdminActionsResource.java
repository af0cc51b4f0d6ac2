package se.lefi.interfaces.rest.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.lefi.application.audit.AdminActions;
import se.lefi.domain.audit.AdminAction;

/** The log of administrators' actions, newest first, as JSON or CSV. */
@Path("admin/actions")
public class AdminActionsResource {
    @EJB
    AdminActions actions;

    /** One action; {@code id} and {@code sealId} place it in the administrators' chain. */
    public record Entry(Long id, Instant recordedAt, String adminOrganisation, String certificateFingerprint, String action, String target,
                        String beforeState, String afterState, String details, String outcome, Long sealId) {
        static Entry of(AdminAction a) {
            return new Entry(a.id(), a.recordedAt(), a.adminOrganisation(), a.certificateFingerprint(), a.action(), a.target(),
                    a.beforeState(), a.afterState(), a.details(), a.outcome(), a.sealId());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Entry> recent(@QueryParam("max") @DefaultValue("100") int max) {
        return actions.recent(max).stream().map(Entry::of).toList();
    }

    @GET
    @Produces("text/csv")
    @Path("export.csv")
    public String csv(@QueryParam("max") @DefaultValue("1000") int max) {
        String header = "recordedAt,adminOrganisation,certificateFingerprint,action,target,beforeState,afterState,details,outcome";
        return Stream.concat(Stream.of(header), actions.recent(max).stream().map(Entry::of).map(e -> Csv.row(
                e.recordedAt(), e.adminOrganisation(), e.certificateFingerprint(), e.action(), e.target(), e.beforeState(),
                e.afterState(), e.details(), e.outcome()))).collect(Collectors.joining("\r\n", "", "\r\n"));
    }
}
