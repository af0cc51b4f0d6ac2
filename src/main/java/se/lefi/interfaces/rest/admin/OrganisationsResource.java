package se.lefi.interfaces.rest.admin;

import se.lefi.interfaces.http.RequestCaller;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Locale;
import java.util.Set;
import se.lefi.application.administration.AdminResult;
import se.lefi.domain.access.Caller;
import se.lefi.application.administration.ConnectionAdministration;
import se.lefi.application.administration.OrganisationView;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.domain.identity.PersonId;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.PartyKind;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.register.InformationType;
import se.lefi.interfaces.rest.Problem;
import se.lefi.interfaces.rest.ProblemException;

/**
 * The connection lifecycle for administrators: a request (anmälan), the agreement, each party's
 * signature, client certificates, web users' access-rights decisions and deregistration, agent
 * assignments and their cessation, termination. A step out of order answers 409
 * with the refusal code and changes nothing.
 */
@Path("admin/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationsResource {
    @EJB
    ConnectionAdministration administration;

    @Context
    HttpServletRequest request;

    // Request bodies are classes with public fields, not records: Payara's OpenAPI generator cannot
    // read Bean Validation annotations on record components.

    /** A connection request (anmälan). */
    public static class RegistrationRequest {
        @NotBlank @Size(max = 12) public String organisationNumber;
        @NotBlank @Size(max = 200) public String name;
        @NotNull public PartyKind kind;
        @NotEmpty public Set<ServiceInterface> interfaces;
        @NotNull public Set<Purpose> purposes;
        @NotBlank @Size(max = 200) public String contact;
    }

    /** The agreement's terms; interfaces and purposes default to what the request asked for. */
    public static class AgreementRequest {
        public Set<ServiceInterface> interfaces;
        public Set<Purpose> purposes;
        @NotEmpty public Set<InformationType> informationTypes;
        public boolean longPeriodsAllowed;
    }

    public static class SignatureRequest {
        @NotNull public Agreement.Party party;
        @NotNull public LocalDate signedOn;
    }

    /** Termination is asked for with the organisation's name and the date it takes effect. */
    public static class TerminationRequest {
        @NotBlank public String name;
        @NotNull public LocalDate from;
    }

    public static class AssignmentRequest {
        @NotBlank @Size(max = 12) public String principal;
        @NotNull public LocalDate from;
    }

    public static class CessationRequest {
        @NotNull public LocalDate from;
    }

    /** A client certificate, PEM-encoded. */
    public static class CertificateRequest {
        @NotBlank @Size(max = 20000) public String certificate;
    }

    /** An access-rights decision (behörighetsbeslut), signed by the manager responsible for the user. */
    public static class WebUserRequest {
        @NotBlank @Size(max = 13) public String personId;
        @NotBlank @Size(max = 200) public String name;
        @NotBlank @Size(max = 200) public String decidedBy;
        @NotNull public LocalDate decidedOn;
    }

    public static class DeregistrationRequest {
        @NotNull public LocalDate from;
    }

    @GET
    public List<OrganisationView> list() {
        return administration.organisations();
    }

    @GET
    @Path("{number}")
    public Response get(@PathParam("number") String number) {
        return administration.organisation(normalised(number))
                .map(view -> Response.ok(view).build())
                .orElseGet(() -> Problem.response(404, "NOT_REGISTERED", "No organisation has that number.", null));
    }

    @POST
    public Response register(@Valid @NotNull RegistrationRequest body) {
        return answer(administration.register(admin(), new ConnectionAdministration.Registration(normalised(body.organisationNumber),
                body.name, body.kind, body.interfaces, body.purposes, body.contact)), 201);
    }

    @POST
    @Path("{number}/agreement")
    public Response sendAgreement(@PathParam("number") String number, @Valid @NotNull AgreementRequest body) {
        return answer(administration.sendAgreement(admin(), normalised(number), new ConnectionAdministration.Terms(
                body.interfaces, body.purposes, body.informationTypes, body.longPeriodsAllowed)), 200);
    }

    @POST
    @Path("{number}/agreement/signatures")
    public Response sign(@PathParam("number") String number, @Valid @NotNull SignatureRequest body) {
        return answer(administration.sign(admin(), normalised(number), body.party, body.signedOn), 200);
    }

    @POST
    @Path("{number}/termination")
    public Response terminate(@PathParam("number") String number, @Valid @NotNull TerminationRequest body) {
        return answer(administration.terminate(admin(), normalised(number), body.name, body.from), 200);
    }

    @POST
    @Path("{number}/assignments")
    public Response startAssignment(@PathParam("number") String number, @Valid @NotNull AssignmentRequest body) {
        return answer(administration.startAssignment(admin(), normalised(number), normalised(body.principal), body.from), 200);
    }

    @POST
    @Path("{number}/assignments/{principal}/cessation")
    public Response ceaseAssignment(@PathParam("number") String number, @PathParam("principal") String principal,
                                    @Valid @NotNull CessationRequest body) {
        return answer(administration.ceaseAssignment(admin(), normalised(number), normalised(principal), body.from), 200);
    }

    @POST
    @Path("{number}/certificates")
    public Response bindCertificate(@PathParam("number") String number, @Valid @NotNull CertificateRequest body) {
        return answer(administration.bindCertificate(admin(), normalised(number), body.certificate), 200);
    }

    @DELETE
    @Path("{number}/certificates/{fingerprint}")
    public Response unbindCertificate(@PathParam("number") String number,
                                      @PathParam("fingerprint") @Pattern(regexp = "[0-9a-fA-F]{64}") String fingerprint) {
        return answer(administration.unbindCertificate(admin(), normalised(number), fingerprint.toLowerCase(Locale.ROOT)), 200);
    }

    @POST
    @Path("{number}/web-users")
    public Response registerWebUser(@PathParam("number") String number, @Valid @NotNull WebUserRequest body) {
        if (!PersonId.isValid(body.personId)) {
            throw new ProblemException(Problem.response(400, RefusalCode.INVALID_PERSON_ID.name(),
                    RefusalCode.INVALID_PERSON_ID.defaultMessage(), null));
        }
        return answer(administration.registerWebUser(admin(), normalised(number), new ConnectionAdministration.WebUserDecision(
                PersonId.parse(body.personId).canonical(), body.name, body.decidedBy, body.decidedOn)), 200);
    }

    @POST
    @Path("{number}/web-users/{id}/deregistration")
    public Response deregisterWebUser(@PathParam("number") String number, @PathParam("id") long id,
                                      @Valid @NotNull DeregistrationRequest body) {
        return answer(administration.deregisterWebUser(admin(), normalised(number), id, body.from), 200);
    }

    private Caller admin() {
        return RequestCaller.of(request);
    }

    private static Response answer(AdminResult result, int status) {
        return result.isDone()
                ? Response.status(status).entity(result.organisation()).build()
                : Problem.response(409, result.refusal().name(), result.message(), null);
    }

    /** The 10-digit form; an invalid number is a 400 with a stable code that does not echo it. */
    private static String normalised(String number) {
        if (number == null || !OrganisationNumber.isValid(number)) {
            throw new ProblemException(Problem.response(400, RefusalCode.INVALID_ORGANISATION_NUMBER.name(),
                    RefusalCode.INVALID_ORGANISATION_NUMBER.defaultMessage(), null));
        }
        return OrganisationNumber.parse(number).value();
    }
}
