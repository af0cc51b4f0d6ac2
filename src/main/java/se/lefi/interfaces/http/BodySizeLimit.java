package se.lefi.interfaces.http;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.lefi.domain.access.Caller;
import se.lefi.application.access.LefiOnlineService;
import se.lefi.domain.shared.RefusalCode;

/**
 * Every way in refuses a body over its configured size before anything parses it: by the declared length
 * at once, and while it is read when none is declared (chunked), by a stream that stops at the limit. The
 * sizes are in config/lefi.properties ({@code lefi.limits.*.bytes}). The refusal is coded in the way in's
 * own form — a SOAP fault, a LEFI v9 LefiFelsvar (400, the contract's status), a problem (413) — and
 * audited with the caller the certificate names.
 *
 * <p>Declared and mapped in WEB-INF/web.xml, which fixes the order of the filters on the way in.
 */
public class BodySizeLimit extends HttpFilter {
    /** What a stream past the limit throws; CXF and JAX-RS see a body they cannot read. */
    public static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("the body is larger than this interface accepts", null);
        }
    }

    @Inject
    @ConfigProperty(name = "lefi.limits.soap.bytes", defaultValue = "262144")
    long soapBytes;

    @Inject
    @ConfigProperty(name = "lefi.limits.json.bytes", defaultValue = "65536")
    long jsonBytes;

    @Inject
    @ConfigProperty(name = "lefi.limits.v9.bytes", defaultValue = "65536")
    long v9Bytes;

    @Inject
    @ConfigProperty(name = "lefi.limits.admin.bytes", defaultValue = "1048576")
    long adminBytes;

    @Inject
    @ConfigProperty(name = "lefi.limits.changes.bytes", defaultValue = "67108864")
    long changeFileBytes;

    @EJB
    LefiOnlineService service;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        WayIn way = WayIn.of(request);
        long limit = limit(way);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(way, limit, request, response);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Bounded(request, limit), response);
    }

    private long limit(WayIn way) {
        return switch (way) {
            case SOAP, SSBTEK -> soapBytes;
            case V9 -> v9Bytes;
            case JSON, WEB -> jsonBytes;
            case ADMIN -> adminBytes;
            case CHANGES -> changeFileBytes;
        };
    }

    private void refuse(WayIn way, long limit, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = RequestCaller.of(request);
        String requestId = service.recordUnanswered(caller, way.auditInterface(), "unknown", RefusalCode.INVALID_REQUEST, null);
        // Nothing of the body is read: the connection is closed after the answer rather than drained.
        response.setHeader("Connection", "close");
        // LEFI v9's contract declares 400, not 413, and its messages are Swedish.
        way.refuse(response, way == WayIn.V9 ? 400 : 413, RefusalCode.INVALID_REQUEST,
                way == WayIn.V9 ? "Frågan är större än " + limit + " byte."
                        : "The body is larger than this interface accepts (" + limit + " bytes).", requestId);
    }

    /** A body of undeclared length, read no further than the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new BodyTooLarge();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, (int) Math.min(length, limit + 1 - read));
                        if (n > 0 && (read += n) > limit) {
                            throw new BodyTooLarge();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
