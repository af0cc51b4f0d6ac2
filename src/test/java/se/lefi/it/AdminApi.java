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

    static HttpResponse<String> post(String alias, String path, String json) throws Exception {
        return LefiServer.httpClient(alias).send(HttpRequest.newBuilder(LefiServer.uri("/api/admin" + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts as the administrator and expects {@code status}; returns the JSON body. */
    static JsonObject post(String path, String json, int status) throws Exception {
        HttpResponse<String> response = post("admin", path, json);
        assertEquals(status, response.statusCode(), path + ": " + response.body());
        return json(response.body());
    }

    /** An administrative step out of order: 409 with {@code code}. */
    static void assertRefused(String path, String json, String code) throws Exception {
        HttpResponse<String> response = post("admin", path, json);
        assertEquals(409, response.statusCode(), path + ": " + response.body());
        assertEquals(code, json(response.body()).getString("code"));
    }

    static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** The audit record of a request; fails the test when there is none. */
    static JsonObject auditRecord(String requestId) throws Exception {
        HttpResponse<String> response = get("admin", "/audit/" + requestId);
        assertEquals(200, response.statusCode(), "audit record for " + requestId + ": " + response.body());
        return json(response.body());
    }
}
