package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin API describes itself (MicroProfile OpenAPI) and exports its logs as CSV. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminApiDescriptionIT {

    @Test
    void openApiDescribesTheAdminOperations() throws Exception {
        HttpResponse<String> response = LefiServer.httpClient("admin").send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + LefiServer.httpsPort() + "/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/api/admin/organisations/{number}/termination"), response.body());
        assertTrue(response.body().contains("/api/admin/audit/verification"));
        assertTrue(response.body().contains("/api/v1/actors/{actor}/benefit-information/query"), "the REST twin is described too");
        assertTrue(response.body().contains("/api/v1/actors/{actor}/available-information-types"));
    }

    @Test
    void theAuditLogExportsAsCsv() throws Exception {
        SoapEnvelopes.post("insurer", "Ping.xml", "urn:se:lefi:online:PingResponder:1:Ping");
        String refused = SoapEnvelopes.post("unknown", "Ping.xml", "urn:se:lefi:online:PingResponder:1:Ping").requestId();
        HttpResponse<String> csv = AdminApi.get("admin", "/audit/export.csv?outcome=NOT_CONNECTED&max=10");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertTrue(lines[0].startsWith("requestId,recordedAt,interface,operation,organisationNumber"));
        // The newest first: this test's own refused Ping leads, whatever other tests left in the log.
        assertTrue(lines.length >= 2, csv.body());
        assertTrue(lines[1].startsWith(refused + ","), "the refused Ping is the first row: " + lines[1]);
        assertTrue(lines[1].contains(",SYSTEM_TO_SYSTEM,Ping,"), lines[1]);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].contains(",NOT_CONNECTED,"), lines[i]);
        }
    }
}
