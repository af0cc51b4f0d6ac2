package se.lefi.infrastructure.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Measures every audited request from arrival to the response written, by interface as callers see
 * it: SOAP ({@code /ws}), SSBTEK ({@code /ws/ssbt}), REST ({@code /api/v1}), WEB ({@code /api/web}) and LEFI_V9
 * ({@code /lefi-extern-formansinformation}, the agency's v9 JSON paths), with the operation and
 * outcome the audit recorded. A request the audit did not see (a WSDL fetch) is not measured, unless
 * it failed: then it counts as SERVICE_UNAVAILABLE.
 *
 * <p>Declared and mapped in WEB-INF/web.xml, which fixes the order of the filters on the way in.
 */
public class ServiceLevelFilter extends HttpFilter {
    @Inject
    ServiceLevelMeter meter;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        RequestOutcome outcome = RequestOutcome.open();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = response.getStatus() >= 500 && !outcome.audited();
        } finally {
            RequestOutcome.close();
            long nanos = System.nanoTime() - started;
            if (outcome.audited()) {
                meter.observe(interfaceOf(request), outcome.operation(), outcome.outcome(), nanos);
            } else if (failed) {
                meter.observe(interfaceOf(request), "unknown", "SERVICE_UNAVAILABLE", nanos);
            }
        }
    }

    private static String interfaceOf(HttpServletRequest request) {
        String path = request.getServletPath();
        if (path.startsWith("/lefi-extern-formansinformation")) {
            return "LEFI_V9";
        }
        if (path.startsWith("/ws")) {
            String info = request.getPathInfo();
            return info != null && info.startsWith("/ssbt/") ? "SSBTEK" : "SOAP";
        }
        return request.getRequestURI().contains("/api/web/") ? "WEB" : "REST";
    }
}
