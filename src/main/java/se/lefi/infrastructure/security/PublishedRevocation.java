package se.lefi.infrastructure.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import se.lefi.infrastructure.security.CertificateRevocation.Status;

/**
 * Revocation where a client certificate says it is published, as Swedish organisation certificates do:
 * its OCSP responder (authorityInfoAccess, RFC 6960) and its CRL distribution points. Only http(s) is
 * followed. Every answer must be signed by the certificate's issuer (or, for OCSP, by a responder the
 * issuer delegated to); anything else says nothing. Answers are kept: OCSP ones for
 * {@code lefi.revocation.ocsp.cacheSeconds} or until their nextUpdate, whichever is sooner; a fetched CRL
 * until {@link RevocationLists} refreshes it. A source that does not answer is asked again only after
 * {@link #RETRY_AFTER}, so a responder that is down does not slow every request.
 */
final class PublishedRevocation {
    private static final Logger LOG = Logger.getLogger(PublishedRevocation.class.getName());
    static final Duration RETRY_AFTER = Duration.ofSeconds(15);
    private static final int MAX_OCSP_BYTES = 64 * 1024;
    static final int MAX_CRL_BYTES = 16 * 1024 * 1024;
    /** Bounds on what is remembered, so no number of distinct certificates grows memory without end. */
    private static final int MAX_ANSWERS = 10_000;
    private static final int MAX_DISTRIBUTION_POINTS = 256;
    /** Clocks differ: an answer made slightly in the future is still taken. */
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Settings(boolean ocsp, boolean distributionPoints, Duration timeout, Duration ocspCache) {
        static final Settings OFF = new Settings(false, false, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    private record Answer(Status status, Instant until) {
    }

    private record FetchedList(X509CRL crl, X509Certificate issuer) {
    }

    private static volatile Settings settings = Settings.OFF;
    private static volatile HttpClient http = client(Settings.OFF.timeout());
    private static final Map<String, Answer> ocspAnswers = new ConcurrentHashMap<>();
    private static final Map<URI, FetchedList> distributed = new ConcurrentHashMap<>();
    private static final Map<URI, Instant> unanswered = new ConcurrentHashMap<>();

    private PublishedRevocation() {
    }

    static void configure(Settings configured) {
        settings = configured;
        http = client(configured.timeout());
    }

    // ---------------------------------------------------------------- OCSP

    /** What the certificate's OCSP responder says; UNKNOWN when it names none or no trustworthy answer came. */
    static Status ocsp(X509Certificate certificate, X509Certificate issuer, Instant now) {
        if (!settings.ocsp()) {
            return Status.UNKNOWN;
        }
        List<URI> responders = responders(certificate);
        if (responders.isEmpty()) {
            return Status.UNKNOWN;
        }
        String key = certificate.getIssuerX500Principal().getName() + '#' + certificate.getSerialNumber().toString(16);
        Answer kept = ocspAnswers.get(key);
        if (kept != null && kept.until().isAfter(now)) {
            return kept.status();
        }
        Answer answer = new Answer(Status.UNKNOWN, now.plus(RETRY_AFTER));
        for (URI responder : responders) {
            try {
                answer = ask(responder, certificate, issuer, now);
                break;
            } catch (IOException | GeneralSecurityException | OCSPException | OperatorCreationException | RuntimeException e) {
                LOG.log(Level.WARNING, "OCSP responder {0} gave no usable answer: {1}", new Object[] {responder, e.getClass().getName()});
            }
        }
        if (ocspAnswers.size() >= MAX_ANSWERS) {
            ocspAnswers.values().removeIf(a -> !a.until().isAfter(now));
            if (ocspAnswers.size() >= MAX_ANSWERS) {
                ocspAnswers.clear();
            }
        }
        ocspAnswers.put(key, answer);
        return answer.status();
    }

    private static Answer ask(URI responder, X509Certificate certificate, X509Certificate issuer, Instant now)
            throws IOException, GeneralSecurityException, OCSPException, OperatorCreationException {
        X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                issuerHolder, certificate.getSerialNumber());
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Extension sentNonce = Extension.create(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce)); // RFC 8954
        byte[] request = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(sentNonce)).build().getEncoded();
        byte[] body = send(HttpRequest.newBuilder(responder).header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)), MAX_OCSP_BYTES);

        OCSPResp response = new OCSPResp(body);
        if (response.getStatus() != OCSPResp.SUCCESSFUL || !(response.getResponseObject() instanceof BasicOCSPResp basic)) {
            throw new GeneralSecurityException("OCSP response status " + response.getStatus());
        }
        X509Certificate signer = responderCertificate(basic, issuer, now);
        if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(signer.getPublicKey()))) {
            throw new GeneralSecurityException("the OCSP response's signature does not hold");
        }
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed != null && !Arrays.equals(echoed.getExtnValue().getOctets(), sentNonce.getExtnValue().getOctets())) {
            throw new GeneralSecurityException("the OCSP response answers another request (nonce)");
        }
        for (SingleResp single : basic.getResponses()) {
            if (!single.getCertID().equals(id)) {
                continue;
            }
            if (single.getThisUpdate().toInstant().isAfter(now.plus(SKEW))) {
                throw new GeneralSecurityException("the OCSP answer is dated in the future");
            }
            Instant next = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
            if (next != null && next.isBefore(now)) {
                throw new GeneralSecurityException("the OCSP answer is stale");
            }
            Instant until = now.plus(settings.ocspCache());
            if (next != null && next.isBefore(until)) {
                until = next;
            }
            CertificateStatus status = single.getCertStatus();
            return new Answer(status == CertificateStatus.GOOD ? Status.GOOD
                    : status instanceof RevokedStatus ? Status.REVOKED : Status.UNKNOWN, until);
        }
        throw new GeneralSecurityException("the OCSP response does not answer for the certificate");
    }

    /** The issuer itself, or a responder certificate the issuer signed for OCSP signing (RFC 6960 4.2.2.2). */
    private static X509Certificate responderCertificate(BasicOCSPResp basic, X509Certificate issuer, Instant now)
            throws GeneralSecurityException {
        X500Match byIssuer = new X500Match(issuer);
        if (byIssuer.answered(basic)) {
            return issuer;
        }
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : basic.getCerts()) {
            X509Certificate delegate = converter.getCertificate(holder);
            if (!delegate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) || !new X500Match(delegate).answered(basic)) {
                continue;
            }
            delegate.verify(issuer.getPublicKey());
            delegate.checkValidity(Date.from(now));
            List<String> purposes = delegate.getExtendedKeyUsage();
            if (purposes == null || !purposes.contains(KeyPurposeId.id_kp_OCSPSigning.getId())) {
                throw new GeneralSecurityException("the OCSP responder's certificate is not for OCSP signing");
            }
            return delegate;
        }
        throw new GeneralSecurityException("the OCSP response is signed by neither the issuer nor its responder");
    }

    /** Whether a response's responder id names this certificate, by name or by key hash. */
    private record X500Match(X509Certificate certificate) {
        boolean answered(BasicOCSPResp basic) throws GeneralSecurityException {
            try {
                return basic.getResponderId().equals(new RespID(
                        X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())))
                        || basic.getResponderId().equals(new RespID(
                        SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()),
                        new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1)));
            } catch (OCSPException | OperatorCreationException e) {
                throw new GeneralSecurityException(e);
            }
        }
    }

    // ---------------------------------------------------------------- CRL distribution points

    /** What the CRLs at the certificate's distribution points say; UNKNOWN when it names none or none could be had. */
    static Status distributionPoints(X509Certificate certificate, X509Certificate issuer, Instant now) {
        if (!settings.distributionPoints()) {
            return Status.UNKNOWN;
        }
        // Lazily: a point is fetched only when the lists before it have not already said revoked.
        return CertificateRevocation.against(distributionPoints(certificate).stream().map(point -> {
            FetchedList fetched = distributed.get(point);
            return fetched == null && distributed.size() < MAX_DISTRIBUTION_POINTS && retryDue(point, now) ? fetch(point, issuer, now) : fetched;
        }).filter(Objects::nonNull).map(FetchedList::crl), certificate, now);
    }

    /** Fetches every distribution point seen so far anew (the revocation lists' schedule). */
    static void refreshDistributionPoints(Instant now) {
        distributed.forEach((point, fetched) -> fetch(point, fetched.issuer(), now));
    }

    private static FetchedList fetch(URI point, X509Certificate issuer, Instant now) {
        try {
            byte[] bytes = send(HttpRequest.newBuilder(point).GET(), MAX_CRL_BYTES);
            X509CRL crl = CertificateRevocation.verified(
                    (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes)), List.of(issuer));
            FetchedList fetched = new FetchedList(crl, issuer);
            distributed.put(point, fetched);
            unanswered.remove(point);
            return fetched;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            unanswered.put(point, now);
            LOG.log(Level.WARNING, "revocation list {0} not fetched: {1}", new Object[] {point, e.getClass().getName()});
            return distributed.get(point);
        }
    }

    private static boolean retryDue(URI point, Instant now) {
        Instant failed = unanswered.get(point);
        return failed == null || failed.plus(RETRY_AFTER).isBefore(now);
    }

    // ---------------------------------------------------------------- reading certificates and HTTP

    static List<URI> responders(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        List<URI> found = new ArrayList<>();
        if (value == null) {
            return found;
        }
        for (AccessDescription description : AuthorityInformationAccess.getInstance(ASN1OctetString.getInstance(value).getOctets())
                .getAccessDescriptions()) {
            if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                web(description.getAccessLocation()).ifPresent(found::add);
            }
        }
        return found;
    }

    static List<URI> distributionPoints(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        List<URI> found = new ArrayList<>();
        if (value == null) {
            return found;
        }
        for (DistributionPoint point : CRLDistPoint.getInstance(ASN1OctetString.getInstance(value).getOctets()).getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    web(general).ifPresent(found::add);
                }
            }
        }
        return found;
    }

    private static Optional<URI> web(GeneralName name) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(name.getName().toString());
            return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())
                    ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** One HTTP exchange, status 200 required, the body read no further than {@code maxBytes}. */
    static byte[] send(HttpRequest.Builder request, int maxBytes) throws IOException {
        try {
            HttpResponse<InputStream> response = http.send(request.timeout(settings.timeout()).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("status " + response.statusCode());
                }
                byte[] bytes = in.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new IOException("larger than " + maxBytes + " bytes");
                }
                return bytes;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static HttpClient client(Duration timeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }
}
