package se.lefi.infrastructure.security;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;

/**
 * What is known of a client certificate's revocation, from three sources: the revocation lists configured
 * in {@code lefi.revocation.crl} (loaded and refreshed by {@link RevocationLists}), the OCSP responder the
 * certificate names, and the CRLs at its distribution points ({@link PublishedRevocation}). Any source that
 * says revoked refuses it; else any that says good accepts it; else its status is unknown. A source counts
 * only when its issuer's signature holds and it is current. Read by every request without locking: the
 * configured lists are replaced whole.
 */
public final class CertificateRevocation {
    public enum Status { GOOD, REVOKED, UNKNOWN }

    /** The configured lists as last loaded, each verified against its issuer when it was loaded, and the CAs the listener trusts. */
    public record Lists(List<X509CRL> crls, List<X509Certificate> anchors, Instant loadedAt) {
        static final Lists NONE = new Lists(List.of(), List.of(), Instant.EPOCH);
    }

    private static volatile Lists current = Lists.NONE;
    private static volatile boolean refuseUnknown = true;

    private CertificateRevocation() {
    }

    static void install(Lists lists, boolean refuseWhenUnknown) {
        current = lists;
        refuseUnknown = refuseWhenUnknown;
    }

    public static Lists current() {
        return current;
    }

    public static boolean refusesUnknown() {
        return refuseUnknown;
    }

    /** The status of {@code chain[0]}, the client's certificate; the rest of the chain, as the handshake verified it, may hold its issuer. */
    public static Status status(X509Certificate[] chain, Instant now) {
        X509Certificate certificate = chain[0];
        Status configured = configuredLists(certificate, now);
        if (configured == Status.REVOKED) {
            return Status.REVOKED;
        }
        X509Certificate issuer = issuer(chain);
        if (issuer == null) {
            return configured;
        }
        Status responder = PublishedRevocation.ocsp(certificate, issuer, now);
        if (responder == Status.REVOKED) {
            return Status.REVOKED;
        }
        Status points = PublishedRevocation.distributionPoints(certificate, issuer, now);
        if (points == Status.REVOKED) {
            return Status.REVOKED;
        }
        return configured == Status.GOOD || responder == Status.GOOD || points == Status.GOOD ? Status.GOOD : Status.UNKNOWN;
    }

    private static Status configuredLists(X509Certificate certificate, Instant now) {
        return against(current.crls().stream(), certificate, now);
    }

    /**
     * What revocation lists say of a certificate: revoked if one of its issuer's current lists names it,
     * good if one covers it and none names it, else unknown. Read in order and no further than needed,
     * so lists fetched on demand are fetched only while they can still change the answer.
     */
    static Status against(Stream<X509CRL> crls, X509Certificate certificate, Instant now) {
        X500Principal issuer = certificate.getIssuerX500Principal();
        boolean covered = false;
        for (Iterator<X509CRL> each = crls.iterator(); each.hasNext(); ) {
            X509CRL crl = each.next();
            if (!crl.getIssuerX500Principal().equals(issuer)) {
                continue;
            }
            Date next = crl.getNextUpdate();
            if (next != null && next.toInstant().isBefore(now)) {
                continue; // stale: says nothing about today
            }
            if (crl.isRevoked(certificate)) {
                return Status.REVOKED;
            }
            covered = true;
        }
        return covered ? Status.GOOD : Status.UNKNOWN;
    }

    /** {@code crl}, once the one of {@code issuers} whose name it bears has been shown to have signed it. */
    static X509CRL verified(X509CRL crl, Collection<X509Certificate> issuers) throws GeneralSecurityException {
        X509Certificate issuer = issuers.stream().filter(i -> i.getSubjectX500Principal().equals(crl.getIssuerX500Principal()))
                .findFirst().orElseThrow(() -> new GeneralSecurityException("a revocation list of an issuer the service does not trust"));
        crl.verify(issuer.getPublicKey());
        return crl;
    }

    /** The certificate that signed chain[0]: a trusted CA, or the next in the chain the client sent. */
    private static X509Certificate issuer(X509Certificate[] chain) {
        X509Certificate certificate = chain[0];
        List<X509Certificate> candidates = new ArrayList<>(current.anchors());
        candidates.addAll(Arrays.asList(chain).subList(1, chain.length));
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(candidate.getPublicKey());
                    return candidate;
                } catch (GeneralSecurityException e) {
                    // another key under the same name: not this one
                }
            }
        }
        return null;
    }
}
