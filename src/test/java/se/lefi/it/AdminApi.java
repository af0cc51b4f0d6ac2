package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

/** The admin API as the demo administrator ("admin" certificate). */
final class AdminApi {
    private AdminApi() {
    }

    static HttpResponse<String> get(String alias, String path) throws Exception {
        return LefiServer.httpClient(alias).send(HttpRequest.newBuilder(LefiServer.uri("/api/admin" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String alias, String path, String json) throws Exception {
        return send(alias, "POST", path, json);
    }

    static HttpResponse<String> send(String alias, String method, String path, String json) throws Exception {
        return LefiServer.httpClient(alias).send(HttpRequest.newBuilder(LefiServer.uri("/api/admin" + path))
                        .header("Content-Type", "application/json")
                        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends as the administrator and expects {@code status}; returns the JSON body. */
    static JsonObject send(String method, String path, String json, int status) throws Exception {
        HttpResponse<String> response = send("admin", method, path, json);
        assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
        return json(response.body());
    }

    /** Posts as the administrator and expects {@code status}; returns the JSON body. */
    static JsonObject post(String path, String json, int status) throws Exception {
        return send("POST", path, json, status);
    }

    /** An administrative step out of order: 409 with {@code code}. */
    static void assertRefused(String path, String json, String code) throws Exception {
        assertRefused("POST", path, json, code);
    }

    static void assertRefused(String method, String path, String json, String code) throws Exception {
        assertEquals(code, send(method, path, json, 409).getString("code"));
    }

    /** Registers a connection request, sends the agreement and records both signatures today: IN_FORCE. */
    static JsonObject connect(String number, String name, String kind, String interfaces, String purposes, String types) throws Exception {
        post("/organisations", """
                {"organisationNumber": "%s", "name": "%s", "kind": "%s", "interfaces": [%s], "purposes": [%s],
                 "contact": "Avtal, 010-000 00 00"}""".formatted(number, name, kind, interfaces, purposes), 201);
        post("/organisations/" + number + "/agreement", "{\"informationTypes\": [%s]}".formatted(types), 200);
        post("/organisations/" + number + "/agreement/signatures", signature("ORGANISATION", Questions.TODAY), 200);
        return post("/organisations/" + number + "/agreement/signatures", signature("AGENCY", Questions.TODAY), 200);
    }

    static String signature(String party, LocalDate on) {
        return "{\"party\": \"%s\", \"signedOn\": \"%s\"}".formatted(party, on);
    }

    static JsonObject json(String body) {
        return LefiServer.json(body);
    }

    /** The audit record of a request; fails the test when there is none. */
    static JsonObject auditRecord(String requestId) throws Exception {
        HttpResponse<String> response = get("admin", "/audit/" + requestId);
        assertEquals(200, response.statusCode(), "audit record for " + requestId + ": " + response.body());
        return json(response.body());
    }
}
