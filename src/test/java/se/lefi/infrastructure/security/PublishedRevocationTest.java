package se.lefi.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.lefi.dev.pki.DevPki;
import se.lefi.dev.pki.RevocationPublisher;
import se.lefi.infrastructure.security.CertificateRevocation.Status;

/**
 * Revocation published where the certificate says, asked over real HTTP of a responder the test plays
 * with the dev CA's key: OCSP and CRL distribution points, each answer and each way one can be untrustworthy.
 */
class PublishedRevocationTest {
    @TempDir
    static Path dir;

    static DevPki ca;
    static DevPki impostor;
    static RevocationPublisher publisher;
    int serial;

    @BeforeAll
    static void start() throws Exception {
        ca = DevPki.open(dir.resolve("ca"));
        impostor = DevPki.open(Files.createDirectories(dir.resolve("impostor"))); // same name as the dev CA, another key
        publisher = new RevocationPublisher(ca);
        PublishedRevocation.configure(new PublishedRevocation.Settings(true, true, Duration.ofSeconds(5), Duration.ofSeconds(60)));
        CertificateRevocation.install(new CertificateRevocation.Lists(List.of(), List.of(ca.caCertificate()), Instant.now()), true);
    }

    @AfterEach
    void honest() {
        publisher.fail(false);
        publisher.forgeWith(null);
    }

    @AfterAll
    static void stop() {
        publisher.close();
        CertificateRevocation.install(CertificateRevocation.Lists.NONE, true);
        PublishedRevocation.configure(PublishedRevocation.Settings.OFF);
    }

    @Test
    void aGoodAnswerFromTheResponderIsGoodAndIsKept() throws Exception {
        X509Certificate certificate = issue(null, publisher.ocspUri());
        int before = publisher.ocspRequests();
        assertEquals(Status.GOOD, status(certificate));
        assertEquals(Status.GOOD, status(certificate));
        assertEquals(before + 1, publisher.ocspRequests(), "the second request is answered from what was kept");
    }

    @Test
    void aRevokedAnswerFromTheResponderIsRevoked() throws Exception {
        X509Certificate certificate = issue(null, publisher.ocspUri());
        publisher.revokeAtResponder(certificate.getSerialNumber());
        assertEquals(Status.REVOKED, status(certificate));
    }

    @Test
    void aResponderRevocationOverridesAConfiguredListThatSaysGood() throws Exception {
        X509Certificate certificate = issue(null, publisher.ocspUri());
        publisher.revokeAtResponder(certificate.getSerialNumber());
        CertificateRevocation.install(new CertificateRevocation.Lists(List.of(ca.crl(List.of())), List.of(ca.caCertificate()), Instant.now()), true);
        try {
            assertEquals(Status.REVOKED, status(certificate));
        } finally {
            CertificateRevocation.install(new CertificateRevocation.Lists(List.of(), List.of(ca.caCertificate()), Instant.now()), true);
        }
    }

    @Test
    void anAnswerSignedByAnotherKeyCountsForNothing() throws Exception {
        X509Certificate certificate = issue(null, publisher.ocspUri());
        publisher.forgeWith(impostor);
        int before = publisher.ocspRequests();
        assertEquals(Status.UNKNOWN, status(certificate));
        assertEquals(before + 1, publisher.ocspRequests(), "the responder was asked, and its answer refused");
    }

    @Test
    void aResponderThatIsDownIsUnknownAndNotAskedAgainAtOnce() throws Exception {
        X509Certificate certificate = issue(null, publisher.ocspUri());
        publisher.fail(true);
        int before = publisher.ocspRequests();
        assertEquals(Status.UNKNOWN, status(certificate));
        assertEquals(Status.UNKNOWN, status(certificate));
        assertEquals(before + 1, publisher.ocspRequests());
    }

    @Test
    void aCertificateNamingNoSourceIsUnknown() throws Exception {
        assertEquals(Status.UNKNOWN, status(issue(null, null)));
    }

    @Test
    void aDistributionPointsListRevokingTheCertificateIsRevoked() throws Exception {
        String name = "revoking.crl";
        X509Certificate certificate = issue(publisher.crlUri(name), null);
        publisher.publishCrl(name, ca.crl(List.of(BigInteger.ONE, certificate.getSerialNumber())));
        assertEquals(Status.REVOKED, status(certificate));
        assertEquals(1, publisher.crlRequests(name));
    }

    @Test
    void aDistributionPointsListNotNamingTheCertificateIsGoodAndIsKept() throws Exception {
        String name = "current.crl";
        X509Certificate certificate = issue(publisher.crlUri(name), null);
        publisher.publishCrl(name, ca.crl(List.of(BigInteger.ONE)));
        assertEquals(Status.GOOD, status(certificate));
        assertEquals(Status.GOOD, status(issue(publisher.crlUri(name), null)));
        assertEquals(1, publisher.crlRequests(name), "one fetch serves every certificate that names the point");
    }

    @Test
    void aDistributionPointsListSignedByAnotherKeyCountsForNothing() throws Exception {
        String name = "forged.crl";
        X509Certificate certificate = issue(publisher.crlUri(name), null);
        publisher.publishCrl(name, impostor.crl(List.of()));
        assertEquals(Status.UNKNOWN, status(certificate));
    }

    private X509Certificate issue(URI crl, URI ocsp) throws Exception {
        String alias = "published-" + (++serial) + "-" + System.nanoTime();
        return (X509Certificate) ca.issueClient(alias, DevPki.organisationSubject("Spärrtestet AB", "5569000192"), dir.resolve("ca"), crl, ocsp)
                .getCertificate(alias);
    }

    private static Status status(X509Certificate certificate) {
        return CertificateRevocation.status(new X509Certificate[] {certificate, ca.caCertificate()}, Instant.now());
    }
}
