package se.lefi.interfaces.rest.v1;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.lefi.domain.access.Caller;
import se.lefi.application.access.CallerIdentification;
import se.lefi.application.access.LefiOnlineService;
import se.lefi.application.access.Outcome;
import se.lefi.application.subscription.SubscriptionService;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.interfaces.rest.QuestionProblems;

/**
 * The subscription service's orders over REST/JSON (LEKA; LEFI Prenumeration's order types). The
 * {actor} rules are the question's; the feed is {@link NotificationsResource}.
 */
@Path("v1/actors/{actor}/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionsResource {
    @EJB
    SubscriptionService subscriptions;

    @EJB
    LefiOnlineService service;

    @Inject
    CallerIdentification identification;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "New order: monitor persons from a from-date; the initial data is the first notification of each")
    public Response order(@PathParam("actor") String actor, String json) {
        return withBody(actor, json, SubscriptionService.ORDER, (caller, principal, body) ->
                receipt(subscriptions.order(caller, principal, SubscriptionJson.newOrder(body))));
    }

    @POST
    @Path("cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel order: the persons' subscriptions end today")
    public Response cancel(@PathParam("actor") String actor, String json) {
        return withBody(actor, json, SubscriptionService.CANCEL, (caller, principal, body) ->
                receipt(subscriptions.cancel(caller, principal, SubscriptionJson.strings(body, "personIds"))));
    }

    @POST
    @Path("full-update")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Full update: everything from a date, sent again for each person")
    public Response fullUpdate(@PathParam("actor") String actor, String json) {
        return withBody(actor, json, SubscriptionService.FULL_UPDATE, (caller, principal, body) ->
                receipt(subscriptions.fullUpdate(caller, principal, SubscriptionJson.strings(body, "personIds"),
                        SubscriptionJson.date(body, "from", true))));
    }

    @POST
    @Path("consent-withdrawals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The individual withdrew a consent: its subscriptions stop from the date")
    public Response withdrawConsent(@PathParam("actor") String actor, String json) {
        return withBody(actor, json, SubscriptionService.WITHDRAW_CONSENT, (caller, principal, body) -> {
            Outcome<Integer> outcome = subscriptions.withdrawConsent(caller, principal, SubscriptionJson.string(body, "consentId", true),
                    SubscriptionJson.date(body, "from", true));
            return outcome.isGranted()
                    ? Response.ok(Map.of("requestId", outcome.requestId(), "subscriptions", outcome.value())).build()
                    : QuestionProblems.refused(outcome.refusal(), outcome.requestId());
        });
    }

    @FunctionalInterface
    private interface BodyCall {
        Response call(Caller caller, String principal, JsonObject body);
    }

    private Response withBody(String actor, String json, String operation, BodyCall call) {
        Caller caller = Actors.caller(request);
        if (!OrganisationNumber.isValid(actor)) {
            return unanswered(service, caller, operation, RefusalCode.INVALID_ORGANISATION_NUMBER, null);
        }
        JsonObject body = object(json);
        if (body == null) {
            return unanswered(service, caller, operation, RefusalCode.INVALID_REQUEST, "the body must be a JSON object");
        }
        try {
            return call.call(caller, Actors.principal(identification, caller, actor), body);
        } catch (SubscriptionJson.BadRequest e) {
            return unanswered(service, caller, operation, RefusalCode.INVALID_REQUEST, e.getMessage());
        }
    }

    static <T> Response respond(Outcome<T> outcome, Function<T, Response.ResponseBuilder> ok) {
        return outcome.isGranted() ? ok.apply(outcome.value()).build() : QuestionProblems.refused(outcome.refusal(), outcome.requestId());
    }

    private static Response receipt(Outcome<SubscriptionService.Receipt> outcome) {
        return respond(outcome, r -> Response.ok(SubscriptionJson.ReceiptOut.of(r)));
    }

    static JsonObject object(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.read() instanceof JsonObject o ? o : null;
        } catch (JsonException e) {
            return null;
        }
    }

    static Response unanswered(LefiOnlineService service, Caller caller, String operation, RefusalCode code, String detail) {
        return QuestionProblems.unanswered(service, caller, operation, 400, code, detail);
    }

}
