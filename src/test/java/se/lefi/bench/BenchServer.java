package se.lefi.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import se.lefi.it.LefiServer;
import se.lefi.it.ServerProcess;

/**
 * bin/lefi bench's server: {@code bin/lefi serve} as this JVM's child, ready when its {@code /health/ready}
 * says the database is (ServerProcess), then the benchmark given after {@code --} (its class and arguments) in this JVM, then the server
 * stopped. With {@code --profile-file}, the benchmark is told the server's own process to record.
 * <pre>
 * BenchServer --lefi bin/lefi --port N --output FILE [--pki DIR] [--profile-file FILE] -- se.lefi.bench.LefiBench ARGS...
 * </pre>
 */
public final class BenchServer {
    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int split = Arrays.asList(args).indexOf("--");
        if (split < 1 || split == args.length - 1) {
            throw new IllegalArgumentException("usage: BenchServer --lefi bin/lefi --port N --output FILE [--pki DIR] [--profile-file FILE]"
                    + " -- BENCH_CLASS ARGS...");
        }
        Map<String, String> options = BenchOptions.parse("BenchServer",
                Map.of("lefi", "bin/lefi", "port", "8443", "output", "var/log/bench-server.out", "pki", "var/pki", "profile-file", ""),
                Arrays.copyOfRange(args, 0, split));
        System.setProperty("lefi.pki.dir", options.get("pki"));
        int port = Integer.parseInt(options.get("port"));
        HttpClient client = HttpClient.newBuilder().sslContext(LefiServer.sslContext("insurer")).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long started = System.nanoTime();
        // Its name gives the server a log of its own (var/log/payara-micro-bench.log) beside a running serve's.
        try (ServerProcess server = ServerProcess.start("the bench server", List.of(options.get("lefi"), "serve", "--port",
                String.valueOf(port), "--node", "bench"), Path.of(options.get("output")))) {
            // bin/lefi serve gives up after its own start-up timeout (at most 20 minutes): this one only backs it.
            server.awaitReady(client, port, Duration.ofMinutes(25));
            System.err.printf(Locale.ROOT, "[lefi] the server answers after %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
            List<String> bench = new ArrayList<>(Arrays.asList(args).subList(split + 2, args.length));
            if (!options.get("profile-file").isEmpty()) {
                bench.addAll(List.of("--profile-pid", String.valueOf(server.server().pid()), "--profile-file", options.get("profile-file")));
            }
            Class.forName(args[split + 1]).getMethod("main", String[].class).invoke(null, (Object) bench.toArray(String[]::new));
        }
        System.err.println("[lefi] server stopped");
    }
}
