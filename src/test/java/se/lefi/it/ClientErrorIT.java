package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests the caller got wrong — the wrong SOAP version, a body that is not SOAP, an operation the
 * contract does not have — are INVALID_REQUEST, audited, and never counted against the service's
 * availability (SERVICE_UNAVAILABLE in the metrics and the SLA report).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientErrorIT {
    private static final String PING_12 = """
            <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body>
            <Ping xmlns="urn:se:lefi:online:PingResponder:1"/></env:Body></env:Envelope>""";
    private static final String UNKNOWN_OPERATION = """
            <Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body>
            <DeleteEverything xmlns="urn:se:lefi:online:PingResponder:1"/></Body></Envelope>""";

    @Test
    void soap12EnvelopeToTheSoap11Endpoint() throws Exception {
        assertInvalidRequest("application/soap+xml; charset=utf-8", PING_12);
    }

    @Test
    void soap12EnvelopeAsTextXml() throws Exception {
        assertInvalidRequest("text/xml; charset=utf-8", PING_12);
    }

    @Test
    void jsonToTheSoapEndpoint() throws Exception {
        assertInvalidRequest("application/json", "{\"Ping\": {}}");
    }

    @Test
    void anOperationTheContractDoesNotHave() throws Exception {
        assertInvalidRequest("text/xml; charset=utf-8", UNKNOWN_OPERATION);
    }

    private static void assertInvalidRequest(String contentType, String body) throws Exception {
        double failuresBefore = MetricsIT.requests("SOAP", "unknown", "SERVICE_UNAVAILABLE")
                + MetricsIT.requests("SOAP", "Ping", "SERVICE_UNAVAILABLE");
        HttpResponse<String> response = LefiServer.httpClient("insurer").send(HttpRequest.newBuilder(LefiServer.uri("/ws/LefiOnline"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        SoapEnvelopes.Reply reply = new SoapEnvelopes.Reply(response.statusCode(), response.body());

        assertTrue(response.statusCode() == 400 || response.statusCode() == 500 || response.statusCode() == 415, response.body());
        assertEquals("INVALID_REQUEST", reply.faultCode(), response.body());
        JsonObject audit = AdminApi.auditRecord(reply.requestId());
        assertEquals("INVALID_REQUEST", audit.getString("outcome"));
        assertEquals(DemoRegister.INSURER, audit.getString("organisationNumber"));
        assertEquals(failuresBefore, MetricsIT.requests("SOAP", "unknown", "SERVICE_UNAVAILABLE")
                + MetricsIT.requests("SOAP", "Ping", "SERVICE_UNAVAILABLE"), "a caller's mistake is no failure of the service");
    }
}
