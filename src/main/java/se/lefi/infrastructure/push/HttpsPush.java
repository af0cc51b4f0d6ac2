package se.lefi.infrastructure.push;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.lefi.domain.subscription.NotificationPush;

/**
 * Push delivery over HTTPS to the organisation's own endpoint, with mutual TLS: the JVM's default TLS
 * context presents the server's certificate. A 2xx is taken; any other status, or no answer within
 * {@code lefi.push.timeoutSeconds}, is a failure the caller retries.
 */
@ApplicationScoped
public class HttpsPush implements NotificationPush {
    @Inject
    @ConfigProperty(name = "lefi.push.timeoutSeconds", defaultValue = "10")
    long timeoutSeconds;

    private HttpClient client;

    @PostConstruct
    void start() {
        try {
            client = HttpClient.newBuilder().sslContext(SSLContext.getDefault())
                    .connectTimeout(timeout()).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS for push delivery", e);
        }
    }

    @Override
    public Optional<String> send(String endpoint, String body) throws InterruptedException {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(endpoint))
                    .timeout(timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + response.statusCode());
        } catch (IOException e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }
}
