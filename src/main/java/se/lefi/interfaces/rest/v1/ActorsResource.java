package se.lefi.interfaces.rest.v1;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.lefi.application.access.AvailablePurpose;
import se.lefi.application.access.BenefitAnswer;
import se.lefi.domain.access.Caller;
import se.lefi.application.access.CallerIdentification;
import se.lefi.application.access.DisclosureService;
import se.lefi.application.access.LefiOnlineService;
import se.lefi.application.access.Outcome;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.interfaces.rest.QuestionProblems;

/**
 * The REST/JSON twin of LEFI Online for systems, modelled on the agency's newer JSON interface. The
 * actor in the path is the certificate's own organisation, or a principal its agent (ombud) acts
 * for. Every question runs through the same decision and audit as the SOAP operation; requests that
 * never reach it (unreadable JSON, invalid fields, a bad actor number) are audited too.
 */
@Path("v1/actors/{actor}")
@Produces(MediaType.APPLICATION_JSON)
public class ActorsResource {
    @EJB
    DisclosureService disclosure;

    @EJB
    LefiOnlineService service;

    @Inject
    CallerIdentification identification;

    @Inject
    Validator validator;

    @Context
    HttpServletRequest request;

    @POST
    @Path("benefit-information/query")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response query(@PathParam("actor") String actor,
                          @RequestBody(content = @Content(schema = @Schema(implementation = BenefitInformationJson.Query.class)))
                          String json) {
        Caller caller = caller();
        String operation = "GetBenefitInformation";
        if (!OrganisationNumber.isValid(actor)) {
            return unanswered(caller, operation, RefusalCode.INVALID_ORGANISATION_NUMBER, null);
        }
        QueryBody body = QueryBody.read(json, validator);
        if (body.invalid() != null) {
            return unanswered(caller, operation, RefusalCode.INVALID_REQUEST, body.invalid());
        }
        BenefitInformationJson.Query query = body.query();
        Outcome<BenefitAnswer> outcome = disclosure.disclose(caller, ServiceInterface.SYSTEM_TO_SYSTEM,
                query.question(principal(caller, actor)));
        return outcome.isGranted()
                ? Response.ok(BenefitInformationJson.Answer.of(outcome.requestId(), outcome.value())).build()
                : QuestionProblems.refused(outcome.refusal(), outcome.requestId());
    }

    @GET
    @Path("available-information-types")
    public Response availableInformationTypes(@PathParam("actor") String actor) {
        Caller caller = caller();
        if (!OrganisationNumber.isValid(actor)) {
            return unanswered(caller, "GetAvailableInformationTypes", RefusalCode.INVALID_ORGANISATION_NUMBER, null);
        }
        Outcome<List<AvailablePurpose>> outcome = service.availableInformationTypes(caller, ServiceInterface.SYSTEM_TO_SYSTEM, principal(caller, actor));
        return outcome.isGranted()
                ? Response.ok(new BenefitInformationJson.AvailableInformationTypes(
                        outcome.value().stream().map(BenefitInformationJson.AvailablePurposeOut::of).toList())).build()
                : QuestionProblems.refused(outcome.refusal(), outcome.requestId());
    }

    private String principal(Caller caller, String actor) {
        return Actors.principal(identification, caller, actor);
    }

    private Response unanswered(Caller caller, String operation, RefusalCode code, String detail) {
        return QuestionProblems.unanswered(service, caller, operation, 400, code, detail);
    }

    private Caller caller() {
        return Actors.caller(request);
    }
}
