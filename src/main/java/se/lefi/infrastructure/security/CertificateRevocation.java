package se.lefi.infrastructure.security;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * What the revocation lists in force say of a client certificate. The lists are loaded and refreshed by
 * {@link RevocationLists} (the server) and read here by every request without locking: the set is replaced
 * whole. A list counts only when its issuer's signature holds and it is current (not past its next update).
 */
public final class CertificateRevocation {
    public enum Status { GOOD, REVOKED, UNKNOWN }

    /** The lists as last loaded, each verified against its issuer when it was loaded. */
    public record Lists(List<X509CRL> crls, Instant loadedAt) {
        static final Lists NONE = new Lists(List.of(), Instant.EPOCH);
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

    public static Status status(X509Certificate certificate, Instant now) {
        X500Principal issuer = certificate.getIssuerX500Principal();
        boolean covered = false;
        for (X509CRL crl : current.crls()) {
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
}
