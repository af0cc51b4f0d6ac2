package se.lefi.interfaces.http;

import jakarta.json.Json;
import jakarta.json.JsonWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.interfaces.v9.FormansinformationServlet;

/**
 * Where a request came in, as the audit names it, and how a refusal made before the request reaches its
 * endpoint (by a filter) is written there: a SOAP fault with the contract's coded fault element, LEFI v9's
 * LefiFelsvar, or a problem.
 */
enum WayIn {
    SOAP("SYSTEM_TO_SYSTEM"), SSBTEK("SSBTEK"), V9("LEFI_V9"), JSON("SYSTEM_TO_SYSTEM"), WEB("WEB"), ADMIN("ADMIN"), CHANGES("ADMIN");

    private final String auditInterface;

    WayIn(String auditInterface) {
        this.auditInterface = auditInterface;
    }

    static WayIn of(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.startsWith("/ws/ssbt/")) {
            return SSBTEK;
        }
        if (path.startsWith("/ws/")) {
            return SOAP;
        }
        if (path.startsWith("/lefi-extern-formansinformation/")) {
            return V9;
        }
        if (path.startsWith("/api/admin/register/changes")) {
            return CHANGES;
        }
        if (path.startsWith("/api/admin/")) {
            return ADMIN;
        }
        return path.startsWith("/api/web/") ? WEB : JSON;
    }

    /** The interface name of the audit record. */
    String auditInterface() {
        return auditInterface;
    }

    /** Writes the refusal in this way in's own form; the body is fixed text, the code and the audit record's request id. */
    void refuse(HttpServletResponse response, int status, RefusalCode code, String message, String requestId) throws IOException {
        String type;
        byte[] body;
        switch (this) {
            case SOAP, SSBTEK -> {
                type = "text/xml; charset=UTF-8";
                body = soapFault(code, message, requestId).getBytes(StandardCharsets.UTF_8);
            }
            case V9 -> {
                type = "application/json";
                response.setHeader(FormansinformationServlet.REQUEST_ID_HEADER, requestId);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (JsonWriter writer = Json.createWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                    writer.writeObject(FormansinformationServlet.felsvar(code, message, requestId));
                }
                body = out.toByteArray();
            }
            default -> {
                type = "application/problem+json";
                body = Json.createObjectBuilder().add("type", "urn:se:lefi:problem:" + code.name().toLowerCase().replace('_', '-'))
                        .add("title", status == 413 ? "Content Too Large" : status == 429 ? "Too Many Requests" : code.name()).add("status", status).add("code", code.name()).add("detail", message)
                        .add("requestId", requestId).build().toString().getBytes(StandardCharsets.UTF_8);
            }
        }
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    /** A SOAP 1.1 fault with the contract's coded fault element: LefiFault, or SSBTEK's hamtaBastjanstInformationFault. */
    private String soapFault(RefusalCode code, String message, String requestId) {
        String detail = this == SSBTEK
                ? "<ssbt:hamtaBastjanstInformationFault xmlns:ssbt=\"http://schema.forsakringskassan.se/integration/ssbt/10\">"
                        + "<ssbt:felkod>" + code + "</ssbt:felkod><ssbt:felmeddelande>" + message + "</ssbt:felmeddelande>"
                        + "<ssbt:felmeddelande>requestId " + requestId + "</ssbt:felmeddelande></ssbt:hamtaBastjanstInformationFault>"
                : "<core:LefiFault xmlns:core=\"urn:se:lefi:online:core:1\"><core:code>" + code + "</core:code><core:message>"
                        + message + "</core:message><core:requestId>" + requestId + "</core:requestId></core:LefiFault>";
        String faultCode = code == RefusalCode.INVALID_REQUEST ? "soap:Client" : "soap:Server";
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>" + faultCode + "</faultcode><faultstring>" + code + ": " + message + "</faultstring><detail>" + detail
                + "</detail></soap:Fault></soap:Body></soap:Envelope>";
    }
}
