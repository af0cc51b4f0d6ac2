package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.contract.core.v1.FaultCode;
import se.lefi.contract.lefionline.v1.LefiFault;
import se.lefi.contract.ping.v1.PingType;
import se.lefi.dev.pki.DevPki;

/**
 * Certificates the handshake takes but the service must not: one its issuer revoked (the dev CA's
 * revocation list, which the server loads and refreshes) is refused with CERTIFICATE_REVOKED, audited,
 * also when it is revoked while the server runs; an expired one never gets past the handshake.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificateRevocationIT {
    private static final String ORGANISATION = "5569000192";

    /** DevPki issues revoked-client (naming the demo insurer) and revokes it before the server starts. */
    @Test
    void aRevokedCertificateIsRefusedAndAudited() throws Exception {
        LefiFault fault = assertThrows(LefiFault.class, () -> LefiServer.lefiOnline("revoked-client").ping(new PingType()));
        assertEquals(FaultCode.CERTIFICATE_REVOKED, fault.getFaultInfo().getCode());
        JsonObject audit = AdminApi.auditRecord(fault.getFaultInfo().getRequestId());
        assertEquals("CERTIFICATE_REVOKED", audit.getString("outcome"));
        assertEquals(DemoRegister.INSURER, audit.getString("organisationNumber"));
    }

    @Test
    void aCertificateRevokedWhileTheServerRunsIsRefusedOnceTheListIsReloaded() throws Exception {
        AdminApi.connect(ORGANISATION, "Spärrtestet Försäkring AB", "INSURER", "\"SYSTEM_TO_SYSTEM\"",
                "\"COORDINATION_OF_COMPENSATION\"", "\"SJP\"");
        String alias = "revocation-test-" + System.nanoTime();
        LefiServer.issueCertificate(alias, "Spärrtestet Försäkring AB", ORGANISATION);
        LefiServer.lefiOnline(alias).ping(new PingType());

        DevPki.open(LefiServer.pki()).revoke(alias, LefiServer.pki());
        // The test server reloads the list every 5 seconds (lefi.revocation.refreshSeconds); wait for it, then check.
        FaultCode code = null;
        for (int attempt = 0; attempt < 60 && code == null; attempt++) {
            try {
                LefiServer.lefiOnline(alias).ping(new PingType());
                Thread.sleep(1000);
            } catch (LefiFault refused) {
                code = refused.getFaultInfo().getCode();
            }
        }
        assertEquals(FaultCode.CERTIFICATE_REVOKED, code);
    }

    @Test
    void anExpiredCertificateIsRefusedAtTheHandshake() {
        assertThrows(IOException.class, () -> LefiServer.httpClient("expired-client").send(
                HttpRequest.newBuilder(LefiServer.uri("/ws/LefiOnline?wsdl")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aRevokedCertificateIsUnknownToTheAdminApi() throws Exception {
        // revoked-client names the insurer, not the agency: the admin API says it is unknown, not merely no administrator.
        HttpResponse<String> response = AdminApi.get("revoked-client", "/actors");
        assertEquals(403, response.statusCode());
        assertEquals("UNKNOWN_CERTIFICATE", AdminApi.json(response.body()).getString("code"));
    }
}
