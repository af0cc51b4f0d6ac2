package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mutual TLS is enforced by the listener: without a certificate from the trusted CA there is no
 * HTTP exchange at all. The control case shows the same request succeeds with a good certificate.
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
}
