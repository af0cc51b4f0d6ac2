package se.lefi.interfaces.rest;

import jakarta.ws.rs.core.Response;
import se.lefi.domain.access.Caller;
import se.lefi.application.access.LefiOnlineService;
import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;

/**
 * Problem responses for questions over JSON (the REST twin and the web page): each names the
 * request id under which the refusal was audited.
 */
public final class QuestionProblems {
    private QuestionProblems() {
    }

    /** Input refusals are 400; a refusal to disclose is 403; a service that cannot answer is 503. */
    public static Response refused(Refusal refusal, String requestId) {
        return Problem.response(status(refusal.code()), refusal.code().name(), refusal.message(), requestId);
    }

    /** The HTTP status of a refusal over JSON. */
    public static int status(RefusalCode code) {
        return switch (code) {
            case INVALID_REQUEST, INVALID_PERSON_ID, INVALID_ORGANISATION_NUMBER, INVALID_PERIOD, PERIOD_TOO_LONG,
                 NO_INFORMATION_TYPE, QUESTION_NOT_IN_CASE, UNSUPPORTED_VERSION -> 400;
            case SERVICE_UNAVAILABLE, OUTSIDE_SERVICE_HOURS -> 503;
            default -> 403;
        };
    }

    /** A request that never reached the decision: audited, then a problem ({@code detail} null for the code's own text). */
    public static Response unanswered(LefiOnlineService service, Caller caller, String operation, int status, RefusalCode code,
                                      String detail) {
        String requestId = service.recordUnanswered(caller, operation, code);
        return Problem.response(status, code.name(), detail != null ? detail : code.defaultMessage(), requestId);
    }
}
