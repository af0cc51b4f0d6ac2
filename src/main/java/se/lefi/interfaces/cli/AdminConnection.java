package se.lefi.interfaces.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.StringJoiner;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The admin API of a running server, as the administrator: mutual TLS with the administrator's PKCS#12
 * and the dev PKI's trust store, JSON bodies written by JSON-B from the API's own request types. Answers
 * are printed as the server sent them; a refusal also names its code and message, and fails the command.
 */
public final class AdminConnection {
    private static final Jsonb JSON = JsonbBuilder.create();

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:LEFI_URL}",
            description = "the server (LEFI_URL; default https://localhost:$LEFI_HTTPS_PORT/lefi, port 8181)")
    String url;

    @Option(names = "--pki", paramLabel = "DIR", defaultValue = "${env:LEFI_PKI_DIR:-var/pki}",
            description = "the dev PKI: truststore.p12 and the administrator's certificate (LEFI_PKI_DIR, default var/pki)")
    Path pki;

    @Option(names = "--cert", paramLabel = "PATH", defaultValue = "${env:LEFI_ADMIN_CERT}",
            description = "the administrator's certificate without .p12 (LEFI_ADMIN_CERT, default the PKI's admin)")
    String certificate;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:LEFI_PKI_PASSWORD:-changeit}",
            description = "the password of the PKCS#12 files (LEFI_PKI_PASSWORD, default the dev PKI's changeit)")
    String password;

    private HttpClient client;

    /** The request failed on the server's word: the command exits 1 with the code and message. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    void printUsage() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public String get(String path) throws IOException, InterruptedException, Refused {
        return text(send(HttpRequest.newBuilder(uri(path)).GET()));
    }

    public String send(String method, String path, Object body) throws IOException, InterruptedException, Refused {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.toJson(body));
        return text(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").method(method, publisher)));
    }

    public String sendFile(String path, String contentType, Path file) throws IOException, InterruptedException, Refused {
        return text(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(file))));
    }

    /** Writes the answer (a PDF, an archive) to {@code file}: a POST of {@code body} when given, else a GET. */
    public void download(String path, Object body, Path file) throws IOException, InterruptedException, Refused {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.toJson(body)));
        }
        HttpResponse<byte[]> response = send(request);
        Files.write(file, response.body());
        spec.commandLine().getErr().println("[lefi] wrote " + file);
    }

    /** {@code ?key=value&...} from {@code key=value} filters, each value encoded; empty without filters. */
    public static String query(List<String> filters) {
        if (filters == null || filters.isEmpty()) {
            return "";
        }
        StringJoiner query = new StringJoiner("&", "?", "");
        for (String filter : filters) {
            int equals = filter.indexOf('=');
            String key = equals < 0 ? filter : filter.substring(0, equals);
            String value = equals < 0 ? "" : filter.substring(equals + 1);
            query.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private String text(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        PrintWriter out = spec.commandLine().getOut();
        out.print(body.endsWith("\n") ? body : body + "\n");
        out.flush();
        return body;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException, Refused {
        HttpResponse<byte[]> response = client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            // As before: the refusal's body on standard output, for scripts that read it.
            spec.commandLine().getOut().println(body);
            spec.commandLine().getOut().flush();
            throw new Refused(refusal(response.statusCode(), body));
        }
        return response;
    }

    /** "the server answered 409 NOT_REGISTERED: No organisation has that number." */
    static String refusal(int status, String body) {
        String problem = "";
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject json = reader.readObject();
            problem = " " + json.getString("code", "") + ": " + json.getString("detail", "");
        } catch (RuntimeException notAProblem) {
            // Not a problem-details body (a proxy's page, an empty 404): the status says it all.
        }
        return "the server answered " + status + problem;
    }

    private URI uri(String path) {
        String base = url != null && !url.isBlank() ? url
                : "https://localhost:" + System.getenv().getOrDefault("LEFI_HTTPS_PORT", "8181") + "/lefi";
        return URI.create(base + "/api/admin" + path);
    }

    private HttpClient client() throws IOException {
        if (client == null) {
            Path admin = certificate != null && !certificate.isBlank() ? Path.of(certificate) : pki.resolve("admin");
            try {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(pki.resolve("truststore.p12")));
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(Path.of(admin + ".p12")), password.toCharArray());
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
                // The listener speaks HTTP/1.1 only (README: HTTP/1.1 only).
                client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot use the certificates in " + pki + ": " + e.getMessage(), e);
            }
        }
        return client;
    }

    private KeyStore load(Path p12) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
