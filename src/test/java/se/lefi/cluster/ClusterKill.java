package se.lefi.cluster;

import com.sun.net.httpserver.HttpsServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import se.lefi.dev.register.SyntheticRegister;
import se.lefi.it.LefiServer;
import se.lefi.it.MutualTlsReceiver;
import se.lefi.it.ServerProcess;

/**
 * The cluster test (bin/lefi cluster-test runs this): starts two nodes on loopback, each {@code bin/lefi serve}
 * as a child of this JVM and ready when its /health/ready says the database is (ServerProcess); drives
 * questions at both nodes and register changes through both, kills the second node's Payara Micro with
 * SIGKILL mid-load, goes on with the first, and then shows that
 * <ul>
 *   <li>an admin change made on one node holds on the other from its next request;</li>
 *   <li>the surviving node kept answering (no failed question there, before or after the kill);</li>
 *   <li>every question answered, by either node, has its audit record;</li>
 *   <li>every register change was turned into notifications (the backlog drains on the survivor), the
 *       subscriber's feed has no gap and no notification twice, each change notified at most once per
 *       person and in change order, and each notification has its audit record;</li>
 *   <li>the feed was also pushed whole, by one node at a time (a batch may repeat after the kill).</li>
 * </ul>
 * Exits 1 with what failed.
 */
public final class ClusterKill {
    private static final String INSURER = "5569000010";
    private static final String INSURANCE_AGENT = "5569000028";
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final int MONITORED_FIRST = 100;
    private static final int MONITORED = 20;
    /** PushDelivery's batch size. */
    private static final int PUSH_BATCH = 100;

    private record Answer(int node, String requestId) {}

