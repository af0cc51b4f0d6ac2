package se.lefi.infrastructure.audit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.lefi.domain.audit.ChainSeal;
import se.lefi.domain.audit.SealSignature;
import se.lefi.infrastructure.config.LefiConfiguration;

/**
 * The audit-signing key: an ECDSA key in a PKCS12 keystore named in {@code lefi.audit.signing.keystore}
 * (the dev PKI's var/pki/audit-signing.p12 in development; the agency's own in production). Every seal of
 * both chains is signed with it; its certificate chain goes into every exported archive, so that the
 * archive can be checked with nothing but a trusted CA certificate.
 *
 * <p>Without a keystore the sealer still seals, unsigned, and every verification names each unsigned seal
 * (SIGNATURE_MISSING): the log stays chained, and the missing key cannot go unnoticed.
 */
@ApplicationScoped
public class AuditSigner implements ChainSeal.Signer {
    private static final Logger LOG = Logger.getLogger(AuditSigner.class.getName());

    @Inject
    @ConfigProperty(name = "lefi.audit.signing.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "lefi.audit.signing.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "lefi.audit.signing.alias", defaultValue = "audit-signing")
    String alias;

    @Inject
    LefiConfiguration configuration;

    private PrivateKey key;
    private List<X509Certificate> chain = List.of();

    @PostConstruct
    void load() {
        if (keystore.isEmpty() || keystore.get().isBlank()) {
            LOG.warning("lefi.audit.signing.keystore is not set: seals are not signed");
            return;
        }
        Path file = configuration.projectFile(keystore.get());
        char[] secret = password.orElse("").toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            key = (PrivateKey) store.getKey(alias, secret);
            Certificate[] certificates = store.getCertificateChain(alias);
            if (key == null || certificates == null) {
                throw new GeneralSecurityException("no key entry " + alias);
            }
            chain = Arrays.stream(certificates).map(X509Certificate.class::cast).toList();
        } catch (IOException | GeneralSecurityException e) {
            // The server keeps answering (the audit records are written either way); the seals say they are unsigned.
            LOG.severe("the audit-signing key could not be loaded from " + file + ": " + e.getMessage() + "; seals are not signed");
            key = null;
        }
    }

    @Override
    public String sign(String statement) {
        if (key == null) {
            return null;
        }
        return SealSignature.sign(key, statement);
    }

    /** The signing certificate first, then its issuers; empty without a key. */
    public List<X509Certificate> chain() {
        return chain;
    }
}
