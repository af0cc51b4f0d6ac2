package se.lefi.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.lefi.infrastructure.config.LefiConfiguration;

/**
 * Loads the certificate revocation lists named in {@code lefi.revocation.crl} (files, relative to the
 * project folder, or http(s) URLs; comma-separated) at start-up and every {@code lefi.revocation.refreshSeconds},
 * keeps each only if its issuer — a CA the TLS listener trusts — signed it, and installs them for
 * {@link CertificateRevocation}. A source that cannot be read keeps its last good list until that list's
 * next update passes; then certificates of that issuer are unchecked, and {@code lefi.revocation.whenUnknown}
 * (refuse, the default, or accept) decides.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RevocationLists {
    private static final Logger LOG = Logger.getLogger(RevocationLists.class.getName());
    private static final int MAX_CRL_BYTES = PublishedRevocation.MAX_CRL_BYTES;

    @Inject
    @ConfigProperty(name = "lefi.revocation.crl", defaultValue = "")
    String sources;

    @Inject
    @ConfigProperty(name = "lefi.revocation.refreshSeconds", defaultValue = "300")
    long refreshSeconds;

    @Inject
    @ConfigProperty(name = "lefi.revocation.whenUnknown", defaultValue = "refuse")
    String whenUnknown;

    @Inject
    @ConfigProperty(name = "lefi.revocation.ocsp", defaultValue = "true")
    boolean ocsp;

    @Inject
    @ConfigProperty(name = "lefi.revocation.distributionPoints", defaultValue = "true")
    boolean distributionPoints;

    @Inject
    @ConfigProperty(name = "lefi.revocation.timeoutSeconds", defaultValue = "10")
    long timeoutSeconds;

    @Inject
    @ConfigProperty(name = "lefi.revocation.ocsp.cacheSeconds", defaultValue = "60")
    long ocspCacheSeconds;

    @Inject
    LefiConfiguration configuration;

    @Resource
    TimerService timers;

    private final Map<String, List<X509CRL>> lastGood = new HashMap<>();

    @PostConstruct
    void start() {
        PublishedRevocation.configure(new PublishedRevocation.Settings(ocsp, distributionPoints, Duration.ofSeconds(timeoutSeconds),
                Duration.ofSeconds(ocspCacheSeconds)));
        refresh();
        timers.createIntervalTimer(Duration.ofSeconds(refreshSeconds).toMillis(), Duration.ofSeconds(refreshSeconds).toMillis(),
                new TimerConfig(null, false));
    }

    @Timeout
    synchronized void refresh() {
        List<X509Certificate> anchors = List.of(ClientCertificates.listenerTrust().getAcceptedIssuers());
        for (String source : sources.split(",")) {
            String trimmed = source.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                lastGood.put(trimmed, verified(read(trimmed), anchors));
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                LOG.log(Level.WARNING, "revocation list {0} not refreshed: {1}", new Object[] {trimmed, e.getClass().getName()});
            }
        }
        List<X509CRL> all = new ArrayList<>();
        lastGood.values().forEach(all::addAll);
        CertificateRevocation.install(new CertificateRevocation.Lists(List.copyOf(all), anchors, Instant.now()),
                !"accept".equalsIgnoreCase(whenUnknown.strip()));
        PublishedRevocation.refreshDistributionPoints(Instant.now());
    }

    private byte[] read(String source) throws IOException {
        if (source.startsWith("http://") || source.startsWith("https://")) {
            return PublishedRevocation.send(HttpRequest.newBuilder(URI.create(source)).GET(), MAX_CRL_BYTES);
        }
        try (InputStream in = Files.newInputStream(configuration.projectFile(source))) {
            return bounded(in);
        }
    }

    private static byte[] bounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_CRL_BYTES + 1);
        if (bytes.length > MAX_CRL_BYTES) {
            throw new IOException("larger than " + MAX_CRL_BYTES + " bytes");
        }
        return bytes;
    }

    /** The lists (PEM or DER, one or more) whose issuer is a trusted CA that signed them. */
    private static List<X509CRL> verified(byte[] bytes, List<X509Certificate> anchors) throws GeneralSecurityException {
        List<X509CRL> crls = new ArrayList<>();
        for (CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(new ByteArrayInputStream(bytes))) {
            crls.add(CertificateRevocation.verified((X509CRL) crl, anchors));
        }
        return crls;
    }
}
