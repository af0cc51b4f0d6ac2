package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.contract.ping.v1.PingType;

/**
 * A maintenance window planned by an administrator closes the service at once: questions over SOAP
 * and REST are refused with OUTSIDE_SERVICE_HOURS (audited, nothing disclosed), readiness is down and
 * says why, Ping still answers; removing the window opens it again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServiceWindowIT {

    @Test
    void plannedMaintenanceRefusesQuestionsAndHealthSaysWhy() throws Exception {
        assertEquals(200, SoapEnvelopes.post("insurer", "GetBenefitInformation-coordination.xml", SoapEnvelopes.GET_BENEFIT_INFORMATION).status());

        Instant now = Instant.now();
        JsonObject window = AdminApi.post("/service-windows", "{\"from\": \"" + now.minus(1, ChronoUnit.MINUTES)
                + "\", \"to\": \"" + now.plus(30, ChronoUnit.MINUTES) + "\", \"reason\": \"Database upgrade\"}", 201);
        long id = window.getJsonNumber("id").longValue();
        try {
            JsonObject audit = Refusals.assertRefused("OUTSIDE_SERVICE_HOURS", "insurer", "GetBenefitInformation-coordination.xml");
            assertEquals(DemoRegister.INSURER, audit.getString("organisationNumber"));

            HttpResponse<String> rest = RestTwinIT.query("insurer", DemoRegister.INSURER, """
                    {"personId": "%s", "period": {"from": "%s", "tom": "%s"}, "informationType": ["SJP"],
                     "purpose": "COORDINATION_OF_COMPENSATION"}""".formatted(DemoRegister.PERSON, Questions.TODAY.minusMonths(6), Questions.TODAY));
            RestTwinIT.assertProblem(rest, 503, "OUTSIDE_SERVICE_HOURS");
            assertTrue(rest.body().contains("Database upgrade"), rest.body());

            HttpResponse<String> ready = health();
            assertEquals(503, ready.statusCode(), ready.body());
            JsonObject hours = check(ready, "service-hours");
            assertEquals("DOWN", hours.getString("status"));
            assertEquals("Planned maintenance: Database upgrade", hours.getJsonObject("data").getString("reason"));
            assertEquals("UP", check(ready, "database").getString("status"), "the database itself is fine");

            JsonObject status = AdminApi.send("GET", "/service-windows", null, 200);
            assertFalse(status.getBoolean("open"));

            LefiServer.lefiOnline("insurer").ping(new PingType());
        } finally {
            assertEquals(204, AdminApi.send("admin", "DELETE", "/service-windows/" + id, null).statusCode());
        }
        assertEquals(200, health().statusCode());
        assertEquals(200, SoapEnvelopes.post("insurer", "GetBenefitInformation-coordination.xml", SoapEnvelopes.GET_BENEFIT_INFORMATION).status());
        assertEquals(404, AdminApi.send("admin", "DELETE", "/service-windows/" + id, null).statusCode());
    }

    @Test
    void aWindowMustMakeSenseAndOnlyAdministratorsPlanOne() throws Exception {
        Instant now = Instant.now();
        assertEquals("INVALID_REQUEST", AdminApi.post("/service-windows", "{\"from\": \"" + now.plus(2, ChronoUnit.HOURS)
                + "\", \"to\": \"" + now.plus(1, ChronoUnit.HOURS) + "\", \"reason\": \"backwards\"}", 400).getString("code"));
        assertEquals("INVALID_REQUEST", AdminApi.post("/service-windows",
                "{\"from\": \"tomorrow\", \"to\": \"later\", \"reason\": \"x\"}", 400).getString("code"));
        assertEquals(403, AdminApi.post("insurer", "/service-windows", "{\"from\": \"" + now + "\", \"to\": \""
                + now.plus(1, ChronoUnit.HOURS) + "\", \"reason\": \"not an admin\"}").statusCode());
        assertTrue(AdminApi.send("GET", "/service-windows", null, 200).getBoolean("open"));
    }

    private static HttpResponse<String> health() throws Exception {
        return LefiServer.httpClient("admin").send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + LefiServer.httpsPort() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject check(HttpResponse<String> health, String name) {
        return AdminApi.json(health.body()).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow();
    }
}
