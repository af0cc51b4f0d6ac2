package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.dev.register.SyntheticRegister;

/**
 * Push delivery to a subscriber's own HTTPS endpoint over mutual TLS: a real receiver, started here,
 * refuses the first attempts (503), which admins see on the feed with the error and the back-off,
 * then recovers and receives every notification, in order, the same as the pull feed holds.
 * The receiver requires the server's client certificate. Demo persons 970..971, the insurance agent's feed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PushDeliveryIT {
    private static final String AGENT = "5569000028";
    private static final LocalDate FROM = Questions.TODAY.minusYears(1);

    @Test
    void failingReceiverIsRetriedAndThenGetsEverythingInOrder() throws Exception {
        AtomicInteger refusalsLeft = new AtomicInteger(3);
        Map<Long, JsonObject> received = new ConcurrentHashMap<>();
        List<String> clientSubjects = new CopyOnWriteArrayList<>();
        HttpsServer receiver = receiver(refusalsLeft, received, clientSubjects);
        try {
            long start = Subscriptions.lastSequence("insurance-agent", AGENT);
            AdminApi.send("PUT", "/feeds/" + AGENT + "/push-endpoint",
                    "{\"url\": \"https://localhost:" + receiver.getAddress().getPort() + "/lefi-notifications\"}", 200);
            JsonObject receipt = Subscriptions.ok(Subscriptions.post("insurance-agent", AGENT, "/subscriptions", Subscriptions.order(
                    List.of(SyntheticRegister.personId(970), SyntheticRegister.personId(971)), "\"SJP\", \"FP\"",
                    "COORDINATION_OF_COMPENSATION", null, FROM.toString())));
            assertTrue(receipt.getJsonArray("person").stream().noneMatch(p -> p.asJsonObject().containsKey("code")), receipt.toString());

            JsonObject failing = awaitFeed(f -> f.getInt("pushFailures") >= 1, "a failed push is shown to admins");
            assertEquals("HTTP 503", failing.getString("pushLastError"));
            assertTrue(failing.containsKey("pushNextAttempt"), "with the next attempt after back-off");

            Subscriptions.applyChanges(Changes.decision("IT-PUSH-D1", SyntheticRegister.personId(970), "SJP",
                    Questions.TODAY.minusDays(5), Questions.TODAY.plusDays(5), 4));
            Subscriptions.awaitDispatched();
            long last = Subscriptions.lastSequence("insurance-agent", AGENT);
            JsonObject recovered = awaitFeed(f -> f.getJsonNumber("pushed").longValue() == last, "the receiver recovered and got everything");
            assertEquals(0, recovered.getInt("pushFailures"));

            Map<Long, JsonObject> pulled = new TreeMap<>();
            Subscriptions.feed("insurance-agent", AGENT, start).forEach(n -> pulled.put(n.getJsonNumber("sequence").longValue(), n));
            assertEquals(pulled, new TreeMap<>(received), "push delivers exactly what the pull feed holds");
            assertEquals(3, pulled.size(), "two initial notifications and one change");
            assertTrue(clientSubjects.stream().allMatch(s -> s.contains("CN=localhost")), clientSubjects.toString());
        } finally {
            AdminApi.send("PUT", "/feeds/" + AGENT + "/push-endpoint", "{\"url\": null}", 200);
            receiver.stop(0);
        }
    }

    private static JsonObject awaitFeed(Predicate<JsonObject> condition, String what) throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        JsonObject feed = null;
        while (System.nanoTime() < deadline) {
            feed = AdminApi.json(AdminApi.get("admin", "/feeds/" + AGENT).body());
            if (condition.test(feed)) {
                return feed;
            }
            Thread.sleep(250);
        }
        fail(what + ": " + feed);
        return null;
    }

    /** An HTTPS receiver on a free port that needs a client certificate from the dev CA. */
    private static HttpsServer receiver(AtomicInteger refusalsLeft, Map<Long, JsonObject> received, List<String> subjects) throws Exception {
        return MutualTlsReceiver.start("/lefi-notifications", exchange -> {
            try (exchange) {
                subjects.add(((X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0])
                        .getSubjectX500Principal().getName());
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (refusalsLeft.getAndDecrement() > 0) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                AdminApi.json(body).getJsonArray("notification").forEach(n ->
                        received.put(n.asJsonObject().getJsonNumber("sequence").longValue(), n.asJsonObject()));
                exchange.sendResponseHeaders(204, -1);
            }
        });
    }
}
