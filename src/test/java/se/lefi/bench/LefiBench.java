package se.lefi.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyManagementException;
import java.security.SecureRandom;
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
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.HdrHistogram.Histogram;
import se.lefi.dev.register.SyntheticRegister;
import se.lefi.it.LefiServer;

/**
 * Throughput and latency of LEFI Online against a running server, over mutual TLS with the dev PKI:
 * Ping, then GetBenefitInformation about random persons of the synthetic register. Prints figures
 * only; nothing is asserted. {@code bin/lefi bench} starts a server and runs this.
 *
 * <p>Closed loop: {@code --threads} threads send back-to-back through one shared HTTP/1.1 client,
 * whose pool keeps one keep-alive connection per thread (the count of new TLS connections shows it).
 * Each scenario has a warm-up (not recorded) and a measured window; an answer counts in the phase in
 * which it arrives. Throughput is successful answers (HTTP 200) per second of the window; latencies of
 * successful answers go into one HdrHistogram per thread, merged at the end. Non-200 answers and
 * exceptions (a request without an answer after 10 s times out) are counted and shown, never fatal.
 *
 * <pre>
 * --url      https://localhost:8181/lefi/ws/LefiOnline
 * --pki      var/pki            (client key store &lt;alias&gt;.p12, truststore.p12; password changeit)
 * --alias    insurer
 * --threads  8
 * --seconds  20                 measured, per scenario
 * --warmup   5                  seconds, per scenario
 * --persons  1000000            persons in the server's synthetic register (lefi.demo.persons)
 * --seed     1                  person choice: one SplittableRandom per thread, split from this seed
 * --profile-pid  PID            with --profile-file: the server's process; JFR records it (jcmd) from the
 * --profile-file FILE           end of the server warm-up round to the end of the last measured window
 * </pre>
 */
public final class LefiBench {
    static final String PING_ACTION = "\"urn:se:lefi:online:PingResponder:1:Ping\"";
    static final String GBI_ACTION = "\"urn:se:lefi:online:GetBenefitInformationResponder:1:GetBenefitInformation\"";
    static final String PING_ENVELOPE = "<Envelope xmlns=\"http://schemas.xmlsoap.org/soap/envelope/\"><Body>"
            + "<Ping xmlns=\"urn:se:lefi:online:PingResponder:1\"/></Body></Envelope>";
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    /** A request without an answer by then counts as an error (HttpTimeoutException). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** How much of an error response body to show. */
    private static final int SAMPLE_CHARS = 400;

    private LefiBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI url = URI.create(options.get("url"));
        String pki = options.get("pki");
        String alias = options.get("alias");
        int threads = positiveInt(options, "threads");
        int seconds = positiveInt(options, "seconds");
        int warmup = nonNegativeInt(options, "warmup");
        long persons = Long.parseLong(options.get("persons"));
        long seed = Long.parseLong(options.get("seed"));
        if (persons <= 0) {
            throw new IllegalArgumentException("--persons must be positive");
        }

        LocalDate tom = LocalDate.now(SWEDEN);
        LocalDate from = tom.minusYears(2).plusDays(1);
        String gbiHead = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:gbi=\"urn:se:lefi:online:GetBenefitInformationResponder:1\" xmlns:core=\"urn:se:lefi:online:core:1\">"
                + "<soapenv:Body><gbi:GetBenefitInformation><gbi:personId>";
        String gbiTail = "</gbi:personId>"
                + "<gbi:period><core:from>" + from + "</core:from><core:tom>" + tom + "</core:tom></gbi:period>"
                + "<gbi:informationType>SJP</gbi:informationType><gbi:informationType>FP</gbi:informationType>"
                + "<gbi:informationType>SGI</gbi:informationType>"
                + "<gbi:purpose>COORDINATION_OF_COMPENSATION</gbi:purpose>"
                + "</gbi:GetBenefitInformation></soapenv:Body></soapenv:Envelope>";

