package se.lefi.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import se.lefi.contract.lefionline.v1.LefiOnlineResponderInterface;
import se.lefi.dev.pki.DevPki;

/**
 * Where the server under test is and how to reach it as a given demo party: real mutual TLS with
 * the dev PKI's certificates (var/pki, made in pre-integration-test).
 */
public final class LefiServer {
    public static final String PASSWORD = "changeit";

    private LefiServer() {
    }

    /**
     * The built development WAR, as bin/lefi serve runs it, under the name lefi.war: the container takes the
     * context root (/lefi) from the archive's name.
     */
    public static WebArchive war() {
        return ShrinkWrap.create(ZipImporter.class, "lefi.war")
                .importFrom(new File(System.getProperty("lefi.war", "target/lefi-dev.war"))).as(WebArchive.class);
    }

    public static int httpsPort() {
        return Integer.getInteger("lefi.test.https.port");
    }

    public static URI uri(String path) {
        return URI.create("https://localhost:" + httpsPort() + "/lefi" + path);
    }

    public static Path pki() {
        return Path.of(System.getProperty("lefi.pki.dir", "var/pki"));
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("lefi.project.dir", "."));
    }

    public static KeyStore keyStore(String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pki().resolve(alias + ".p12"))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /**
     * A client certificate for an organisation the test registers itself, issued by the dev CA the
     * server trusts (var/pki/&lt;alias&gt;.p12). Idempotent.
     */
    public static void issueCertificate(String alias, String name, String organisationNumber) throws Exception {
        DevPki.open(pki()).issueClient(alias, DevPki.organisationSubject(name, organisationNumber), pki());
    }

    /** A personal e-identification certificate for a named web user, issued by the dev CA. Idempotent. */
    public static void issuePersonalCertificate(String alias, String name, String personId) throws Exception {
        DevPki.open(pki()).issueClient(alias, DevPki.personSubject(name, personId), pki());
    }

    /** TLS as the named party; {@code alias == null} presents no client certificate. */
    public static SSLContext sslContext(String alias) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore("truststore"));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        if (alias != null) {
            keys.init(keyStore(alias), PASSWORD.toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(alias == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    /** A JSON object from a response body. */
    public static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    public static HttpClient httpClient(String alias) throws Exception {
        return HttpClient.newBuilder().sslContext(sslContext(alias)).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A CXF client of the LEFI Online contract, as the named demo party. */
    public static LefiOnlineResponderInterface lefiOnline(String alias) throws Exception {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(LefiOnlineResponderInterface.class);
        factory.setAddress(uri("/ws/LefiOnline").toString());
        LefiOnlineResponderInterface port = (LefiOnlineResponderInterface) factory.create();
        Client client = ClientProxy.getClient(port);
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(sslContext(alias));
        ((HTTPConduit) client.getConduit()).setTlsClientParameters(tls);
        return port;
    }
}
