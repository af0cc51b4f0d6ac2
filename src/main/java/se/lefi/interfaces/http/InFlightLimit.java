package se.lefi.interfaces.http;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import se.lefi.domain.access.Caller;
import se.lefi.application.access.LefiOnlineService;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.interfaces.v9.SwedishMessages;

/**
 * One caller must not occupy every worker: at most {@code lefi.limits.inflight.perOrganisation} requests
 * of one organisation (the one its certificate names; else the certificate) are served at a time on each
 * node. One more is refused at once, never queued: 429 TOO_MANY_REQUESTS (a SOAP fault over SOAP),
 * audited and so counted in the metrics. Others are not slowed: their permits are their own.
 *
 * <p>The permit is taken as soon as the request's headers are in, before its body is read: a caller that
 * sends slowly holds its own permits, not everyone's. The gauge {@code lefi_requests_in_flight} shows how
 * many requests are being served (all callers; no organisation number, which for a sole trader is a
 * personnummer). web.xml places this filter inside the metering filter, so refusals are counted.
 */
public class InFlightLimit extends HttpFilter {
    @Inject
    @ConfigProperty(name = "lefi.limits.inflight.perOrganisation", defaultValue = "16")
    int perOrganisation;

    @EJB
    LefiOnlineService service;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final ConcurrentMap<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger served = new AtomicInteger();

    @Override
    public void init() {
        registry.gauge(Metadata.builder().withName("lefi_requests_in_flight")
                .withDescription("Requests being served now, of every caller (each organisation may have lefi.limits.inflight.perOrganisation)")
                .build(), served, AtomicInteger::get);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        Caller caller = RequestCaller.of(request);
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
        served.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            served.decrementAndGet();
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
