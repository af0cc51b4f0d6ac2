package se.lefi.interfaces.v9;

import se.lefi.interfaces.http.RequestCaller;
import se.lefi.domain.time.SwedishTime;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import se.lefi.application.access.BenefitAnswer;
import se.lefi.domain.access.Caller;
import se.lefi.application.access.DisclosureService;
import se.lefi.application.access.LefiOnlineService;
import se.lefi.application.access.Outcome;
import se.lefi.domain.access.ActorQuestion;
import se.lefi.domain.access.BenefitQuestion;
import se.lefi.domain.access.ConsentReference;
import se.lefi.domain.access.Identifiers;
import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.register.InformationType;
import se.lefi.interfaces.rest.QuestionProblems;

/**
 * LEFI Förmånsinformation v9 (LEFI extern) at the agency's own paths, over the same mutual TLS:
 * {@code POST /lefi-extern-formansinformation/v9/aktorer/{aktorsId}/formansinformation/fraga} and
 * {@code GET .../tillgangligaInformationstyper}. The actor's registration states the purpose and, for an
 * agent, the principal; what a v9 question cannot carry comes from optional headers (the case id, a
 * consent reference). Every question runs through the same decision and audit as LEFI Online, under
 * the interface name LEFI_V9. A plain servlet rather than JAX-RS: the body is bounded before it is read.
 */
@WebServlet(urlPatterns = "/lefi-extern-formansinformation/*")
public class FormansinformationServlet extends HttpServlet {
    static final String INTERFACE = "LEFI_V9";
    /** The case id (ärendeidentitet) of an authority's open case about the person. */
    public static final String CASE_HEADER = "Lefi-Arendeidentitet";
    /** The individual's consent (samtycke): its id, the day it was given (YYYY-MM-DD) and its scope. */
    public static final String CONSENT_ID_HEADER = "Lefi-Samtycke-Id";
    public static final String CONSENT_DATE_HEADER = "Lefi-Samtycke-Datum";
    public static final String CONSENT_SCOPE_HEADER = "Lefi-Samtycke-Omfattning";
    /** The caller's own correlation id, audited (the v9 answer has no field to echo it in). */
    public static final String CORRELATION_HEADER = "Lefi-Korrelationsid";
    /** Every answer names the request id of its audit record. */
    public static final String REQUEST_ID_HEADER = "Lefi-Request-Id";
    private static final int MAX_PATH = 200;
    private static final int MAX_HEADER = 200;
    private static final int MAX_ID_HEADER = Identifiers.MAX_LENGTH;
    private static final Logger LOG = Logger.getLogger(FormansinformationServlet.class.getName());
    private static final String QUESTION = "GetBenefitInformation";
    private static final String AVAILABLE_TYPES = "GetAvailableInformationTypes";

    @EJB
    DisclosureService disclosure;

    @EJB
    LefiOnlineService service;


    private record Route(String actorId, String operation) {
    }

    /** Only the contract's two operations; anything else is a coded, audited refusal, never the container's error page. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Route route = route(request);
        String method = request.getMethod();
        if (route != null && "POST".equals(method) && QUESTION.equals(route.operation())) {
            doPost(request, response);
        } else if (route != null && "GET".equals(method) && AVAILABLE_TYPES.equals(route.operation())) {
            doGet(request, response);
        } else {
            notFound(response, caller(request), route);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Route route = route(request);
        Caller caller = caller(request);
        try {
            byte[] body = boundedBody(request);
            if (body == null) {
                // 400, not 413: the contract declares 400, 403 and 500 only.
                unanswered(response, caller, route, 400, RefusalCode.INVALID_REQUEST,
                        "Frågan är större än " + V9Json.MAX_QUESTION_BYTES + " byte.");
                return;
            }
            V9Question question = V9Json.parseQuestion(body);
            ActorQuestion asked = new ActorQuestion(route.actorId(), benefitQuestion(question, request), null);
            Outcome<BenefitAnswer> outcome = disclosure.discloseForActor(caller, INTERFACE, asked);
            if (!outcome.isGranted()) {
                refused(response, outcome.refusal(), outcome.requestId());
                return;
            }
            response.setHeader(REQUEST_ID_HEADER, outcome.requestId());
            write(response, 200, V9Json.answer(question, outcome.value(), LocalDate.now(SwedishTime.clock())));
        } catch (InvalidV9Question | InvalidHeader e) {
            unanswered(response, caller, route, 400, RefusalCode.INVALID_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            failed(response, caller, route, e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Route route = route(request);
        Caller caller = caller(request);
        try {
            Outcome<Set<InformationType>> outcome = service.availableTypesForActor(caller, INTERFACE, route.actorId());
            if (!outcome.isGranted()) {
                refused(response, outcome.refusal(), outcome.requestId());
                return;
            }
            response.setHeader(REQUEST_ID_HEADER, outcome.requestId());
            write(response, 200, V9Json.availableTypes(outcome.value()));
        } catch (RuntimeException e) {
            failed(response, caller, route, e);
        }
    }

    /** The question for the decision: the register's types, and the case or consent from the headers. */
    private static BenefitQuestion benefitQuestion(V9Question question, HttpServletRequest request) throws InvalidHeader {
        String caseId = identifier(request, CASE_HEADER);
        String consentId = identifier(request, CONSENT_ID_HEADER);
        String consentDate = header(request, CONSENT_DATE_HEADER, 10);
        String consentScope = header(request, CONSENT_SCOPE_HEADER, MAX_HEADER);
        String correlationId = identifier(request, CORRELATION_HEADER);
        ConsentReference consent = null;
        if (consentId != null || consentDate != null || consentScope != null) {
            if (consentId == null || consentDate == null) {
                throw new InvalidHeader("Ett samtycke anges med både " + CONSENT_ID_HEADER + " och " + CONSENT_DATE_HEADER + ".");
            }
            try {
                consent = new ConsentReference(consentId, LocalDate.parse(consentDate), consentScope);
            } catch (DateTimeParseException e) {
                throw new InvalidHeader(CONSENT_DATE_HEADER + " är ett datum, ÅÅÅÅ-MM-DD.");
            }
        }
        return new BenefitQuestion(question.personnummer(), question.from(), question.tom(), new ArrayList<>(question.heldTypes()),
                null, consent, caseId, null, correlationId, question.otherSourcesAsked());
    }

