package se.lefi.interfaces.http;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.lefi.application.Caller;
import se.lefi.application.LefiOnlineService;
import se.lefi.domain.access.RefusalCode;
import se.lefi.infrastructure.security.ClientCertificates;

/**
 * One caller must not occupy every worker: at most {@code lefi.limits.inflight.perOrganisation} requests
 * of one organisation (the one its certificate names; else the certificate) are served at a time on each
 * node. One more is refused at once, never queued: 429 TOO_MANY_REQUESTS (a SOAP fault over SOAP),
 * audited and so counted in the metrics. Others are not slowed: their permits are their own.
 */
@WebFilter(urlPatterns = {"/ws/*", "/api/v1/*", "/api/web/*", "/lefi-extern-formansinformation/*"})
public class InFlightLimit extends HttpFilter {
    @Inject
    @ConfigProperty(name = "lefi.limits.inflight.perOrganisation", defaultValue = "16")
    int perOrganisation;

    @EJB
    LefiOnlineService service;

    private final ConcurrentMap<String, Semaphore> inFlight = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        Caller caller = ClientCertificates.caller(request.getAttribute(ClientCertificates.REQUEST_ATTRIBUTE));
        String key = caller.namedOrganisation().orElse(caller.certificateFingerprint());
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Semaphore permits = inFlight.computeIfAbsent(key, k -> new Semaphore(perOrganisation));
        if (!permits.tryAcquire()) {
            refuse(caller, request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    private void refuse(Caller caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String interfaceName = path.startsWith("/ws/ssbt/") ? "SSBTEK" : path.startsWith("/lefi-extern") ? "LEFI_V9"
                : path.startsWith("/api/web/") ? "WEB" : "SYSTEM_TO_SYSTEM";
        RefusalCode code = RefusalCode.TOO_MANY_REQUESTS;
        String requestId = service.recordUnanswered(caller, interfaceName, "unknown", code, null);
        String message = code.defaultMessage();
        String body;
        String type;
        if (path.startsWith("/ws/")) {
            type = "text/xml; charset=UTF-8";
            String detail = path.startsWith("/ws/ssbt/")
                    ? "<ssbt:hamtaBastjanstInformationFault xmlns:ssbt=\"http://schema.forsakringskassan.se/integration/ssbt/10\"><ssbt:felkod>"
                            + code + "</ssbt:felkod><ssbt:felmeddelande>" + message + "</ssbt:felmeddelande><ssbt:felmeddelande>requestId "
                            + requestId + "</ssbt:felmeddelande></ssbt:hamtaBastjanstInformationFault>"
                    : "<core:LefiFault xmlns:core=\"urn:se:lefi:online:core:1\"><core:code>" + code + "</core:code><core:message>" + message
                            + "</core:message><core:requestId>" + requestId + "</core:requestId></core:LefiFault>";
            body = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                    + "<faultcode>soap:Server</faultcode><faultstring>" + code + ": " + message + "</faultstring><detail>" + detail
                    + "</detail></soap:Fault></soap:Body></soap:Envelope>";
        } else if (path.startsWith("/lefi-extern")) {
            type = "application/json";
            response.setHeader("Lefi-Request-Id", requestId);
            body = "{\"meddelande\":\"" + code + ": För många samtidiga frågor från organisationen. (requestId " + requestId
                    + ")\",\"timestamp\":\"" + Instant.now() + "\"}";
        } else {
            type = "application/problem+json";
            body = "{\"type\":\"urn:se:lefi:problem:too-many-requests\",\"title\":\"Too Many Requests\",\"status\":429,\"code\":\""
                    + code + "\",\"detail\":\"" + message + "\",\"requestId\":\"" + requestId + "\"}";
        }
        response.setStatus(429);
        response.setHeader("Retry-After", "1");
        response.setContentType(type);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }
}
