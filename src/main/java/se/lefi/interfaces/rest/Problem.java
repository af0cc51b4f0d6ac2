package se.lefi.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem-details body. {@code code} is the stable refusal code; {@code detail} is fixed
 * text that never echoes personal data.
 */
public record Problem(String type, String title, int status, String code, String detail, String requestId) {
    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public static Response response(int status, String code, String detail, String requestId) {
        Problem problem = new Problem("urn:se:lefi:problem:" + code.toLowerCase().replace('_', '-'),
                Response.Status.fromStatusCode(status).getReasonPhrase(), status, code, detail, requestId);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }
}