    /** A case, consent or correlation id: the same rule as on every other way in (Identifiers). */
    private static String identifier(HttpServletRequest request, String name) throws InvalidHeader {
        String value = header(request, name, MAX_ID_HEADER);
        if (value != null && !Identifiers.isValid(value)) {
            throw new InvalidHeader(name + " är 1 till " + Identifiers.MAX_LENGTH + " tecken av A-Z, a-z, 0-9 och . _ : / -.");
        }
        return value;
    }

    private static String header(HttpServletRequest request, String name, int maxLength) throws InvalidHeader {
        String value = request.getHeader(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidHeader(name + " får vara högst " + maxLength + " tecken.");
        }
        // HTTP header values are ASCII; anything else would arrive garbled and be audited so.
        if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new InvalidHeader(name + " får bara innehålla ASCII-tecken.");
        }
        return value.strip();
    }

    /** A header of the wrong form; the message names the header, never its value. */
    private static final class InvalidHeader extends Exception {
        InvalidHeader(String message) {
            super(message, null, false, false);
        }
    }

    /** The body, read up to the limit before anything parses it; null when it is larger. */
    private static byte[] boundedBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > V9Json.MAX_QUESTION_BYTES) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(V9Json.MAX_QUESTION_BYTES + 1);
            return body.length > V9Json.MAX_QUESTION_BYTES ? null : body;
        }
    }

    /** {@code /v9/aktorer/{aktorsId}/formansinformation/fraga} or {@code /v9/aktorer/{aktorsId}/tillgangligaInformationstyper}. */
    private static Route route(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() > MAX_PATH || !path.startsWith("/v9/aktorer/")) {
            return null;
        }
        String rest = path.substring("/v9/aktorer/".length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String actorId = rest.substring(0, slash);
        return switch (rest.substring(slash)) {
            case "/formansinformation/fraga" -> new Route(actorId, QUESTION);
            case "/tillgangligaInformationstyper" -> new Route(actorId, AVAILABLE_TYPES);
            default -> null;
        };
    }

    private static Caller caller(HttpServletRequest request) {
        return RequestCaller.of(request);
    }

    private void refused(HttpServletResponse response, Refusal refusal, String requestId) throws IOException {
        response.setHeader(REQUEST_ID_HEADER, requestId);
        write(response, status(refusal.code()), felsvar(refusal.code(), SwedishMessages.of(refusal.code()), requestId));
    }

    private void unanswered(HttpServletResponse response, Caller caller, Route route, int status, RefusalCode code, String detail)
            throws IOException {
        String requestId = service.recordUnanswered(caller, INTERFACE, route.operation(), code, route.actorId());
        response.setHeader(REQUEST_ID_HEADER, requestId);
        write(response, status, felsvar(code, detail, requestId));
    }

    /** A failure nobody foresaw: 500, audited where the audit still works; the log names the exception type only. */
    private void failed(HttpServletResponse response, Caller caller, Route route, RuntimeException e) throws IOException {
        String requestId;
        try {
            requestId = service.recordUnanswered(caller, INTERFACE, route.operation(), RefusalCode.SERVICE_UNAVAILABLE, route.actorId());
        } catch (RuntimeException auditFailure) {
            requestId = java.util.UUID.randomUUID().toString();
        }
        LOG.log(Level.WARNING, "unanswered v9 request {0} ({1}): {2}", new Object[] {requestId, route.operation(), e.getClass().getName()});
        response.setHeader(REQUEST_ID_HEADER, requestId);
        write(response, 500, felsvar(RefusalCode.SERVICE_UNAVAILABLE, SwedishMessages.of(RefusalCode.SERVICE_UNAVAILABLE), requestId));
    }

    /** A path or method the contract does not have: 404 or 405, audited as INVALID_REQUEST; nothing has been read. */
    private void notFound(HttpServletResponse response, Caller caller, Route route) throws IOException {
        String requestId = service.recordUnanswered(caller, INTERFACE, route == null ? "unknown" : route.operation(),
                RefusalCode.INVALID_REQUEST, route == null ? null : route.actorId());
        response.setHeader(REQUEST_ID_HEADER, requestId);
        write(response, route == null ? 404 : 405, felsvar(RefusalCode.INVALID_REQUEST,
                "Okänd sökväg eller metod i LEFI Förmånsinformation v9.", requestId));
    }

    /**
     * The contract declares 400, 403 and 500 only: a service that cannot answer (closed, or failed) is 500,
     * with the code in the message.
     */
    static int status(RefusalCode code) {
        int status = QuestionProblems.status(code);
        return status == 503 ? 500 : status;
    }

    /** LefiFelsvar: the stable code first, then fixed Swedish text, then the audit record's request id; never an input value. */
    public static JsonObject felsvar(RefusalCode code, String message, String requestId) {
        return V9Json.felsvar(code.name() + ": " + message + " (requestId " + requestId + ")", Instant.now());
    }

    private static void write(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (JsonWriter writer = Json.createWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8))) {
            writer.writeObject(body);
        }
    }
}
