package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One caller at its cap of requests in flight (the test server's lefi.limits.inflight.perOrganisation is 6)
 * gets the next one refused at once, coded and audited, while another organisation is answered as usual;
 * once its requests end, it is answered again. The requests held in flight are real ones whose bodies
 * have not all arrived: the server is serving them, waiting for the rest.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InFlightLimitIT {
    private static final int CAP = 6;
    private static final String QUERY = "/lefi/api/v1/actors/" + DemoRegister.INSURER + "/benefit-information/query";

    @Test
    void aCallerAtItsCapIsRefusedAndNoOtherIsSlowed() throws Exception {
        double refusedBefore = MetricsIT.requests("REST", "unknown", "TOO_MANY_REQUESTS");
        List<SSLSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) {
                held.add(halfSent("insurer"));
            }
            awaitInFlight(CAP);
            HttpResponse<String> refused = RestTwinIT.query("insurer", DemoRegister.INSURER, "{}");
            assertEquals(429, refused.statusCode(), refused.body());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
            JsonObject problem = LefiServer.json(refused.body());
            assertEquals("TOO_MANY_REQUESTS", problem.getString("code"));
            JsonObject audit = AdminApi.auditRecord(problem.getString("requestId"));
            assertEquals("TOO_MANY_REQUESTS", audit.getString("outcome"));
            assertEquals(DemoRegister.INSURER, audit.getString("organisationNumber"));
            assertEquals(refusedBefore + 1, MetricsIT.requests("REST", "unknown", "TOO_MANY_REQUESTS"));

            // Another organisation, while the insurer is held at its cap: answered (400: the body is empty on purpose).
            HttpResponse<String> other = RestTwinIT.query("municipality", DemoRegister.MUNICIPALITY, "{}");
            assertEquals(400, other.statusCode(), other.body());
            assertEquals("INVALID_REQUEST", LefiServer.json(other.body()).getString("code"));
        } finally {
            for (SSLSocket socket : held) {
                socket.close();
            }
        }
        awaitInFlight(0);
        HttpResponse<String> again = RestTwinIT.query("insurer", DemoRegister.INSURER, "{}");
        assertEquals(400, again.statusCode(), "the insurer is answered again once its requests have ended: " + again.body());
    }

    /**
     * Waits until the server says it serves exactly {@code expected} requests (its gauge lefi_requests_in_flight).
     * Nothing else calls the server meanwhile, so these are the held ones: their headers have been read and
     * they wait for the rest of their bodies; or, for 0, they have ended.
     */
    private static void awaitInFlight(int expected) throws Exception {
        double seen = -1;
        for (int attempt = 0; attempt < 300 && seen != expected; attempt++) {
            seen = MetricsIT.metrics().stream().filter(l -> l.startsWith("lefi_requests_in_flight"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            if (seen != expected) {
                Thread.sleep(100);
            }
        }
        assertEquals(expected, seen, "requests in flight on the server");
    }

    /** A request whose headers promise more body than is sent: in flight until the connection closes. */
    private static SSLSocket halfSent(String alias) throws Exception {
        SSLSocket socket = (SSLSocket) LefiServer.sslContext(alias).getSocketFactory().createSocket("localhost", LefiServer.httpsPort());
        socket.startHandshake();
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + QUERY + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
