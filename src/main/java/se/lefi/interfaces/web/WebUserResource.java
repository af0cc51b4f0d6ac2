package se.lefi.interfaces.web;

import se.lefi.application.access.TlsCallers;
import se.lefi.interfaces.http.RequestCaller;
import se.lefi.domain.time.SwedishTime;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import se.lefi.application.access.AvailablePurpose;
import se.lefi.application.access.BenefitAnswer;
import se.lefi.domain.access.Caller;
import se.lefi.application.access.CallerIdentification;
import se.lefi.application.access.DisclosureService;
import se.lefi.application.access.LefiOnlineService;
import se.lefi.application.access.Outcome;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.identity.PersonId;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.register.InformationType;
import se.lefi.interfaces.rest.QuestionProblems;
import se.lefi.interfaces.rest.v1.BenefitInformationJson;
import se.lefi.interfaces.rest.v1.QueryBody;

/**
 * What the LEFI Online web page (/lefi/web/) asks of the server, for a named user who presents a
 * personal e-identification certificate. Each call establishes the user again — a deregistration or
 * termination takes effect at once — and runs through the same decision and audit as the system
 * interfaces, with the user recorded beside the organisation.
 */
@Path("web")
@Produces(MediaType.APPLICATION_JSON)
public class WebUserResource {
    @Inject
    CallerIdentification identification;

    @EJB
    LefiOnlineService service;

    @EJB
    DisclosureService disclosure;

    @Inject
    Validator validator;

    @Context
    HttpServletRequest request;

    /**
     * The user, the organisation, and the purposes and types the organisation may use on the web; with
     * the Swedish names of every purpose and information type, so that the page shows names, not codes.
     */
    public record Session(String userName, String organisationNumber, String organisationName,
                          List<BenefitInformationJson.AvailablePurposeOut> purpose,
                          Map<Purpose, String> purposeName, Map<InformationType, String> informationTypeName) {
    }

    private static final Map<Purpose, String> PURPOSE_NAMES = names(Purpose.class, Purpose::swedishName);
    private static final Map<InformationType, String> INFORMATION_TYPE_NAMES = names(InformationType.class, InformationType::swedishName);

    private static <E extends Enum<E>> Map<E, String> names(Class<E> type, Function<E, String> name) {
        Map<E, String> names = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            names.put(value, name.apply(value));
        }
        return Map.copyOf(names);
    }

    @GET
    @Path("session")
    public Response session() {
        Caller caller = webCaller();
        if (caller == null) {
            return notAPersonalCertificate("WebLogin");
        }
        Outcome<List<AvailablePurpose>> outcome = service.availableInformationTypes(caller, ServiceInterface.WEB, null);
        if (!outcome.isGranted()) {
            return QuestionProblems.refused(outcome.refusal(), outcome.requestId());
        }
        var organisation = identification.organisationByNumber(caller.organisationNumber()).orElseThrow();
        var user = identification.webUser(caller.userPersonId(), organisation).orElseThrow();
        return Response.ok(new Session(user.name(), organisation.organisationNumber(), organisation.name(),
                outcome.value().stream().map(BenefitInformationJson.AvailablePurposeOut::of).toList(),
                PURPOSE_NAMES, INFORMATION_TYPE_NAMES)).build();
    }

    @POST
    @Path("query")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response query(String json) {
        Caller caller = webCaller();
        if (caller == null) {
            return notAPersonalCertificate("GetBenefitInformation");
        }
        QueryBody body = QueryBody.read(json, validator);
        if (body.invalid() != null) {
            return QuestionProblems.unanswered(service, caller, "GetBenefitInformation", 400, RefusalCode.INVALID_REQUEST, body.invalid());
        }
        Outcome<BenefitAnswer> outcome = disclosure.disclose(caller, ServiceInterface.WEB, body.query().question(null));
        return outcome.isGranted()
                ? Response.ok(BenefitInformationJson.Answer.of(outcome.requestId(), outcome.value())).build()
                : QuestionProblems.refused(outcome.refusal(), outcome.requestId());
    }

    /** The named user of a personal certificate, or null when the certificate names no person. */
    private Caller webCaller() {
        Object chain = request.getAttribute(TlsCallers.CERTIFICATES_ATTRIBUTE);
        if (!(chain instanceof X509Certificate[] certificates) || certificates.length == 0) {
            return null;
        }
        String personId = TlsCallers.subjectSerialNumber(certificates[0]);
        if (personId == null || !PersonId.isValid(personId)) {
            return null;
        }
        Caller user = identification.webCaller(TlsCallers.fingerprint(certificates[0]), PersonId.parse(personId).canonical(),
                LocalDate.now(SwedishTime.clock()));
        // A revoked personal certificate is refused like an organisation's.
        RefusalCode revoked = TlsCallers.of(chain).certificateRefusal();
        return revoked == null ? user : user.withCertificateRefusal(revoked);
    }

    private Response notAPersonalCertificate(String operation) {
        return QuestionProblems.unanswered(service, RequestCaller.of(request),
                operation, 403, RefusalCode.UNKNOWN_CERTIFICATE, "The web interface needs a personal e-identification certificate.");
    }
}
