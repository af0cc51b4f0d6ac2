package se.lefi.dev.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import se.lefi.dev.demo.DemoParties;
import se.lefi.infrastructure.security.ClientCertificates;

/**
 * Development and test PKI: a local CA, a localhost server certificate, one client certificate per demo party and a
 * client certificate from a second, untrusted CA. Everything is written as JDK-readable PKCS12 (password
 * {@value #PASSWORD}) plus PEM.
 *
 * <p>Idempotent: existing files are reused and never rewritten, so certificates stay stable across runs and
 * {@code mvn clean}; deleting a file makes the next run recreate it from the existing keystore or a fresh key.
 */
public final class DevPki {

    public static final String PASSWORD = "changeit";

    private static final char[] PASSWORD_CHARS = PASSWORD.toCharArray();
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(825);
    // Backdated so a freshly issued certificate is accepted by a peer whose clock is slightly behind.
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private final PrivateKey caKey;
    private final X509Certificate caCert;

    private DevPki(KeyStore ca, String alias) throws GeneralSecurityException {
        this.caKey = (PrivateKey) ca.getKey(alias, PASSWORD_CHARS);
        this.caCert = (X509Certificate) ca.getCertificate(alias);
    }

    /** Loads the dev CA from {@code dir/ca.p12}, creating and storing it first if absent. */
    public static DevPki open(Path dir) throws IOException, GeneralSecurityException {
        return openCa(dir, "ca", new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "SE")
                .addRDN(BCStyle.O, "lefi development")
                .addRDN(BCStyle.CN, "LEFI Dev CA")
                .build());
    }

    public X509Certificate caCertificate() {
        return caCert;
    }

    /**
     * Issues a TLS client certificate signed by this CA and writes {@code <alias>.p12} (key + chain [client, CA]),
     * {@code <alias>.crt.pem} and {@code <alias>.key.pem} to {@code dir}. An existing {@code <alias>.p12} is
     * returned unchanged, whatever subject it holds.
     */
    public KeyStore issueClient(String alias, X500Name subject, Path dir) throws IOException, GeneralSecurityException {
        return issueLeaf(dir, alias + ".p12", alias,
                () -> issue(subject, new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth}, KeyUsage.digitalSignature));
    }

    /**
     * As {@link #issueClient(String, X500Name, Path)}, for a certificate that says where its revocation is
     * published, as real organisation certificates do: a CRL distribution point and an OCSP responder
     * (authorityInfoAccess). Either may be null.
     */
    public KeyStore issueClient(String alias, X500Name subject, Path dir, URI crlDistributionPoint, URI ocspResponder)
            throws IOException, GeneralSecurityException {
        List<Extension> published = new ArrayList<>();
        if (crlDistributionPoint != null) {
            GeneralNames where = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlDistributionPoint.toString()));
            published.add(new Extension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(where), null, null)}).getEncoded()));
        }
        if (ocspResponder != null) {
            published.add(new Extension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspResponder.toString())).getEncoded()));
        }
        Instant now = Instant.now();
        return issueLeaf(dir, alias + ".p12", alias, () -> issue(subject, now.minus(BACKDATE), LEAF_VALIDITY.plus(BACKDATE),
                new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth}, KeyUsage.digitalSignature, published));
    }

    /** A personal e-identification certificate's subject: the serialNumber holds the personnummer. */
    public static X500Name personSubject(String name, String personId) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "SE")
                .addRDN(BCStyle.SERIALNUMBER, personId)
                .addRDN(BCStyle.CN, name)
                .build();
    }

    /** The subject of an organisation certificate; {@code SERIALNUMBER} (2.5.4.5) carries the organisation number. */
    public static X500Name organisationSubject(String name, String organisationNumber) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "SE")
                .addRDN(BCStyle.SERIALNUMBER, organisationNumber)
                .addRDN(BCStyle.O, name)
                .addRDN(BCStyle.CN, name)
                .build();
    }

    /** The CA's certificate revocation list, PEM: what the server checks client certificates against. */
    public static final String CRL_FILE = "ca.crl.pem";
    /** The serial numbers revoked so far, one hex number a line: the CRL is made anew from it. */
    private static final String REVOKED_FILE = "revoked.txt";
    private static final Duration CRL_VALIDITY = Duration.ofDays(30);

    /** Revokes the certificate {@code <alias>.crt.pem} of this CA and writes the CRL anew. Idempotent. */
    public void revoke(String alias, Path dir) throws IOException, GeneralSecurityException {
        Path pem = dir.resolve(alias + ".crt.pem");
        if (!Files.exists(pem)) {
            throw new IOException("no certificate " + pem);
        }
        X509Certificate certificate = ClientCertificates.parse(Files.readString(pem, StandardCharsets.US_ASCII))
                .orElseThrow(() -> new IOException(pem + " is not a certificate"));
        if (!certificate.getIssuerX500Principal().equals(caCert.getSubjectX500Principal())) {
            throw new IOException(alias + " is not issued by this CA");
        }
        Path revoked = dir.resolve(REVOKED_FILE);
        Set<String> serials = revokedSerials(dir);
        if (serials.add(certificate.getSerialNumber().toString(16))) {
            Files.writeString(revoked, String.join("\n", serials) + "\n", StandardCharsets.US_ASCII);
        }
        writeCrl(dir);
    }

    /** The CRL of every serial in revoked.txt, valid for {@link #CRL_VALIDITY} from now. */
    public void writeCrl(Path dir) throws IOException, GeneralSecurityException {
        List<BigInteger> serials = revokedSerials(dir).stream().map(serial -> new BigInteger(serial, 16)).toList();
        Files.writeString(dir.resolve(CRL_FILE), pem(crl(serials)), StandardCharsets.US_ASCII);
    }

    /** A CRL of this CA revoking exactly these serial numbers, valid for {@link #CRL_VALIDITY} from now. */
    public X509CRL crl(Collection<BigInteger> revokedSerials) throws GeneralSecurityException {
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
                Date.from(now.minus(BACKDATE)));
        builder.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
        for (BigInteger serial : revokedSerials) {
            builder.addCRLEntry(serial, Date.from(now.minus(BACKDATE)), CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().getCRL(builder.build(signer()));
    }

    /** The CA's own key signs its OCSP answers too (a responder may be the CA itself, RFC 6960 4.2.2.2). */
    ContentSigner signer() throws GeneralSecurityException {
        return signer(caKey);
    }

    private static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(BouncyCastleProvider.PROVIDER_NAME).build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot create " + SIGNATURE_ALGORITHM + " signer", e);
        }
    }

    private static Set<String> revokedSerials(Path dir) throws IOException {
        Path revoked = dir.resolve(REVOKED_FILE);
        Set<String> serials = new TreeSet<>();
        if (Files.exists(revoked)) {
            Files.readAllLines(revoked, StandardCharsets.US_ASCII).stream().map(String::strip).filter(l -> !l.isEmpty()).forEach(serials::add);
        }
        return serials;
    }

    /**
     * Arguments: [output directory (default var/pki)] [parties file (default config/demo/parties.csv)]; or
     * {@code revoke DIRECTORY ALIAS} to revoke a demo certificate.
     */
    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length == 3 && "revoke".equals(args[0])) {
            Path dir = Path.of(args[1]);
            open(dir).revoke(args[2], dir);
            System.out.printf("Dev PKI: %s revoked; %s written%n", args[2], dir.resolve(CRL_FILE).toAbsolutePath().normalize());
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "var/pki");
        Path parties = args.length > 1 ? Path.of(args[1]) : defaultPartiesFile(dir);
        Files.createDirectories(dir);
        Set<Path> existing = listing(dir);

        generate(dir, DemoParties.read(parties), DemoParties.readWebUsers(parties));

        Set<Path> created = listing(dir);
        created.removeAll(existing);
        created.forEach(file -> System.out.println("created " + file));
        System.out.printf("Dev PKI: %d file(s) created in %s (PKCS12 password %s)%n",
                created.size(), dir.toAbsolutePath().normalize(), PASSWORD);
    }

    private static void generate(Path dir, List<DemoParties.Party> parties, List<DemoParties.WebUser> webUsers) throws IOException, GeneralSecurityException {
        DevPki ca = open(dir);
        issueLeaf(dir, "server-keystore.p12", "server", () -> ca.issue(serviceSubject("localhost"),
                // clientAuth too: the server pushes notifications to subscribers over mutual TLS.
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth},
                KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1")));
        // The audit-signing key: it signs the seals of the audit log; no extended key usage fits it, so it has none.
        issueLeaf(dir, "audit-signing.p12", "audit-signing", () -> ca.issue(serviceSubject("lefi audit signing"),
                new KeyPurposeId[0], KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        writeKeyStoreIfAbsent(dir.resolve("truststore.p12"), () -> {
            KeyStore trust = emptyKeyStore();
            trust.setCertificateEntry("lefi-dev-ca", ca.caCert);
            return trust;
        });

        for (DemoParties.Party party : parties) {
            ca.issueClient(party.alias(), organisationSubject(party.name(), party.organisationNumber()), dir);
        }
        for (DemoParties.WebUser user : webUsers) {
            ca.issueClient(user.alias(), personSubject(user.name(), user.personId()), dir);
        }

        // For the tests of revocation and expiry: the demo insurer's number on certificates no one should accept.
        if (!Files.exists(dir.resolve("revoked-client.p12"))) {
            ca.issueClient("revoked-client", organisationSubject("Demo Försäkring AB (revoked)", "5569000010"), dir);
            ca.revoke("revoked-client", dir);
        }
        issueLeaf(dir, "expired-client.p12", "expired-client", () -> ca.issue(
                organisationSubject("Demo Försäkring AB (expired)", "5569000010"), Instant.now().minus(Duration.ofDays(30)),
                Duration.ofDays(29), new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth}, KeyUsage.digitalSignature, List.of()));
        if (!Files.exists(dir.resolve(CRL_FILE))) {
            ca.writeCrl(dir);
        }

        DevPki untrusted = openCa(dir, "untrusted-ca", new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "SE")
                .addRDN(BCStyle.CN, "Untrusted Test CA")
                .build());
        // Same organisation number as the demo insurer, so a refused handshake can only be due to the issuer.
        untrusted.issueClient("untrusted-client", organisationSubject("Untrusted Test Client", "5569000010"), dir);
    }

    /** A certificate of the service itself (its TLS server, its audit signing), named after what it is for. */
    private static X500Name serviceSubject(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "SE")
                .addRDN(BCStyle.O, "lefi development")
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static DevPki openCa(Path dir, String alias, X500Name subject)
            throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        return new DevPki(keyEntry(dir, alias + ".p12", alias, () -> selfSigned(subject)), alias);
    }

    /** The CA private key stays in its PKCS12 only; leaves also get a PEM key for curl/openssl. */
    private static KeyStore issueLeaf(Path dir, String p12Name, String alias, Issuer issuer)
            throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyStore store = keyEntry(dir, p12Name, alias, issuer);
        PrivateKey key = (PrivateKey) store.getKey(alias, PASSWORD_CHARS);
        writeIfAbsent(dir.resolve(alias + ".key.pem"), () -> pem(new JcaPKCS8Generator(key, null)));
        return store;
    }

    /** Loads or issues entry {@code alias} in {@code dir/p12Name}; its certificate goes to {@code <alias>.crt.pem}. */
    private static KeyStore keyEntry(Path dir, String p12Name, String alias, Issuer issuer)
            throws IOException, GeneralSecurityException {
        KeyStore store = writeKeyStoreIfAbsent(dir.resolve(p12Name), () -> {
            Issued issued = issuer.issue();
            KeyStore fresh = emptyKeyStore();
            fresh.setKeyEntry(alias, issued.key(), PASSWORD_CHARS, issued.chain());
            return fresh;
        });
        Certificate cert = store.getCertificate(alias);
        writeIfAbsent(dir.resolve(alias + ".crt.pem"), () -> pem(cert));
        return store;
    }

    private static Issued selfSigned(X500Name subject) throws IOException, GeneralSecurityException {
        KeyPair keys = newKeyPair();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(now.minus(BACKDATE)), Date.from(now.plus(CA_VALIDITY)), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
        X509Certificate cert = sign(builder, keys.getPrivate());
        return new Issued(keys.getPrivate(), new X509Certificate[] {cert});
    }

    private Issued issue(X500Name subject, KeyPurposeId[] purposes, int keyUsage, GeneralName... altNames)
            throws IOException, GeneralSecurityException {
        Instant now = Instant.now();
        return issue(subject, now.minus(BACKDATE), LEAF_VALIDITY.plus(BACKDATE), purposes, keyUsage, List.of(), altNames);
    }

    private Issued issue(X500Name subject, Instant notBefore, Duration validity, KeyPurposeId[] purposes, int keyUsage,
                         List<Extension> extensions, GeneralName... altNames) throws IOException, GeneralSecurityException {
        KeyPair keys = newKeyPair();
        PublicKey publicKey = keys.getPublic();
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCert, serial(),
                Date.from(notBefore), Date.from(notBefore.plus(validity)), subject, publicKey)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(caCert.getPublicKey()));
        if (purposes.length > 0) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
        }
        if (altNames.length > 0) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(altNames));
        }
        for (Extension extension : extensions) {
            builder.addExtension(extension);
        }
        return new Issued(keys.getPrivate(), new X509Certificate[] {sign(builder, caKey), caCert});
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(signer)));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    /** Positive and exactly 64 bits, so it is never zero and never needs a sign byte beyond nine octets. */
    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).setBit(63);
    }

    private static KeyStore emptyKeyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    /** A PKCS#12 file of the dev PKI (password {@value #PASSWORD}). */
    public static KeyStore load(Path p12) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, PASSWORD_CHARS);
        }
        return store;
    }

    private static KeyStore writeKeyStoreIfAbsent(Path p12, KeyStoreSource source)
            throws IOException, GeneralSecurityException {
        if (Files.exists(p12)) {
            return load(p12);
        }
        KeyStore store = source.get();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, PASSWORD_CHARS);
        Files.write(p12, bytes.toByteArray(), StandardOpenOption.CREATE_NEW);
        return store;
    }

    private static void writeIfAbsent(Path file, PemSource source) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, source.get(), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    /** Relative to the working directory, or to the project owning an absolute {@code <project>/var/pki}. */
    private static Path defaultPartiesFile(Path dir) {
        Path fromCwd = Path.of("config/demo/parties.csv");
        if (Files.exists(fromCwd) || !dir.isAbsolute()) {
            return fromCwd;
        }
        return dir.resolve("../../config/demo/parties.csv").normalize();
    }

    private static Set<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private record Issued(PrivateKey key, X509Certificate[] chain) {
    }

    @FunctionalInterface
    private interface Issuer {
        Issued issue() throws IOException, GeneralSecurityException;
    }

    @FunctionalInterface
    private interface KeyStoreSource {
        KeyStore get() throws IOException, GeneralSecurityException;
    }

    @FunctionalInterface
    private interface PemSource {
        String get() throws IOException;
    }
}
