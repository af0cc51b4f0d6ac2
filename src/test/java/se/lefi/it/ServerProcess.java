package se.lefi.it;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One server started by a harness: {@code bin/lefi serve} with the options given, as a child of this JVM.
 * It is ready when the database check of its {@code /health/ready} is UP (MicroProfile Health: the database
 * answers with the migrated schema), and it is stopped, or killed, by the process handles this JVM
 * holds: the launcher and its descendants, never a process found by name. The bench and cluster harnesses
 * use it.
 */
public final class ServerProcess implements AutoCloseable {
    private final String name;
    private final Process launcher;
    private final Path output;

    private ServerProcess(String name, Process launcher, Path output) {
        this.name = name;
        this.launcher = launcher;
        this.output = output;
    }

    /**
     * Starts {@code command} (bin/lefi serve ...), its output to {@code output}. It is stopped when this JVM
     * ends, however it ends, if not before.
     */
    public static ServerProcess start(String name, List<String> command, Path output) throws IOException {
        Files.createDirectories(output.getParent());
        Process launcher = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        ServerProcess server = new ServerProcess(name, launcher, output);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    /**
     * Waits until the {@code database} check of {@code https://localhost:PORT/health/ready} is UP: the database
     * answers with the migrated schema, so a server started after this one finds it ready. The service-hours
     * check is not waited for: it says whether questions are answered now, not whether the server has started.
     * Fails if the server stops first, or in time.
     */
    public void awaitReady(HttpClient client, int port, Duration timeout) throws IOException, InterruptedException {
        URI ready = URI.create("https://localhost:" + port + "/health/ready");
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up; see " + output);
            }
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (databaseUp(answer.body())) {
                    return;
                }
            } catch (IOException notYet) {
                // Nothing listens yet, or the listener is still starting.
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + output);
            }
            Thread.sleep(1000);
        }
    }

    private static boolean databaseUp(String health) {
        if (!health.startsWith("{")) {
            return false;
        }
        return LefiServer.json(health).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .anyMatch(check -> "database".equals(check.getString("name")) && "UP".equals(check.getString("status")));
    }

    /** The server's JVM: the descendant of the launcher that runs Payara Micro. */
    public ProcessHandle server() {
        Optional<ProcessHandle> payara = launcher.descendants()
                .filter(p -> p.info().commandLine().map(line -> line.contains("payara-micro")).orElse(false))
                .findFirst();
        return payara.orElseThrow(() -> new IllegalStateException("cannot find " + name + "'s Payara Micro among its launcher's processes"));
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops the launcher and every process it started (SIGTERM, then SIGKILL after 30 s). */
    private void stop() {
        List<ProcessHandle> all = new ArrayList<>(launcher.descendants().toList());
        all.forEach(ProcessHandle::destroy);
        launcher.destroy();
        all.add(launcher.toHandle());
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException stillRunning) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
