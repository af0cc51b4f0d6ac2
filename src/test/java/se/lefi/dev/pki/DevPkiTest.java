package se.lefi.dev.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevPkiTest {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final char[] PASSWORD = DevPki.PASSWORD.toCharArray();

    @TempDir
    Path temp;
    Path pki;

    @BeforeEach
    void generate() throws Exception {
        Path parties = Files.writeString(temp.resolve("parties.csv"), """
                # alias;organisationNumber;name;kind;state
                insurer;5569000010;Demo Försäkring AB;INSURER;SIGNED;SYSTEM_TO_SYSTEM;*;*;no;
                unknown;5569000044;Okänd Organisation AB;INSURER;UNREGISTERED;;;;no;
                """, StandardCharsets.UTF_8);
        Files.writeString(temp.resolve("web-users.csv"), """
                # alias;personId;name;organisation;decidedBy;state
                case-handler;197802022389;Demo Handläggare;insurer;Demo Chef;LIVE
                """, StandardCharsets.UTF_8);
        pki = temp.resolve("pki");
        DevPki.main(new String[] {pki.toString(), parties.toString()});
    }

    @Test
    void writesEveryFile() {
        for (String name : List.of("ca.p12", "ca.crt.pem", "server-keystore.p12", "server.crt.pem", "server.key.pem",
                "truststore.p12", "insurer.p12", "insurer.crt.pem", "insurer.key.pem", "unknown.p12",
                "unknown.crt.pem", "unknown.key.pem", "untrusted-ca.p12", "untrusted-client.p12",
                "untrusted-client.crt.pem", "untrusted-client.key.pem")) {
            assertTrue(Files.isRegularFile(pki.resolve(name)), name);
        }
    }

    @Test
    void serverChainValidatesAgainstTheTruststore() throws Exception {
        X509Certificate[] chain = chain("server-keystore.p12", "server");
        assertEquals(2, chain.length);
        assertEquals(caCertificate(), chain[1]);
        assertTrue(validates(chain[0]));
        assertTrue(chain[0].getSubjectAlternativeNames().contains(List.of(2, "localhost")));
    }

    @Test
    void clientCertificateCarriesOrganisationNumberAndClientAuth() throws Exception {
        X509Certificate[] chain = chain("insurer.p12", "insurer");
        X500Name subject = X500Name.getInstance(chain[0].getSubjectX500Principal().getEncoded());
        assertEquals("5569000010", value(subject, BCStyle.SERIALNUMBER));
        assertEquals("Demo Försäkring AB", value(subject, BCStyle.CN));
        assertTrue(chain[0].getExtendedKeyUsage().contains(CLIENT_AUTH));
        assertTrue(validates(chain[0]));
    }

    @Test
    void webUserGetsAPersonalCertificateCarryingThePersonnummer() throws Exception {
        X509Certificate[] chain = chain("case-handler.p12", "case-handler");
        X500Name subject = X500Name.getInstance(chain[0].getSubjectX500Principal().getEncoded());
        assertEquals("197802022389", value(subject, BCStyle.SERIALNUMBER));
        assertEquals("Demo Handläggare", value(subject, BCStyle.CN));
        assertEquals(0, subject.getRDNs(BCStyle.O).length, "a person, not an organisation");
        assertTrue(validates(chain[0]));
    }

    @Test
    void secondRunLeavesEveryFileUnchanged() throws Exception {
        Map<String, byte[]> before = contents();
        DevPki.main(new String[] {pki.toString(), temp.resolve("parties.csv").toString()});
        Map<String, byte[]> after = contents();
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
    }

    @Test
    void untrustedClientDoesNotValidateAgainstTheDevCa() throws Exception {
        X509Certificate[] chain = chain("untrusted-client.p12", "untrusted-client");
        assertEquals("5569000010",
                value(X500Name.getInstance(chain[0].getSubjectX500Principal().getEncoded()), BCStyle.SERIALNUMBER));
        assertFalse(validates(chain[0]));
    }

    @Test
    void issuesFurtherClientCertificatesAtRuntime() throws Exception {
        DevPki ca = DevPki.open(pki);
        assertEquals(caCertificate(), ca.caCertificate());
        X500Name person = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "SE")
                .addRDN(BCStyle.SERIALNUMBER, "197001011234")
                .addRDN(BCStyle.CN, "Test Testsson")
                .build();
        Path elsewhere = temp.resolve("e-id");

        KeyStore issued = ca.issueClient("person", person, elsewhere);

        X509Certificate cert = (X509Certificate) issued.getCertificate("person");
        assertEquals("197001011234", value(X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()),
                BCStyle.SERIALNUMBER));
        assertTrue(validates(cert));
        assertEquals(cert, ca.issueClient("person", person, elsewhere).getCertificate("person"));
        assertTrue(Files.isRegularFile(elsewhere.resolve("person.key.pem")));
    }

    private X509Certificate caCertificate() throws IOException, GeneralSecurityException {
        return (X509Certificate) load("ca.p12").getCertificate("ca");
    }

    private X509Certificate[] chain(String file, String alias) throws IOException, GeneralSecurityException {
        return Arrays.copyOf(load(file).getCertificateChain(alias), 2, X509Certificate[].class);
    }

    /** PKIX validation against truststore.p12, exactly what a TLS peer trusting the dev CA does. */
    private boolean validates(X509Certificate leaf) throws IOException, GeneralSecurityException {
        PKIXParameters parameters = new PKIXParameters(load("truststore.p12"));
        parameters.setRevocationEnabled(false);
        try {
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), parameters);
            return true;
        } catch (CertPathValidatorException e) {
            return false;
        }
    }

    private KeyStore load(String file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pki.resolve(file))) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private Map<String, byte[]> contents() throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(pki)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                contents.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }

    private static String value(X500Name name, ASN1ObjectIdentifier attribute) {
        return IETFUtils.valueToString(name.getRDNs(attribute)[0].getFirst().getValue());
    }
}
