package se.lefi.infrastructure.security;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import java.time.Instant;
import se.lefi.domain.access.Caller;
import se.lefi.domain.shared.RefusalCode;

/**
 * Reads the caller from a TLS client certificate. Swedish organisation certificates carry the
 * organisationsnummer in the subject's serialNumber attribute (OID 2.5.4.5).
 */
public final class ClientCertificates {
    /** The servlet request attribute where the container puts the verified client chain. */
    public static final String REQUEST_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private ClientCertificates() {
    }

    /** A certificate's fingerprint and subject serialNumber, worked out once: each request on a TLS session presents the same one. */
    private record Identity(String fingerprint, String subjectSerialNumber) {
    }

    private static final int MAX_IDENTITIES = 10_000;
    // Certificate caches its hashCode, and equals compares identity first: a cheap key.
    private static final Map<X509Certificate, Identity> IDENTITIES = new ConcurrentHashMap<>();

    public static Caller caller(Object requestAttribute) {
        if (!(requestAttribute instanceof X509Certificate[] chain) || chain.length == 0) {
            return Caller.withoutCertificate();
        }
        X509Certificate certificate = chain[0];
        Identity identity = IDENTITIES.get(certificate);
        if (identity == null) {
            if (IDENTITIES.size() >= MAX_IDENTITIES) {
                IDENTITIES.clear();
            }
            identity = new Identity(fingerprint(certificate), subjectSerialNumber(certificate));
            IDENTITIES.put(certificate, identity);
        }
        // Revocation is asked at every request: its sources change while a session lasts.
        Caller caller = new Caller(identity.fingerprint(), identity.subjectSerialNumber());
        return switch (CertificateRevocation.status(chain, Instant.now())) {
            case GOOD -> caller;
            case REVOKED -> caller.withCertificateRefusal(RefusalCode.CERTIFICATE_REVOKED);
            case UNKNOWN -> CertificateRevocation.refusesUnknown() ? caller.withCertificateRefusal(RefusalCode.CERTIFICATE_STATUS_UNKNOWN) : caller;
        };
    }

    /** SHA-256 over the DER encoding, lower-case hex: how certificates are bound and audited. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /** The subject's serialNumber attribute, or null when there is not exactly one. */
    public static String subjectSerialNumber(X509Certificate certificate) {
        RDN[] serialNumbers = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.SERIALNUMBER);
        if (serialNumbers.length != 1 || serialNumbers[0].isMultiValued()) {
            return null;
        }
        return IETFUtils.valueToString(serialNumbers[0].getFirst().getValue());
    }

    /** One X.509 certificate from PEM (or DER) bytes; empty when it is not one. */
    public static Optional<X509Certificate> parse(String pem) {
        if (pem == null || pem.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII))));
        } catch (CertificateException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the TLS listener would accept the certificate as a client: a chain to a CA in the
     * JVM's trust store (javax.net.ssl.trustStore), which is the one the listener uses.
     */
    public static boolean isTrustedClient(X509Certificate certificate) {
        try {
            listenerTrust().checkClientTrusted(new X509Certificate[] {certificate}, certificate.getPublicKey().getAlgorithm());
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }

    /** The JVM's trust store (javax.net.ssl.trustStore), which is the one the TLS listener uses. */
    static X509TrustManager listenerTrust() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return (X509TrustManager) Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no X.509 trust manager"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the trust store", e);
        }
    }
}
