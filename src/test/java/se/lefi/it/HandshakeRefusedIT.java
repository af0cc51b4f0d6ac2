package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mutual TLS is enforced by the listener: without a certificate from the trusted CA there is no
 * HTTP exchange at all. The control case shows the same request succeeds with a good certificate,
 * and that it is served over HTTP/1.1 even to a client that prefers HTTP/2.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandshakeRefusedIT {
    private static final HttpRequest WSDL = HttpRequest.newBuilder(LefiServer.uri("/ws/LefiOnline?wsdl")).build();

    @Test
    void withoutClientCertificate() {
        assertThrows(IOException.class,
                () -> LefiServer.httpClient(null).send(WSDL, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void withCertificateFromUntrustedCa() {
        assertThrows(IOException.class,
                () -> LefiServer.httpClient("untrusted-client").send(WSDL, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void withTrustedCertificate() throws Exception {
        assertEquals(200, LefiServer.httpClient("insurer").send(WSDL, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    /**
     * A client that prefers HTTP/2 (the JDK's and CXF 4's default) is answered over HTTP/1.1: the listener
     * offers no HTTP/2, whose shared TLS connections once gave a record that did not decrypt (config/pre-boot.asadmin).
     */
    @Test
    void aClientPreferringHttp2IsAnsweredOverHttp11() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().sslContext(LefiServer.sslContext("insurer"))
                .version(HttpClient.Version.HTTP_2).build().send(WSDL, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals(HttpClient.Version.HTTP_1_1, response.version());
    }
}
