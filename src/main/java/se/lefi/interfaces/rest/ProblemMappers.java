package se.lefi.interfaces.rest;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import se.lefi.domain.shared.RefusalCode;

/**
 * Every error of the REST interfaces leaves as a problem-details body with a stable code. Messages
 * name the fields at fault, never the values sent.
 */
public final class ProblemMappers {
    private ProblemMappers() {
    }

    @Provider
    public static class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            String fields = e.getConstraintViolations().stream()
                    .map(ProblemMappers::describe).sorted().collect(Collectors.joining("; "));
            return Problem.response(400, RefusalCode.INVALID_REQUEST.name(), "Invalid fields: " + fields, null);
        }
    }

    @Provider
    public static class UnreadableJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problem.response(400, RefusalCode.INVALID_REQUEST.name(), "The body is not valid JSON of the expected shape.", null);
        }
    }

    /** The JSON provider wraps what it cannot read. */
    @Provider
    public static class UnreadableEntity implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return Problem.response(400, RefusalCode.INVALID_REQUEST.name(), "The body is not valid JSON of the expected shape.", null);
        }
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response response = e.getResponse();
            if (response.hasEntity()) {
                return response;
            }
            int status = response.getStatus();
            String code = status == 404 ? "NOT_FOUND" : status == 405 ? "METHOD_NOT_ALLOWED"
                    : status < 500 ? RefusalCode.INVALID_REQUEST.name() : RefusalCode.SERVICE_UNAVAILABLE.name();
            return Problem.response(status, code, response.getStatusInfo().getReasonPhrase(), null);
        }
    }

    /**
     * Anything unexpected (the database or the audit store failing, say) leaves as 503
     * SERVICE_UNAVAILABLE with fixed text, never as an error page. The log names the exception types
     * only: a driver's message can quote the values it was given.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof WebApplicationException web) {
                return new WebApplication().toResponse(web);
            }
            StringBuilder types = new StringBuilder(e.getClass().getName());
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                types.append(" <- ").append(cause.getClass().getName());
            }
            LOG.warning("a REST request failed, nothing was answered: " + types);
            return Problem.response(503, RefusalCode.SERVICE_UNAVAILABLE.name(), RefusalCode.SERVICE_UNAVAILABLE.defaultMessage(), null);
        }
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1) + " " + violation.getMessage();
    }
}
