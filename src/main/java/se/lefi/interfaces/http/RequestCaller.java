package se.lefi.interfaces.http;

import jakarta.servlet.http.HttpServletRequest;
import se.lefi.application.access.TlsCallers;
import se.lefi.domain.access.Caller;

/** The caller of an HTTP request, from its client certificate. */
public final class RequestCaller {
    private RequestCaller() {
    }

    public static Caller of(HttpServletRequest request) {
        return TlsCallers.of(request.getAttribute(TlsCallers.CERTIFICATES_ATTRIBUTE));
    }
}
