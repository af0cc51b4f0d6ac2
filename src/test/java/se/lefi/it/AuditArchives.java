package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import se.lefi.application.audit.ArchiveVerification;
import se.lefi.interfaces.cli.AuditArchiveVerifier;

/** The audit archive and the chains' verification, as an administrator uses them. */
final class AuditArchives {
    private AuditArchives() {
    }

    /** Exports the archive of [from, to) into {@code dir} through the admin API. */
    static Path export(Instant from, Instant to, Path dir) throws Exception {
        Path file = dir.resolve("archive-" + System.nanoTime() + ".zip");
        HttpResponse<Path> response = LefiServer.httpClient("admin").send(HttpRequest.newBuilder(
                        LefiServer.uri("/api/admin/audit/archive?from=" + from + "&to=" + to)).build(),
                HttpResponse.BodyHandlers.ofFile(file));
        assertEquals(200, response.statusCode(), () -> read(file));
        assertEquals("application/zip", response.headers().firstValue("Content-Type").orElse(""));
        return file;
    }

    /** The offline verifier against the dev CA. */
    static ArchiveVerification.Result verify(Path archive) throws Exception {
        try (InputStream in = Files.newInputStream(LefiServer.pki().resolve("ca.crt.pem"))) {
            return ArchiveVerification.verify(archive, (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
    }

    /** The online verification's answer (200 or 409). */
    static HttpResponse<String> onlineVerification() throws Exception {
        return AdminApi.get("admin", "/audit/verification");
    }

    /** Waits until the audit record of {@code requestId} is sealed; returns it. */
    static JsonObject sealedRecord(String requestId) throws Exception {
        return await(() -> AdminApi.auditRecord(requestId), AuditArchives::sealed, "audit record " + requestId + " sealed");
    }

    /** Waits until the newest administrator's action is sealed; returns it. */
    static JsonObject sealedLastAction() throws Exception {
        return await(() -> {
            HttpResponse<String> response = AdminApi.get("admin", "/actions?max=1");
            JsonArray actions = LefiServer.json("{\"a\":" + response.body() + "}").getJsonArray("a");
            return actions.getJsonObject(0);
        }, AuditArchives::sealed, "the newest admin action sealed");
    }

    private interface Read {
        JsonObject read() throws Exception;
    }

    private static JsonObject await(Read read, Predicate<JsonObject> done, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonObject value = read.read();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            value = read.read();
        }
        assertTrue(done.test(value), what);
        return value;
    }

    /** JSON-B leaves null fields out. */
    private static boolean sealed(JsonObject record) {
        return record.containsKey("sealId") && !record.isNull("sealId");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable)";
        }
    }
}
