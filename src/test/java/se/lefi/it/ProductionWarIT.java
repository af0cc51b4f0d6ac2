package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The product, target/lefi.war, as a production deployment gets it: no development tooling inside, and
 * demo data that no setting can switch on. The other integration tests run the development WAR; this one
 * boots the product on a Payara Micro of its own, with an empty database and {@code lefi.demo.enabled=true}.
 */
class ProductionWarIT {
    private static final String DEV_CLASSES = "WEB-INF/classes/se/lefi/dev/";
    /** The operator of config/lefi.properties, whose certificate is the dev PKI's admin.p12. */
    private static final String OPERATOR = "2021009994";

    @Test
    void theProductHoldsNoDevelopmentTooling() throws IOException {
        List<String> product = entries(Path.of(System.getProperty("lefi.productionWar", "target/lefi.war")));
        List<String> development = entries(Path.of(System.getProperty("lefi.war", "target/lefi-dev.war")));
        // What the product must lack is in the development WAR under these names, so the check looks in the right place.
        for (String tool : List.of("demo/DemoData.class", "demo/DemoSeeder.class", "pki/DevPki.class", "pki/DevOcspResponder.class",
                "register/SyntheticRegister.class", "register/SyntheticChanges.class", "register/RegisterBulkLoader.class",
                "rest/SyntheticChangesResource.class")) {
            assertTrue(development.contains(DEV_CLASSES + tool), "the development WAR holds " + tool);
        }
        List<String> leaked = product.stream().filter(e -> e.startsWith(DEV_CLASSES)
                || e.matches("WEB-INF/classes/.*/(Demo|Synthetic|DevPki|DevOcsp)[^/]*\\.class")).toList();
        assertEquals(List.of(), leaked, "development tooling in the product's WAR");
        assertTrue(product.contains("WEB-INF/classes/se/lefi/interfaces/rest/RestApplication.class"), "the product is a lefi WAR");
        List<String> productOnly = new ArrayList<>(development);
        productOnly.removeIf(e -> e.startsWith(DEV_CLASSES));
        Collections.sort(productOnly);
        List<String> sortedProduct = new ArrayList<>(product);
        Collections.sort(sortedProduct);
        assertEquals(productOnly, sortedProduct, "the two WARs differ by src/dev alone");
    }

    @Test
    void demoDataCannotBeSwitchedOnInTheProduct() throws Exception {
        Path work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "lefi-production-");
        Path log = Path.of("target", "payara-production.log").toAbsolutePath();
        int port = freePort();
        Path pki = LefiServer.pki().toAbsolutePath();
        Path project = LefiServer.projectDir().toAbsolutePath();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djavax.net.ssl.keyStore=" + pki.resolve("server-keystore.p12"), "-Djavax.net.ssl.keyStorePassword=changeit",
                "-Djavax.net.ssl.trustStore=" + pki.resolve("truststore.p12"), "-Djavax.net.ssl.trustStorePassword=changeit",
                "-Dlefi.config.dir=" + project.resolve("config"),
                // Payara's asadmin reads the pool's URL property with ':' and '=' escaped.
                "-Dlefi.database.h2.url=" + ("jdbc:h2:" + work.resolve("lefi") + ";WRITE_DELAY=0").replace(":", "\\:").replace("=", "\\="),
                "-Dlefi.revocation.crl=" + pki.resolve("ca.crl.pem"),
                "-Dlefi.demo.enabled=true",
                "-jar", Path.of(System.getProperty("payara.microJar", "target/payara-micro/payara-micro.jar")).toAbsolutePath().toString(),
                "--deploy", Path.of(System.getProperty("lefi.productionWar", "target/lefi.war")).toAbsolutePath().toString(),
                "--contextroot", "lefi", "--sslport", Integer.toString(port), "--sslcert", "server", "--nocluster",
                "--prebootcommandfile", project.resolve("config/pre-boot.asadmin").toString(),
                "--postbootcommandfile", project.resolve("config/database-h2.asadmin").toString(),
                "--systemproperties", project.resolve("config/lefi.properties").toString());
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient admin = LefiServer.httpClient("admin");
            String base = "https://localhost:" + port;
            awaitReady(server, admin, URI.create(base + "/health/ready"), log);

            HttpResponse<String> organisations = admin.send(HttpRequest.newBuilder(URI.create(base + "/lefi/api/admin/organisations"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, organisations.statusCode(), organisations.body());
            JsonArray listed = Json.createReader(new StringReader(organisations.body())).readArray();
            assertEquals(1, listed.size(), "only the operator, no demo parties: " + organisations.body());
            JsonObject operator = listed.getJsonObject(0);
            assertEquals(OPERATOR, operator.getString("organisationNumber"));
            assertEquals("AGENCY", operator.getString("kind"));
            assertEquals("OPERATOR", operator.getString("state"), "the agency operates the service; it awaits no agreement");

            HttpResponse<String> synthetic = admin.send(HttpRequest.newBuilder(
                            URI.create(base + "/lefi/api/admin/register/synthetic-changes?count=1"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, synthetic.statusCode(), "the product has no synthetic change stream: " + synthetic.body());
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void awaitReady(Process server, HttpClient client, URI ready, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                fail("Payara Micro with the product's WAR stopped during start-up (exit " + server.exitValue() + "); see " + log);
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Payara opens the port when it has booted.
            }
            Thread.sleep(1000);
        }
        fail("the product's WAR was not ready within 4 minutes; see " + log);
    }

    private static List<String> entries(Path war) throws IOException {
        try (ZipFile zip = new ZipFile(war.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
