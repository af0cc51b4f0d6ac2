package se.lefi.bench;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import se.lefi.dev.register.SyntheticRegister;
import se.lefi.it.LefiServer;

/**
 * The subscription scenario of {@code bin/lefi bench --scenario subscriptions}: the demo insurer
 * orders monitoring of {@code --monitored} persons over REST (orders of 1000, {@code --threads} at a
 * time; each person's data is its first notification), then the admin API applies a synthetic change
 * stream of {@code --changes} changes over those persons in files of 10,000. It prints the order
 * rate, the changes processed per second (applied and notified, until the dispatcher has caught up),
 * and the delay from each change's register time to its notification (p50/p99/max, as the server
 * measured it).
 *
 * <pre>
 * --url        https://localhost:8443/lefi
 * --pki        var/pki
 * --monitored  1000000
 * --changes    100000
 * --threads    2
 * --seed       1
 * </pre>
 */
public final class SubscriptionBench {
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final String INSURER = "5569000010";
    private static final int ORDER_SIZE = 1000;
    private static final int CHANGE_FILE = 10_000;

    private SubscriptionBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String base = options.get("url");
        long monitored = Long.parseLong(options.get("monitored"));
        long changes = Long.parseLong(options.get("changes"));
        int threads = Integer.parseInt(options.get("threads"));
        long seed = Long.parseLong(options.get("seed"));
        System.setProperty("lefi.pki.dir", options.get("pki"));
        HttpClient insurer = client("insurer");
        HttpClient admin = client("admin");
        LocalDate from = LocalDate.now(SWEDEN).minusYears(1);

        System.out.println("Subscription benchmark");
        System.out.printf(Locale.ROOT, "  date        %s%n", ZonedDateTime.now(SWEDEN).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        System.out.printf(Locale.ROOT, "  machine     %d cores (availableProcessors), Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "  orders      %d persons monitored by the demo insurer, orders of %d, %d threads; SJP FP SGI from %s%n",
                monitored, ORDER_SIZE, threads, from);
        System.out.printf(Locale.ROOT, "  changes     %d synthetic changes over those persons, files of %d, seed %d%n%n", changes, CHANGE_FILE, seed);

        long ordersStarted = System.nanoTime();
        AtomicLong ordered = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> orders = new ArrayList<>();
        for (long first = 0; first < monitored; first += ORDER_SIZE) {
            long from0 = first;
            long to = Math.min(monitored, first + ORDER_SIZE);
            orders.add(pool.submit(() -> {
                String persons = LongStream.range(from0, to).mapToObj(i -> "\"" + SyntheticRegister.personId(i) + "\"")
                        .collect(Collectors.joining(","));
                JsonObject receipt = LefiServer.json(send(insurer, "POST", URI.create(base + "/api/v1/actors/" + INSURER + "/subscriptions"),
                        "{\"personIds\": [" + persons + "], \"informationTypes\": [\"SJP\", \"FP\", \"SGI\"],"
                                + " \"purpose\": \"COORDINATION_OF_COMPENSATION\", \"from\": \"" + from + "\"}"));
                long refused = receipt.getJsonArray("person").stream().filter(p -> p.asJsonObject().containsKey("code")).count();
                if (refused > 0) {
                    throw new IllegalStateException(refused + " persons refused in an order");
                }
                long done = ordered.addAndGet(to - from0);
                if (done % 100_000 == 0) {
                    System.out.printf(Locale.ROOT, "  ... %d persons ordered after %.0f s%n", done, seconds(ordersStarted));
                }
                return null;
            }));
        }
        try {
            for (Future<?> order : orders) {
                order.get();
            }
        } finally {
            pool.shutdownNow(); // a failed order must not leave the JVM waiting for the pool's threads
        }
        double orderSeconds = seconds(ordersStarted);
        System.out.printf(Locale.ROOT, "Orders: %d persons in %.1f s: %.0f persons/s (each with its initial notification and audit record)%n%n",
                monitored, orderSeconds, monitored / orderSeconds);

        long before = LefiServer.json(send(admin, "GET", URI.create(base + "/api/admin/subscriptions/backlog"), null)).getJsonNumber("lastChange").longValue();
        long started = System.nanoTime();
        for (long applied = 0, file = 0; applied < changes; applied += CHANGE_FILE, file++) {
            long count = Math.min(CHANGE_FILE, changes - applied);
            send(admin, "POST", URI.create(base + "/api/admin/register/synthetic-changes?count=" + count + "&persons=" + monitored
                    + "&seed=" + (seed * 1_000_003 + file)), null);
        }
        double applySeconds = seconds(started);
        while (true) {
            JsonObject backlog = LefiServer.json(send(admin, "GET", URI.create(base + "/api/admin/subscriptions/backlog"), null));
            if (backlog.getJsonNumber("lastDispatched").longValue() >= backlog.getJsonNumber("lastChange").longValue()) {
                break;
            }
            Thread.sleep(100);
        }
        double totalSeconds = seconds(started);
        JsonObject delays = LefiServer.json(send(admin, "GET", URI.create(base + "/api/admin/subscriptions/delays?afterChange=" + before), null));
        System.out.printf(Locale.ROOT, "Changes: %d applied in %.1f s (%.0f/s); applied and notified in %.1f s: %.0f changes/s%n",
                changes, applySeconds, changes / applySeconds, totalSeconds, changes / totalSeconds);
        System.out.printf(Locale.ROOT, "Notifications of those changes: %d; delay from change to notification p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                delays.getJsonNumber("notifications").longValue(), delays.getJsonNumber("p50Millis").doubleValue(),
                delays.getJsonNumber("p99Millis").doubleValue(), delays.getJsonNumber("maxMillis").doubleValue());
        System.out.flush();
    }

    private static HttpClient client(String alias) throws Exception {
        return HttpClient.newBuilder().sslContext(LefiServer.sslContext(alias)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    private static String send(HttpClient client, String method, URI uri, String json) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + uri.getPath() + ": HTTP " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(400, response.body().length())));
        }
        return response.body();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static Map<String, String> options(String[] args) {
        return BenchOptions.parse("SubscriptionBench", new LinkedHashMap<>(Map.of("url", "https://localhost:8443/lefi", "pki", "var/pki",
                "monitored", "1000000", "changes", "100000", "threads", "2", "seed", "1")), args);
    }
}
