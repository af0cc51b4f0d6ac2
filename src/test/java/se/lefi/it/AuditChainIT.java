package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log is tamper-evident: a question's record is sealed into the chain within seconds, and
 * the whole chain verifies. Only an administrator may read it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditChainIT {

    @Test
    void aRecordIsSealedAndTheChainVerifies() throws Exception {
        SoapEnvelopes.Reply reply = SoapEnvelopes.post("insurer", "GetBenefitInformation-coordination.xml", SoapEnvelopes.GET_BENEFIT_INFORMATION);
        assertEquals(200, reply.status(), reply.body());
        String requestId = reply.requestId();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonObject record = AdminApi.auditRecord(requestId);
        while (unsealed(record) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            record = AdminApi.auditRecord(requestId);
        }
        assertTrue(!unsealed(record), "the record was sealed");

        HttpResponse<String> verification = AdminApi.get("admin", "/audit/verification");
        assertEquals(200, verification.statusCode(), verification.body());
        try (JsonReader reader = Json.createReader(new StringReader(verification.body()))) {
            JsonObject result = reader.readObject();
            assertTrue(result.getInt("seals") >= 1);
            assertTrue(result.getJsonNumber("sealedRecords").longValue() >= 1);
        }
    }

    /** JSON-B leaves null fields out. */
    private static boolean unsealed(JsonObject record) {
        return !record.containsKey("sealId") || record.isNull("sealId");
    }

    @Test
    void onlyAnAdministratorReadsTheAuditLog() throws Exception {
        HttpResponse<String> response = AdminApi.get("insurer", "/audit?max=1");
        assertEquals(403, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }
}
