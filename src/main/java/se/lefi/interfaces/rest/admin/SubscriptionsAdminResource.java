package se.lefi.interfaces.rest.admin;

import se.lefi.interfaces.http.RequestCaller;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.lefi.domain.access.Caller;
import se.lefi.application.subscription.SubscriptionAdministration;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.domain.subscription.Backlog;
import se.lefi.domain.subscription.RegisterChange;
import se.lefi.interfaces.rest.Problem;

/**
 * Administration of subscriptions: the register's change feed (a file of JSON lines), the dispatcher's backlog and stop sweep, and each organisation's feed with its push endpoint.
 */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionsAdminResource {
    @EJB
    SubscriptionAdministration administration;

    @Context
    HttpServletRequest request;

    @POST
    @Path("register/changes")
    @Consumes({"application/x-ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Operation(summary = "Apply a change file: one JSON object per line, {\"decision\"|\"payment\"|\"sgi\": {...}}")
    public Response apply(String body) {
        List<RegisterChange> changes = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String[] text = body == null ? new String[0] : body.split("\r?\n");
        for (int i = 0; i < text.length; i++) {
            String line = text[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Optional<RegisterChange> change = SubscriptionAdministration.changeOfLine(line);
            if (change.isEmpty()) {
                return Problem.response(400, "INVALID_CHANGE", "Line " + (i + 1) + " is not a change (one JSON object per line).", null);
            }
            changes.add(change.get());
            lines.add(i + 1);
        }
        return report(administration.apply(admin(), changes, lines));
    }

    @GET
    @Path("subscriptions/backlog")
    @Operation(summary = "The register's last change and the last one notified")
    public Backlog backlog() {
        return administration.backlog();
    }

    @GET
    @Path("subscriptions/delays")
    @Operation(summary = "Delay from change to notification (p50, p99, max) over the changes after a change number")
    public SubscriptionAdministration.Delays delays(@QueryParam("afterChange") @DefaultValue("0") long afterChange) {
        return administration.delays(afterChange);
    }

    @POST
    @Path("subscriptions/sweep")
    @Operation(summary = "End now the subscriptions whose decision no longer holds (runs daily by itself)")
    public Map<String, Integer> sweep() {
        return Map.of("ended", administration.sweep(admin()));
    }

    @GET
    @Path("feeds")
    @Operation(summary = "Every organisation's feed (those that have had a subscription)")
    public List<SubscriptionAdministration.FeedView> feeds() {
        return administration.feeds();
    }

    @GET
    @Path("feeds/{number}")
    @Operation(summary = "An organisation's feed: persons monitored, notifications this month, positions, push delivery")
    public Response feed(@PathParam("number") String number) {
        return found(valid(number).flatMap(administration::feed));
    }

    @PUT
    @Path("feeds/{number}/push-endpoint")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the HTTPS endpoint notifications are pushed to (mutual TLS); {\"url\": null} stops pushing")
    public Response pushEndpoint(@PathParam("number") String number, Map<String, String> body) {
        String text = body == null ? null : body.get("url");
        URI url = null;
        if (text != null) {
            try {
                url = new URI(text);
            } catch (URISyntaxException e) {
                url = null;
            }
            if (url == null || !"https".equals(url.getScheme()) || url.getHost() == null) {
                return Problem.response(400, "INVALID_REQUEST", "url must be an https URL.", null);
            }
        }
        URI endpoint = url;
        return found(valid(number).flatMap(n -> administration.setPushEndpoint(admin(), n, endpoint)));
    }

    private static Response report(SubscriptionAdministration.ApplyReport report) {
        return Response.status(report.refusedLine() == null ? 200 : 409).entity(report).build();
    }

    private static Optional<String> valid(String number) {
        return number != null && OrganisationNumber.isValid(number) ? Optional.of(OrganisationNumber.parse(number).value()) : Optional.empty();
    }

    private static Response found(Optional<SubscriptionAdministration.FeedView> view) {
        return view.map(v -> Response.ok(v).build())
                .orElseGet(() -> Problem.response(404, "NOT_REGISTERED", "No organisation has that number.", null));
    }

    private Caller admin() {
        return RequestCaller.of(request);
    }
}
