package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** MicroProfile Health over the same mutual TLS: liveness, and readiness that covers the database. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Test
    void liveAndReadyWithTheDatabase() throws Exception {
        JsonObject live = health("/health/live");
        assertEquals("UP", live.getString("status"), live.toString());
        JsonObject ready = health("/health/ready");
        assertEquals("UP", ready.getString("status"), ready.toString());
        JsonObject database = ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("UP", database.getString("status"));
        assertTrue(database.getJsonObject("data").containsKey("notificationBacklog"), database.toString());
    }

    private static JsonObject health(String path) throws Exception {
        HttpResponse<String> response = LefiServer.httpClient("admin").send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + LefiServer.httpsPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return AdminApi.json(response.body());
    }
}
