package se.lefi.interfaces.rest.v1;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.lefi.domain.access.Caller;
import se.lefi.application.access.CallerIdentification;
import se.lefi.application.access.LefiOnlineService;
import se.lefi.application.subscription.SubscriptionService;
import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.interfaces.rest.QuestionProblems;

/**
 * An organisation's notification feed over REST/JSON: the pull feed with its cursor and
 * acknowledgement, and the daily file. Only the certificate's own organisation reads it.
 */
@Path("v1/actors/{actor}/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {
    @EJB
    SubscriptionService subscriptions;

    @EJB
    LefiOnlineService service;

    @Inject
    CallerIdentification identification;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The pull feed: notifications after a sequence number (default: the acknowledged one)")
    public Response feed(@PathParam("actor") String actor, @QueryParam("after") Long after, @QueryParam("max") Integer max) {
        Caller caller = Actors.caller(request);
        Response notOwn = ownFeed(caller, actor, SubscriptionService.FEED);
        if (notOwn != null) {
            return notOwn;
        }
        return SubscriptionsResource.respond(subscriptions.feed(caller, after, max == null ? 100 : max), page -> Response.ok(SubscriptionJson.FeedOut.of(page)));
    }

    @POST
    @Path("acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge the feed up to a sequence number; repeating it changes nothing")
    public Response acknowledge(@PathParam("actor") String actor, String json) {
        Caller caller = Actors.caller(request);
        Response notOwn = ownFeed(caller, actor, SubscriptionService.ACKNOWLEDGE);
        if (notOwn != null) {
            return notOwn;
        }
        JsonObject body = SubscriptionsResource.object(json);
        if (body == null || !body.containsKey("upTo") || body.get("upTo").getValueType() != JsonValue.ValueType.NUMBER) {
            return SubscriptionsResource.unanswered(service, caller, SubscriptionService.ACKNOWLEDGE, RefusalCode.INVALID_REQUEST, "upTo must be a number");
        }
        return SubscriptionsResource.respond(subscriptions.acknowledge(caller, body.getJsonNumber("upTo").longValue()),
                page -> Response.ok(Map.of("lastSequence", page.lastSequence(), "acknowledged", page.acknowledged())));
    }

    @GET
    @Path("daily/{day}")
    @Produces("text/csv")
    @Operation(summary = "The daily file: the day's notifications, one per line, for systems built for the batch service")
    public Response dailyFile(@PathParam("actor") String actor, @PathParam("day") String day) {
        Caller caller = Actors.caller(request);
        Response notOwn = ownFeed(caller, actor, SubscriptionService.DAILY_FILE);
        if (notOwn != null) {
            return notOwn;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            return SubscriptionsResource.unanswered(service, caller, SubscriptionService.DAILY_FILE, RefusalCode.INVALID_REQUEST, "the day must be YYYY-MM-DD");
        }
        return SubscriptionsResource.respond(subscriptions.dailyFile(caller, date), list -> Response.ok(DailyFile.csv(list), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"lefi-notifications-" + date + ".csv\""));
    }

    /** The feed is the certificate's own organisation's; a principal's number gets 403. */
    private Response ownFeed(Caller caller, String actor, String operation) {
        if (!OrganisationNumber.isValid(actor)) {
            return SubscriptionsResource.unanswered(service, caller, operation, RefusalCode.INVALID_ORGANISATION_NUMBER, null);
        }
        String own = Actors.own(identification, caller);
        if (own != null && !OrganisationNumber.parse(actor).value().equals(own)) {
            String requestId = service.recordUnanswered(caller, operation, RefusalCode.PRINCIPAL_NOT_ALLOWED);
            return QuestionProblems.refused(new Refusal(RefusalCode.PRINCIPAL_NOT_ALLOWED,
                    "The feed is read by the organisation it belongs to."), requestId);
        }
        return null;
    }

}