    private ClusterKill() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        System.setProperty("lefi.pki.dir", options.get("pki"));
        HttpClient admin = client("admin");
        List<String> members = List.of(options.get("members").split(","));
        Path logs = Path.of(options.get("logs"));
        List<Integer> ports = List.of(Integer.parseInt(options.get("port1")), Integer.parseInt(options.get("port2")));
        List<ServerProcess> started = new ArrayList<>();
        int exit;
        try {
            // One after the other: the first migrates the schema and loads the demo data, the second finds them.
            for (int n = 1; n <= 2; n++) {
                int port = ports.get(n - 1);
                Path output = logs.resolve("cluster-node" + n + ".out");
                System.out.printf(Locale.ROOT, "starting cluster node %d on https://localhost:%d, data grid member %s of %s (output %s)%n",
                        n, port, members.get(n - 1), options.get("members"), output);
                ServerProcess node = ServerProcess.start("node " + n, List.of(options.get("lefi"), "serve", "--port", String.valueOf(port),
                        "--node", "node" + n, "--cluster", options.get("members"), "--member", members.get(n - 1)), output);
                started.add(node);
                node.awaitReady(admin, port, Duration.ofMinutes(20));
            }
            awaitOneDataGrid(logs);
            ProcessHandle victim = started.get(1).server();
            exit = run(List.of("https://localhost:" + ports.get(0) + "/lefi", "https://localhost:" + ports.get(1) + "/lefi"), victim,
                    Integer.parseInt(options.get("seconds")), admin);
        } finally {
            started.forEach(ServerProcess::close);
        }
        System.exit(exit);
    }

    /**
     * Payara logs the data grid's state when a member joins: both nodes must be in one grid. It says so
     * nowhere else that a client can ask, so this check, unlike readiness, reads the nodes' logs.
     */
    private static void awaitOneDataGrid(Path logs) throws IOException, InterruptedException {
        for (int waited = 0; waited < 30; waited++) {
            for (String node : List.of("node1", "node2")) {
                Path log = logs.resolve("payara-micro-" + node + ".log");
                if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains("DG Name: lefi DG Size: 2")) {
                    System.out.println("the two nodes form one data grid (lefi, 2 members)");
                    return;
                }
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the two nodes did not form one data grid (see " + logs.resolve("payara-micro-node*.log") + ")");
    }

    private static int run(List<String> nodes, ProcessHandle process, int seconds, HttpClient admin) throws Exception {
        HttpClient insurer = client("insurer");
        List<String> failures = new ArrayList<>();

        // A subscriber monitoring persons the change stream below is about.
        String persons = IntStream.range(MONITORED_FIRST, MONITORED_FIRST + MONITORED)
                .mapToObj(i -> "\"" + SyntheticRegister.personId(i) + "\"").collect(Collectors.joining(","));
        JsonObject receipt = LefiServer.json(send(insurer, "POST", nodes.get(0) + "/api/v1/actors/" + INSURER + "/subscriptions",
                "{\"personIds\": [" + persons + "], \"informationTypes\": [\"SJP\", \"FP\", \"SGI\"], \"purpose\": \"COORDINATION_OF_COMPENSATION\","
                        + " \"from\": \"" + LocalDate.now(SWEDEN).minusYears(1) + "\"}").body());
        if (receipt.getJsonArray("person").stream().anyMatch(p -> p.asJsonObject().containsKey("code"))) {
            throw new IllegalStateException("the subscription order was refused: " + receipt);
        }

        adminChangesReachTheOtherNodeAtOnce(nodes, admin, failures);

        // The subscriber also takes its feed pushed, by whichever node holds the feed's push lease.
        Map<Long, AtomicLong> pushedTimes = new java.util.concurrent.ConcurrentHashMap<>();
        HttpsServer receiver = receiver(pushedTimes);
        expect(failures, "push endpoint set", send(admin, "PUT", nodes.get(0) + "/api/admin/feeds/" + INSURER + "/push-endpoint",
                "{\"url\": \"https://localhost:" + receiver.getAddress().getPort() + "/lefi-notifications\"}"), 200, null);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean killed = new AtomicBoolean();
        ConcurrentLinkedQueue<Answer> answered = new ConcurrentLinkedQueue<>();
        AtomicLong[] answeredBy = {new AtomicLong(), new AtomicLong()};
        AtomicLong survivorAfterKill = new AtomicLong();
        AtomicLong deadNodeUnanswered = new AtomicLong();
        ConcurrentLinkedQueue<String> survivorFailures = new ConcurrentLinkedQueue<>();
        AtomicLong changeFiles = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                for (long i = thread; !stop.get(); i++) {
                    int node = (int) (i % 2);
                    String person = SyntheticRegister.personId(ThreadLocalRandom.current().nextInt(1000));
                    try {
                        HttpResponse<String> response = send(insurer, "POST", nodes.get(node) + "/api/v1/actors/" + INSURER
                                + "/benefit-information/query", "{\"personId\": \"" + person + "\", \"period\": {\"from\": \""
                                + LocalDate.now(SWEDEN).minusMonths(6) + "\", \"tom\": \"" + LocalDate.now(SWEDEN) + "\"},"
                                + " \"informationType\": [\"SJP\", \"SGI\"], \"purpose\": \"COORDINATION_OF_COMPENSATION\"}");
                        String requestId = LefiServer.json(response.body()).getString("requestId", null);
                        if (response.statusCode() == 200 && requestId != null) {
                            answered.add(new Answer(node, requestId));
                            answeredBy[node].incrementAndGet();
                            if (node == 0 && killed.get()) {
                                survivorAfterKill.incrementAndGet();
                            }
                        } else if (node == 0) {
                            survivorFailures.add("HTTP " + response.statusCode());
                        }
                    } catch (Exception e) {
                        if (node == 0) {
                            survivorFailures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                        } else {
                            deadNodeUnanswered.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        // Register changes about the monitored persons, in small files, through both nodes in turn.
        work.add(pool.submit(() -> {
            for (long file = 0; !stop.get(); file++) {
                int node = killed.get() ? 0 : (int) (file % 2);
                try {
                    send(admin, "POST", nodes.get(node) + "/api/admin/register/synthetic-changes?count=20&first=" + MONITORED_FIRST
                            + "&persons=" + MONITORED + "&seed=" + (1000 + file), null);
                    changeFiles.incrementAndGet();
                } catch (Exception e) {
                    if (node == 0) {
                        survivorFailures.add("change file: " + e.getMessage());
                    }
                }
                Thread.sleep(100);
            }
            return null;
        }));

        Thread.sleep(seconds * 1000L / 3);
        System.out.printf(Locale.ROOT, "before the kill: %d questions answered by node 1, %d by node 2%n",
                answeredBy[0].get(), answeredBy[1].get());
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no goodbye to the data grid
        killed.set(true);
        process.onExit().get();
        System.out.printf(Locale.ROOT, "node 2 (pid %d) killed with SIGKILL%n", process.pid());
        Thread.sleep(seconds * 1000L * 2 / 3);
        stop.set(true);
        pool.shutdown();
        for (Future<?> f : work) {
            f.get();
        }
        System.out.printf(Locale.ROOT, "after the kill: %d questions answered by node 1; %d sent to node 2 unanswered; %d change files applied%n",
                survivorAfterKill.get(), deadNodeUnanswered.get(), changeFiles.get());

        String survivor = nodes.get(0);
        if (!survivorFailures.isEmpty()) {
            failures.add("node 1 failed " + survivorFailures.size() + " requests, e.g. " + survivorFailures.peek());
        }
        if (survivorAfterKill.get() == 0) {
            failures.add("node 1 answered nothing after node 2 was killed");
        }
        if (answeredBy[1].get() == 0) {
            failures.add("node 2 answered nothing before it was killed: the load did not reach both nodes");
        }

        // Every answered question has its audit record (asked of the survivor: one shared database).
        long missing = 0;
        for (Answer a : answered) {
            if (send(admin, "GET", survivor + "/api/admin/audit/" + a.requestId(), null).statusCode() != 200) {
                missing++;
            }
        }
        System.out.printf(Locale.ROOT, "audit: %d answered questions, %d without an audit record%n", answered.size(), missing);
        if (missing > 0) {
            failures.add(missing + " answered questions have no audit record");
        }

        // The backlog drains on the survivor, even if node 2 died holding the dispatch lock.
        JsonObject backlog = null;
        for (int i = 0; i < 600; i++) {
            backlog = LefiServer.json(send(admin, "GET", survivor + "/api/admin/subscriptions/backlog", null).body());
            if (backlog.getJsonNumber("lastDispatched").longValue() >= backlog.getJsonNumber("lastChange").longValue()) {
                break;
            }
            Thread.sleep(100);
        }
        System.out.println("backlog: " + backlog);
        if (backlog.getJsonNumber("lastDispatched").longValue() < backlog.getJsonNumber("lastChange").longValue()) {
            failures.add("the notification backlog did not drain on node 1: " + backlog);
        }

        // The subscriber's whole feed.
        List<JsonObject> feed = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonObject page = LefiServer.json(send(insurer, "GET", survivor + "/api/v1/actors/" + INSURER + "/notifications?after=" + after + "&max=1000", null).body());
            List<JsonObject> items = page.getJsonArray("notification").getValuesAs(JsonObject.class);
            if (items.isEmpty()) {
                break;
            }
            feed.addAll(items);
            after = items.get(items.size() - 1).getJsonNumber("sequence").longValue();
        }
        Set<String> seen = new HashSet<>();
        Map<String, Long> lastChangeOf = new LinkedHashMap<>();
        long duplicates = 0;
        long outOfOrder = 0;
        long changeNotifications = 0;
        long unaudited = 0;
        for (int i = 0; i < feed.size(); i++) {
            JsonObject n = feed.get(i);
            if (n.getJsonNumber("sequence").longValue() != i + 1) {
                failures.add("the feed has a gap or a repeat at position " + (i + 1) + ": sequence " + n.getJsonNumber("sequence"));
                break;
            }
            if (!n.containsKey("changeNumber") || n.isNull("changeNumber")) {
                continue;
            }
            changeNotifications++;
            String person = n.getString("personId");
            long change = n.getJsonNumber("changeNumber").longValue();
            if (!seen.add(person + "#" + change)) {
                duplicates++;
            }
            Long previous = lastChangeOf.put(person, change);
            if (previous != null && previous > change) {
                outOfOrder++;
            }
            if (i % 10 == 0 && send(admin, "GET", survivor + "/api/admin/audit/" + n.getString("requestId"), null).statusCode() != 200) {
                unaudited++;
            }
        }
        System.out.printf(Locale.ROOT, "feed: %d notifications, %d of them about changes; %d twice, %d out of change order, %d of a tenth unaudited%n",
                feed.size(), changeNotifications, duplicates, outOfOrder, unaudited);
        if (changeNotifications == 0) {
            failures.add("no change was notified");
        }
        if (duplicates > 0) {
            failures.add(duplicates + " changes notified twice");
        }
        if (outOfOrder > 0) {
            failures.add(outOfOrder + " notifications out of change order");
        }
        if (unaudited > 0) {
            failures.add(unaudited + " notifications without an audit record");
        }

        // Every notification pushed; twice only within one batch, the one a node may have sent and died
        // before recording (receivers drop sequence numbers they have).
        JsonObject pushFeed = null;
        for (int i = 0; i < 600; i++) {
            pushFeed = LefiServer.json(send(admin, "GET", survivor + "/api/admin/feeds/" + INSURER, null).body());
            if (pushedTimes.size() >= feed.size()) {
                break;
            }
            Thread.sleep(100);
        }
        receiver.stop(0);
        long notPushed = IntStream.rangeClosed(1, feed.size()).filter(q -> !pushedTimes.containsKey((long) q)).count();
        List<Long> twice = pushedTimes.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey).sorted().toList();
        boolean oneBatch = twice.isEmpty() || (twice.get(twice.size() - 1) - twice.get(0) < PUSH_BATCH
                && twice.get(twice.size() - 1) - twice.get(0) == twice.size() - 1);
        System.out.printf(Locale.ROOT, "push: %d of %d notifications received, %d more than once%s%n",
                feed.size() - notPushed, feed.size(), twice.size(), twice.isEmpty() ? "" : " (" + twice.get(0) + ".." + twice.get(twice.size() - 1) + ")");
        if (notPushed > 0) {
            failures.add(notPushed + " notifications never pushed: " + pushFeed);
        }
        if (!oneBatch) {
            failures.add(twice.size() + " notifications pushed more than once, not one batch (the one a node may have sent before it died): "
                    + "nodes pushed the same feed side by side");
        }

        if (failures.isEmpty()) {
            System.out.println("cluster test: PASSED");
            return 0;
        }
        failures.forEach(f -> System.out.println("FAILED: " + f));
        return 1;
    }

    /**
     * Admin changes made through node 1 hold on node 2 from the next request, with no wait: a
     * maintenance window (planned on one node, removed on the other) and a termination. Node 2 has just
     * answered the agent before each change, so the agent's party facts are in its memory: the change
     * must reach them (PartyFacts' version), not merely the database.
     */
    private static void adminChangesReachTheOtherNodeAtOnce(List<String> nodes, HttpClient admin, List<String> failures) throws Exception {
        HttpClient agent = client("insurance-agent");
        String question = "{\"personId\": \"" + SyntheticRegister.personId(7) + "\", \"period\": {\"from\": \""
                + LocalDate.now(SWEDEN).minusMonths(6) + "\", \"tom\": \"" + LocalDate.now(SWEDEN) + "\"},"
                + " \"informationType\": [\"SJP\"], \"purpose\": \"COORDINATION_OF_COMPENSATION\"}";
        String agentQuery = "/api/v1/actors/" + INSURANCE_AGENT + "/benefit-information/query";
        expect(failures, "before any change, node 2 answers", send(agent, "POST", nodes.get(1) + agentQuery, question), 200, null);

        java.time.Instant now = java.time.Instant.now();
        HttpResponse<String> planned = send(admin, "POST", nodes.get(0) + "/api/admin/service-windows", "{\"from\": \""
                + now.minusSeconds(60) + "\", \"to\": \"" + now.plusSeconds(600) + "\", \"reason\": \"Cluster test\"}");
        expect(failures, "maintenance planned on node 1", planned, 201, null);
        expect(failures, "node 2 refuses in the maintenance window planned on node 1",
                send(agent, "POST", nodes.get(1) + agentQuery, question), 503, "OUTSIDE_SERVICE_HOURS");
        expect(failures, "the window removed on node 2", send(admin, "DELETE", nodes.get(1) + "/api/admin/service-windows/"
                + LefiServer.json(planned.body()).getJsonNumber("id").longValue(), null), 204, null);
        expect(failures, "node 1 answers once node 2 removed the window", send(agent, "POST", nodes.get(0) + agentQuery, question), 200, null);

        expect(failures, "node 2 answers the agent from the facts in its memory",
                send(agent, "POST", nodes.get(1) + agentQuery, question), 200, null);
        expect(failures, "termination on node 1", send(admin, "POST", nodes.get(0) + "/api/admin/organisations/" + INSURANCE_AGENT
                + "/termination", "{\"name\": \"Demo Försäkringsförmedling AB\", \"from\": \"" + LocalDate.now(SWEDEN) + "\"}"), 200, null);
        expect(failures, "node 2 refuses the organisation terminated on node 1",
                send(agent, "POST", nodes.get(1) + agentQuery, question), 403, "AGREEMENT_TERMINATED");
        System.out.println("admin changes: " + (failures.isEmpty() ? "each held on the other node from its next request" : failures));
    }

    private static void expect(List<String> failures, String what, HttpResponse<String> response, int status, String code) {
        boolean codeMatches = code == null || (response.body().startsWith("{") && code.equals(LefiServer.json(response.body()).getString("code", null)));
        if (response.statusCode() != status || !codeMatches) {
            failures.add(what + ": HTTP " + response.statusCode() + (code == null ? "" : ", expected " + code));
        }
    }

    /** A receiver counting each sequence number it is pushed. */
    private static HttpsServer receiver(Map<Long, AtomicLong> times) throws Exception {
        return MutualTlsReceiver.start("/lefi-notifications", exchange -> {
            try (exchange) {
                LefiServer.json(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getJsonArray("notification")
                        .forEach(n -> times.computeIfAbsent(n.asJsonObject().getJsonNumber("sequence").longValue(), k -> new AtomicLong())
                                .incrementAndGet());
                exchange.sendResponseHeaders(204, -1);
            }
        });
    }

    private static HttpClient client(String alias) throws Exception {
        return HttpClient.newBuilder().sslContext(LefiServer.sslContext(alias)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> send(HttpClient client, String method, String uri, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("pki", "var/pki", "seconds", "30", "logs", "var/log"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        for (String required : List.of("lefi", "port1", "port2", "members")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("usage: ClusterKill --lefi bin/lefi --port1 PORT --port2 PORT --members HOST:PORT,HOST:PORT"
                        + " [--seconds N] [--pki DIR] [--logs DIR]");
            }
        }
        return options;
    }
}
