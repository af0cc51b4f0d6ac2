package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.contract.core.v1.FaultCode;
import se.lefi.contract.lefionline.v1.LefiFault;
import se.lefi.contract.ping.v1.PingType;
import se.lefi.dev.pki.DevPki;
import se.lefi.dev.pki.RevocationPublisher;

/**
 * Revocation that a certificate says where to find, as real organisation certificates do, published by
 * a responder this test plays over HTTP with the dev CA's key. The certificates are revoked only there,
 * never in the CA's list the server is configured with, so only the server's own asking can refuse them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublishedRevocationIT {
    private static final String ORGANISATION = "5569000200";
    private static final String NAME = "Publicerad Spärr Försäkring AB";
    private static RevocationPublisher publisher;

    @Test
    void aCertificateItsOcspResponderSaysIsGoodIsAnswered() throws Exception {
        String alias = issue(null, publisher().ocspUri());
        int asked = publisher.ocspRequests();
        LefiServer.lefiOnline(alias).ping(new PingType());
        assertEquals(asked + 1, publisher.ocspRequests(), "the server asked the responder the certificate names");
    }

    @Test
    void aCertificateItsOcspResponderSaysIsRevokedIsRefusedAndAudited() throws Exception {
        String alias = issue(null, publisher().ocspUri());
        publisher.revokeAtResponder(serial(alias));
        LefiFault fault = assertThrows(LefiFault.class, () -> LefiServer.lefiOnline(alias).ping(new PingType()));
        assertEquals(FaultCode.CERTIFICATE_REVOKED, fault.getFaultInfo().getCode());
        JsonObject audit = AdminApi.auditRecord(fault.getFaultInfo().getRequestId());
        assertEquals("CERTIFICATE_REVOKED", audit.getString("outcome"));
        assertEquals(ORGANISATION, audit.getString("organisationNumber"));
    }

    @Test
    void aCertificateRevokedAtItsDistributionPointIsRefused() throws Exception {
        String list = "distribution-point-" + System.nanoTime() + ".crl";
        String alias = issue(publisher().crlUri(list), null);
        DevPki ca = DevPki.open(LefiServer.pki());
        publisher.publishCrl(list, ca.crl(List.of(serial(alias))));
        LefiFault fault = assertThrows(LefiFault.class, () -> LefiServer.lefiOnline(alias).ping(new PingType()));
        assertEquals(FaultCode.CERTIFICATE_REVOKED, fault.getFaultInfo().getCode());
        // At least once: the test server refreshes the lists it knows every 5 seconds.
        assertTrue(publisher.crlRequests(list) >= 1, "the server fetched the list at the certificate's distribution point");
    }

    @AfterAll
    static void stop() {
        if (publisher != null) {
            publisher.close();
        }
    }

    /** The responder, and the organisation the certificates name, connected once for the class. */
    private static RevocationPublisher publisher() throws Exception {
        if (publisher == null) {
            AdminApi.connect(ORGANISATION, NAME, "INSURER", "\"SYSTEM_TO_SYSTEM\"", "\"COORDINATION_OF_COMPENSATION\"", "\"SJP\"");
            publisher = new RevocationPublisher(DevPki.open(LefiServer.pki()));
        }
        return publisher;
    }

    private static String issue(URI crl, URI ocsp) throws Exception {
        String alias = "published-" + System.nanoTime();
        DevPki.open(LefiServer.pki()).issueClient(alias, DevPki.organisationSubject(NAME, ORGANISATION), LefiServer.pki(), crl, ocsp);
        return alias;
    }

    private static BigInteger serial(String alias) throws Exception {
        return ((X509Certificate) LefiServer.keyStore(alias).getCertificate(alias)).getSerialNumber();
    }
}
