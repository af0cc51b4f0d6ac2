package se.lefi.dev.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Predicate;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The dev CA's OCSP answers (RFC 6960), signed by the CA itself, for tests of certificates that name a
 * responder as real organisation certificates do. Which serials are revoked is the caller's to say, so a
 * test can make the responder disagree with the CA's published revocation list.
 */
public final class DevOcspResponder {
    /** How long an answer may be relied on (its nextUpdate). */
    private static final Duration VALIDITY = Duration.ofMinutes(10);

    private final DevPki ca;

    public DevOcspResponder(DevPki ca) {
        this.ca = ca;
    }

    /** The DER-encoded OCSPResponse to a DER-encoded OCSPRequest: good, revoked, or unknown for another issuer's certificate. */
    public byte[] answer(byte[] request, Predicate<BigInteger> revoked) throws IOException, GeneralSecurityException {
        OCSPReq ocspRequest;
        try {
            ocspRequest = new OCSPReq(request);
        } catch (IOException | RuntimeException e) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        try {
            X509CertificateHolder caHolder = new JcaX509CertificateHolder(ca.caCertificate());
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(caHolder.getSubject()));
            Instant now = Instant.now();
            for (Req one : ocspRequest.getRequestList()) {
                CertificateID id = one.getCertID();
                CertificateStatus status = !id.matchesIssuer(caHolder, digests) ? new UnknownStatus()
                        : revoked.test(id.getSerialNumber()) ? new RevokedStatus(Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise)
                        : CertificateStatus.GOOD;
                builder.addResponse(id, status, Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(VALIDITY)), null);
            }
            Extension nonce = ocspRequest.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    builder.build(ca.signer(), new X509CertificateHolder[] {caHolder}, Date.from(now))).getEncoded();
        } catch (OCSPException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot answer the OCSP request", e);
        }
    }

    private static byte[] status(int status) throws IOException {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (OCSPException e) {
            throw new IOException(e);
        }
    }
}
