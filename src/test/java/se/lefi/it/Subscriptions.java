package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

/** The subscription service's REST interface, as the ITs call it. */
final class Subscriptions {
    private Subscriptions() {
    }

    static HttpResponse<String> post(String alias, String actor, String path, String json) throws Exception {
        return LefiServer.httpClient(alias).send(HttpRequest.newBuilder(LefiServer.uri("/api/v1/actors/" + actor + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String alias, String actor, String path) throws Exception {
        return LefiServer.httpClient(alias).send(HttpRequest.newBuilder(LefiServer.uri("/api/v1/actors/" + actor + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return AdminApi.json(response.body());
    }

    static String order(List<String> personIds, String types, String purpose, String extra, String from) {
        return """
                {"personIds": [%s], "informationTypes": [%s], "purpose": "%s", "from": "%s"%s}""".formatted(quoted(personIds), types,
                purpose, from, extra == null ? "" : ", " + extra);
    }

    static String persons(List<String> personIds) {
        return "{\"personIds\": [" + quoted(personIds) + "]}";
    }

    static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }

    /** Applies changes as the administrator (a change file of JSON lines); returns the report. */
    static JsonObject applyChanges(String lines) throws Exception {
        HttpResponse<String> response = LefiServer.httpClient("admin").send(HttpRequest.newBuilder(LefiServer.uri("/api/admin/register/changes"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(lines)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return AdminApi.json(response.body());
    }

    /** Waits until every applied change has been notified (the dispatcher runs every second). */
    static void awaitDispatched() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonObject backlog = AdminApi.json(AdminApi.get("admin", "/subscriptions/backlog").body());
            if (backlog.getJsonNumber("lastChange").longValue() == backlog.getJsonNumber("lastDispatched").longValue()) {
                return;
            }
            Thread.sleep(200);
        }
        fail("the dispatcher did not catch up within a minute");
    }

    /** Every notification of the caller's feed after {@code after}. */
    static List<JsonObject> feed(String alias, String actor, long after) throws Exception {
        List<JsonObject> all = new java.util.ArrayList<>();
        long position = after;
        while (true) {
            JsonObject page = ok(get(alias, actor, "/notifications?after=" + position + "&max=1000"));
            List<JsonObject> notifications = page.getJsonArray("notification").getValuesAs(JsonObject.class);
            if (notifications.isEmpty()) {
                return all;
            }
            all.addAll(notifications);
            position = notifications.get(notifications.size() - 1).getJsonNumber("sequence").longValue();
        }
    }

    static long lastSequence(String alias, String actor) throws Exception {
        return ok(get(alias, actor, "/notifications?max=1")).getJsonNumber("lastSequence").longValue();
    }
}
