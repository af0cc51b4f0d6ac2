package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.contract.core.v1.FaultCode;
import se.lefi.contract.ping.v1.PingType;
import se.lefi.infrastructure.security.ClientCertificates;

/**
 * Binding client certificates to an organisation: before the first binding its certificates are
 * known by the subject's serialNumber; after it only bound ones identify it, and unbinding takes
 * effect at once. Certificates that are not one, untrusted, naming another organisation or bound
 * already are refused with a code, and nothing changes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificateBindingIT {
    private static final String NUMBER = "5569000143";
    private static final String NAME = "Certifikatet Försäkring AB";
    private static final String FIRST = "binding-first";
    private static final String SECOND = "binding-second";

    @Test
    void bindAndUnbind() throws Exception {
        LefiServer.issueCertificate(FIRST, NAME, NUMBER);
        LefiServer.issueCertificate(SECOND, NAME, NUMBER);
        AdminApi.connect(NUMBER, NAME, "INSURER", "\"SYSTEM_TO_SYSTEM\"", "\"COORDINATION_OF_COMPENSATION\"", "\"SJP\"");
        LefiServer.lefiOnline(FIRST).ping(new PingType());
        LefiServer.lefiOnline(SECOND).ping(new PingType());

        JsonObject bound = AdminApi.post(certificates(), body(pem(FIRST)), 200);
        assertEquals(1, bound.getJsonArray("certificates").size());
        JsonObject certificate = bound.getJsonArray("certificates").getJsonObject(0);
        assertEquals(fingerprint(FIRST), certificate.getString("fingerprint"));
        assertTrue(certificate.getBoolean("bound"));

        LefiServer.lefiOnline(FIRST).ping(new PingType());
        assertEquals(FaultCode.UNKNOWN_CERTIFICATE, Refusals.pingFault(SECOND), "only bound certificates identify the organisation now");

        AdminApi.assertRefused(certificates(), body(pem(FIRST)), "CERTIFICATE_ALREADY_BOUND");
        AdminApi.assertRefused(certificates(), body(pem("insurer")), "CERTIFICATE_NAMES_ANOTHER_ORGANISATION");
        AdminApi.assertRefused(certificates(), body(pem("untrusted-client")), "CERTIFICATE_NOT_TRUSTED");
        AdminApi.assertRefused(certificates(), body("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----"),
                "CERTIFICATE_INVALID");
        AdminApi.assertRefused("/organisations/5569000010/certificates", body(pem(FIRST)), "CERTIFICATE_NAMES_ANOTHER_ORGANISATION");
        assertEquals(400, AdminApi.send("admin", "DELETE", certificates() + "/not-a-fingerprint", null).statusCode());

        JsonObject unbound = AdminApi.send("DELETE", certificates() + "/" + fingerprint(FIRST), null, 200);
        assertFalse(unbound.getJsonArray("certificates").getJsonObject(0).getBoolean("bound"));
        assertEquals(FaultCode.UNKNOWN_CERTIFICATE, Refusals.pingFault(FIRST), "unbinding takes effect at once");
        assertEquals(FaultCode.UNKNOWN_CERTIFICATE, Refusals.pingFault(SECOND), "the organisation stays on bound certificates only");
        AdminApi.assertRefused("DELETE", certificates() + "/" + fingerprint(FIRST), null, "CERTIFICATE_NOT_BOUND");

        AdminApi.post(certificates(), body(pem(SECOND)), 200);
        LefiServer.lefiOnline(SECOND).ping(new PingType());
        assertEquals(FaultCode.UNKNOWN_CERTIFICATE, Refusals.pingFault(FIRST));
    }

    @Test
    void onlyAdministratorsBind() throws Exception {
        assertEquals(403, AdminApi.post("insurer", "/organisations/5569000010/certificates", body(pem("insurer"))).statusCode());
    }

    private static String certificates() {
        return "/organisations/" + NUMBER + "/certificates";
    }

    private static String body(String pem) {
        return Json.createObjectBuilder().add("certificate", pem).build().toString();
    }

    private static String pem(String alias) throws Exception {
        return Files.readString(LefiServer.pki().resolve(alias + ".crt.pem"));
    }

    private static String fingerprint(String alias) throws Exception {
        try (InputStream in = Files.newInputStream(LefiServer.pki().resolve(alias + ".crt.pem"))) {
            return ClientCertificates.fingerprint((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
    }
}