        Runtime runtime = Runtime.getRuntime();
        System.out.println("LEFI Online benchmark");
        System.out.printf(Locale.ROOT, "  date        %s%n",
                ZonedDateTime.now(SWEDEN).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT)));
        System.out.printf(Locale.ROOT, "  machine     %d cores (availableProcessors), client max heap %d MiB, Java %s (%s), %s %s%n",
                runtime.availableProcessors(), runtime.maxMemory() / (1024 * 1024), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"));
        System.out.printf(Locale.ROOT, "  url         %s as %s (pki %s)%n", url, alias, pki);
        System.out.printf(Locale.ROOT, "  load        %d threads, closed loop, HTTP/1.1 keep-alive; warm-up %d s, measured %d s per scenario;"
                + " request timeout %d s%n", threads, warmup, seconds, REQUEST_TIMEOUT.toSeconds());
        System.out.printf(Locale.ROOT, "  persons     %d in the register, seed %d; period %s..%s, SJP FP SGI, COORDINATION_OF_COMPENSATION%n",
                persons, seed, from, tom);
        System.out.println();

        System.setProperty("lefi.pki.dir", pki);
        CountingSslContext ssl = new CountingSslContext(LefiServer.sslContext(alias));
        HttpClient client = HttpClient.newBuilder()
                .sslContext(ssl)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();

        HttpRequest ping = soapRequest(url, PING_ACTION, PING_ENVELOPE);
        Function<SplittableRandom, HttpRequest> pingRequests = random -> ping;
        Function<SplittableRandom, HttpRequest> gbiRequests = random -> {
            String person = SyntheticRegister.personId(random.nextLong(persons));
            return soapRequest(url, GBI_ACTION, gbiHead + person + gbiTail);
        };

        // Both code paths are compiled and the pools filled before either is measured; otherwise the
        // scenario measured first pays for the server's warm-up.
        System.out.println("Server warm-up round (not reported):");
        run("Ping", client, ssl, threads, 0, Math.max(warmup, 1), seed, pingRequests);
        run("GetBenefitInformation", client, ssl, threads, 0, Math.max(warmup, 1), seed + 1, gbiRequests);
        System.out.println();

        String profilePid = options.get("profile-pid");
        if (!profilePid.isEmpty()) {
            jcmd(profilePid, "JFR.configure", "stackdepth=" + ProfileLayers.STACK_DEPTH);
            jcmd(profilePid, "JFR.start", "name=lefi-bench", "settings=profile");
        }
        Result pingResult = run("Ping", client, ssl, threads, warmup, seconds, seed, pingRequests);
        pingResult.print();
        Result gbiResult = run("GetBenefitInformation", client, ssl, threads, warmup, seconds, seed, gbiRequests);
        gbiResult.print();
        if (!profilePid.isEmpty()) {
            jcmd(profilePid, "JFR.stop", "name=lefi-bench", "filename=" + Path.of(options.get("profile-file")).toAbsolutePath());
        }

        double ratio = pingResult.throughput() == 0 ? 0 : gbiResult.throughput() / pingResult.throughput();
        System.out.printf(Locale.ROOT, "Throughput ratio GetBenefitInformation / Ping: %.3f%n", ratio);
        System.out.printf(Locale.ROOT, "GetBenefitInformation at %.1f%% of Ping throughput (aim: >= 50%%)%n", ratio * 100);
        // The HttpClient's threads and the bench threads are daemons: main returning ends the JVM.
        System.out.flush();
    }

    /** One scenario: warm-up, then the measured window; every thread sends back-to-back. */
    private static Result run(String name, HttpClient client, CountingSslContext ssl, int threads, int warmupSeconds,
                              int measuredSeconds, long seed, Function<SplittableRandom, HttpRequest> factory)
            throws InterruptedException {
        System.out.printf(Locale.ROOT, "%s: warm-up %d s, then %d s measured ...%n", name, warmupSeconds, measuredSeconds);
        int connectionsBefore = ssl.engines.get();
        long start = System.nanoTime() + 50_000_000L; // every thread gets going before the clock starts
        long measureStart = start + warmupSeconds * 1_000_000_000L;
        long measureEnd = measureStart + measuredSeconds * 1_000_000_000L;
        SplittableRandom root = new SplittableRandom(seed);
        List<Worker> workers = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            Worker worker = new Worker(client, factory, root.split(), start, measureStart, measureEnd, done);
            workers.add(worker);
            Thread thread = new Thread(worker, "bench-" + name + "-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();

        Result result = new Result(name, measuredSeconds, new Histogram(3), new TreeMap<>());
        for (Worker worker : workers) {
            result.latency.add(worker.latency);
            result.requests += worker.requests;
            result.errors += worker.errors;
            result.warmupRequests += worker.warmupRequests;
            result.warmupErrors += worker.warmupErrors;
            result.lateRequests += worker.lateRequests;
            result.lateErrors += worker.lateErrors;
            worker.errorKinds.forEach((kind, count) -> result.errorKinds.merge(kind, count, Long::sum));
            if (result.errorSample == null) {
                result.errorSample = worker.errorSample;
            }
        }
        result.newConnections = ssl.engines.get() - connectionsBefore;
        return result;
    }

    /**
     * One client thread: closed loop until the measured window ends. A request counts in the phase
     * in which its answer (or error) arrives: warm-up, the measured window, or late (after the window,
     * while the thread waits for its last answer).
     */
    private static final class Worker implements Runnable {
        final Histogram latency = new Histogram(3);
        final Map<String, Long> errorKinds = new LinkedHashMap<>();
        private final HttpClient client;
        private final Function<SplittableRandom, HttpRequest> factory;
        private final SplittableRandom random;
        private final long start;
        private final long measureStart;
        private final long measureEnd;
        private final CountDownLatch done;
        long requests;
        long errors;
        long warmupRequests;
        long warmupErrors;
        long lateRequests;
        long lateErrors;
        String errorSample;

        Worker(HttpClient client, Function<SplittableRandom, HttpRequest> factory, SplittableRandom random, long start,
               long measureStart, long measureEnd, CountDownLatch done) {
            this.client = client;
            this.factory = factory;
            this.random = random;
            this.start = start;
            this.measureStart = measureStart;
            this.measureEnd = measureEnd;
            this.done = done;
        }

        @Override
        public void run() {
            try {
                while (System.nanoTime() < start) {
                    Thread.onSpinWait();
                }
                for (long sent = System.nanoTime(); sent < measureEnd; sent = System.nanoTime()) {
                    HttpRequest request = factory.apply(random);
                    String error;
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        error = response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
                        if (error != null && errorSample == null) {
                            errorSample = error + ": " + abbreviate(new String(response.body(), StandardCharsets.UTF_8));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        error = e.getClass().getSimpleName();
                        if (errorSample == null) {
                            errorSample = e + (e.getCause() == null ? "" : " (cause: " + e.getCause() + ")");
                        }
                    }
                    long received = System.nanoTime();
                    if (error != null) {
                        errorKinds.merge(error, 1L, Long::sum);
                    }
                    if (received < measureStart) {
                        warmupRequests++;
                        warmupErrors += error == null ? 0 : 1;
                    } else if (received > measureEnd) {
                        lateRequests++;
                        lateErrors += error == null ? 0 : 1;
                    } else {
                        requests++;
                        if (error == null) {
                            latency.recordValue(received - sent);
                        } else {
                            errors++;
                        }
                    }
                }
            } finally {
                done.countDown();
            }
        }
    }

    /** The figures of one scenario, summed over the threads. */
    private static final class Result {
        final String name;
        final int measuredSeconds;
        final Histogram latency;
        final Map<String, Long> errorKinds;
        long requests;
        long errors;
        long warmupRequests;
        long warmupErrors;
        long lateRequests;
        long lateErrors;
        int newConnections;
        String errorSample;

        Result(String name, int measuredSeconds, Histogram latency, Map<String, Long> errorKinds) {
            this.name = name;
            this.measuredSeconds = measuredSeconds;
            this.latency = latency;
            this.errorKinds = errorKinds;
        }

        /** Successful answers per second of the measured window. */
        double throughput() {
            return (requests - errors) / (double) measuredSeconds;
        }

        void print() {
            System.out.printf(Locale.ROOT, "  requests    %d answered in the %d s window (warm-up %d, after the window %d); new TLS connections %d%n",
                    requests, measuredSeconds, warmupRequests, lateRequests, newConnections);
            System.out.printf(Locale.ROOT, "  errors      %d in the window (warm-up %d, after the window %d)%s%n", errors, warmupErrors,
                    lateErrors, errorKinds.isEmpty() ? "" : "  " + errorKinds);
            if (errorSample != null) {
                System.out.println("  first error " + errorSample);
            }
            System.out.printf(Locale.ROOT, "  throughput  %.1f req/s (successful answers in the window)%n", throughput());
            if (latency.getTotalCount() > 0) {
                System.out.printf(Locale.ROOT, "  latency ms  p50 %.2f   p90 %.2f   p99 %.2f   max %.2f   (successful answers)%n",
                        ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(90)),
                        ms(latency.getValueAtPercentile(99)), ms(latency.getMaxValue()));
            } else {
                System.out.println("  latency ms  no successful answer");
            }
            System.out.println();
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    /**
     * The dev-PKI context, counting the engines it makes: the HTTP client makes one per new
     * connection, so the count shows whether keep-alive holds.
     */
    private static final class CountingSslContext extends SSLContext {
        final AtomicInteger engines;

        CountingSslContext(SSLContext delegate) {
            this(delegate, new AtomicInteger());
        }

        private CountingSslContext(SSLContext delegate, AtomicInteger engines) {
            super(new Spi(delegate, engines), delegate.getProvider(), delegate.getProtocol());
            this.engines = engines;
        }

        private static final class Spi extends SSLContextSpi {
            private final SSLContext delegate;
            private final AtomicInteger engines;

            Spi(SSLContext delegate, AtomicInteger engines) {
                this.delegate = delegate;
                this.engines = engines;
            }

            @Override
            protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) throws KeyManagementException {
                throw new KeyManagementException("already initialised");
            }

            @Override
            protected SSLSocketFactory engineGetSocketFactory() {
                return delegate.getSocketFactory();
            }

            @Override
            protected SSLServerSocketFactory engineGetServerSocketFactory() {
                return delegate.getServerSocketFactory();
            }

            @Override
            protected SSLEngine engineCreateSSLEngine() {
                engines.incrementAndGet();
                return delegate.createSSLEngine();
            }

            @Override
            protected SSLEngine engineCreateSSLEngine(String host, int port) {
                engines.incrementAndGet();
                return delegate.createSSLEngine(host, port);
            }

            @Override
            protected SSLSessionContext engineGetServerSessionContext() {
                return delegate.getServerSessionContext();
            }

            @Override
            protected SSLSessionContext engineGetClientSessionContext() {
                return delegate.getClientSessionContext();
            }

            @Override
            protected SSLParameters engineGetDefaultSSLParameters() {
                return delegate.getDefaultSSLParameters();
            }

            @Override
            protected SSLParameters engineGetSupportedSSLParameters() {
                return delegate.getSupportedSSLParameters();
            }
        }
    }

    private static HttpRequest soapRequest(URI url, String soapAction, String envelope) {
        return HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", soapAction)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= SAMPLE_CHARS ? flat : flat.substring(0, SAMPLE_CHARS) + "...";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("url", "https://localhost:8181/lefi/ws/LefiOnline");
        options.put("pki", "var/pki");
        options.put("alias", "insurer");
        options.put("threads", "8");
        options.put("seconds", "20");
        options.put("warmup", "5");
        options.put("persons", "1000000");
        options.put("seed", "1");
        options.put("profile-pid", "");
        options.put("profile-file", "");
        return BenchOptions.parse("LefiBench", options, args);
    }

    /** Runs the JDK's jcmd against the server's process; its answer goes to stderr, a failure is fatal. */
    private static void jcmd(String pid, String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line = new ArrayList<>(List.of(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", pid));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        System.err.println("[lefi] " + String.join(" ", line) + ": " + output.replaceAll("\\s+", " "));
        if (process.waitFor() != 0 || output.contains("Exception")) {
            throw new IllegalStateException("jcmd failed: " + output);
        }
    }

    private static int positiveInt(Map<String, String> options, String name) {
        int value = Integer.parseInt(options.get(name));
        if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return value;
    }

    private static int nonNegativeInt(Map<String, String> options, String name) {
        int value = Integer.parseInt(options.get(name));
        if (value < 0) {
            throw new IllegalArgumentException("--" + name + " must not be negative");
        }
        return value;
    }
}
