package se.lefi.interfaces.rest.admin;

import se.lefi.interfaces.http.RequestCaller;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import se.lefi.application.administration.ActorAdministration;
import se.lefi.application.administration.ActorView;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.domain.party.ActorRegistration;
import se.lefi.interfaces.rest.Problem;
import se.lefi.interfaces.rest.ProblemException;

/**
 * Actor registrations (aktörer) of LEFI Förmånsinformation v9 and SSBTEK: registered, listed and ended
 * by administrators. A step out of order answers 409 with the refusal code and changes nothing.
 */
@Path("admin/actors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActorsAdminResource {
    @EJB
    ActorAdministration administration;

    @Context
    HttpServletRequest request;

    /** The actor id the agency issued, the organisation it belongs to, for an agent its principal, and the purpose. */
    public static class RegistrationRequest {
        @NotBlank @Size(max = ActorRegistration.MAX_ID_LENGTH) public String actorId;
        @NotBlank @Size(max = 12) public String organisationNumber;
        @Size(max = 12) public String principal;
        @NotNull public Purpose purpose;
    }

    public static class EndRequest {
        @NotNull public LocalDate from;
    }

    @GET
    public List<ActorView> list() {
        return administration.actors();
    }

    @GET
    @Path("{actorId}")
    public Response get(@PathParam("actorId") String actorId) {
        return administration.actor(actorId)
                .map(view -> Response.ok(view).build())
                .orElseGet(() -> Problem.response(404, "ACTOR_NOT_REGISTERED", "No actor is registered under that id.", null));
    }

    @POST
    public Response register(@Valid @NotNull RegistrationRequest body) {
        return answer(administration.register(admin(), new ActorAdministration.Registration(body.actorId,
                normalised(body.organisationNumber), body.principal == null || body.principal.isBlank() ? null : normalised(body.principal),
                body.purpose)), 201);
    }

    @POST
    @Path("{actorId}/ending")
    public Response end(@PathParam("actorId") String actorId, @Valid @NotNull EndRequest body) {
        return answer(administration.end(admin(), actorId, body.from), 200);
    }

    private se.lefi.domain.access.Caller admin() {
        return RequestCaller.of(request);
    }

    private static Response answer(ActorAdministration.Result result, int status) {
        return result.isDone()
                ? Response.status(status).entity(result.actor()).build()
                : Problem.response(409, result.refusal().name(), result.message(), null);
    }

    private static String normalised(String number) {
        if (!OrganisationNumber.isValid(number)) {
            throw new ProblemException(Problem.response(400, RefusalCode.INVALID_ORGANISATION_NUMBER.name(),
                    RefusalCode.INVALID_ORGANISATION_NUMBER.defaultMessage(), null));
        }
        return OrganisationNumber.parse(number).value();
    }
}
