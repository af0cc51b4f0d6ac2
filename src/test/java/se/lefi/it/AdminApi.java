package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The admin API as the demo administrator ("admin" certificate). */
final class AdminApi {
    private AdminApi() {
    }

    static HttpResponse<String> get(String alias, String path) throws Exception {
        return LefiServer.httpClient(alias).send(HttpRequest.newBuilder(LefiServer.uri("/api/admin" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The audit record of a request; fails the test when there is none. */
    static JsonObject auditRecord(String requestId) throws Exception {
        HttpResponse<String> response = get("admin", "/audit/" + requestId);
        assertEquals(200, response.statusCode(), "audit record for " + requestId + ": " + response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
