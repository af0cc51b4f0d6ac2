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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.lefi.application.Caller;
import se.lefi.application.LefiOnlineService;
import se.lefi.domain.access.RefusalCode;
import se.lefi.infrastructure.security.ClientCertificates;
import se.lefi.interfaces.v9.SwedishMessages;

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
        WayIn way = WayIn.of(request);
        RefusalCode code = RefusalCode.TOO_MANY_REQUESTS;
        String requestId = service.recordUnanswered(caller, way.auditInterface(), "unknown", code, null);
        response.setHeader("Retry-After", "1");
        way.refuse(response, 429, code, way == WayIn.V9 ? SwedishMessages.of(code) : code.defaultMessage(), requestId);
    }
}
