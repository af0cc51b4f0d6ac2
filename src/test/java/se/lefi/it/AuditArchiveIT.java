package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import se.lefi.application.audit.ArchiveVerification;
import se.lefi.domain.audit.ChainCheck;
import se.lefi.domain.audit.SealStatement;
import se.lefi.infrastructure.audit.ArchiveEntries;
import se.lefi.interfaces.cli.AuditArchiveVerifier;

/**
 * The signed audit archive, end to end: a question and an administrator's action are sealed and signed
 * with the audit-signing key, exported through the admin API, and verified offline against the dev CA;
 * the online verification holds for both chains; a record changed in the downloaded archive is named.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditArchiveIT {

    @Test
    void anExportVerifiesOfflineAndAChangedRecordInItIsNamed(@TempDir Path dir) throws Exception {
        Instant from = Instant.now().minus(Duration.ofMinutes(1));
        SoapEnvelopes.Reply reply = SoapEnvelopes.post("insurer", "GetBenefitInformation-coordination.xml", SoapEnvelopes.GET_BENEFIT_INFORMATION);
        assertEquals(200, reply.status(), reply.body());
        HttpResponse<String> report = AdminApi.post("admin", "/disclosure-reports",
                "{\"personId\": \"" + DemoRegister.PERSON + "\", \"from\": \"2026-01-01\", \"to\": \"2026-12-31\"}");
        assertEquals(200, report.statusCode(), report.body());
        String requestId = reply.requestId();
        AuditArchives.sealedRecord(requestId);
        JsonObject action = AuditArchives.sealedLastAction();
        assertEquals("DISCLOSURE_REPORT", action.getString("action"));

        HttpResponse<String> online = AuditArchives.onlineVerification();
        assertEquals(200, online.statusCode(), online.body());
        JsonObject verification = AdminApi.json(online.body());
        assertTrue(verification.getInt("adminSeals") >= 1, online.body());
        assertEquals(0, verification.getJsonArray("findings").size(), online.body());

        Path archive = AuditArchives.export(from, Instant.now().plus(Duration.ofMinutes(1)), dir);
        ArchiveVerification.Result result = AuditArchives.verify(archive);
        assertEquals(List.of(), result.findings());
        assertEquals(List.of(), result.certificateProblems());

        Map<String, String> entries = ArchiveEntries.read(archive);
        String line = entries.get("audit.jsonl").lines().filter(l -> l.contains("\"requestId\":\"" + requestId + "\""))
                .findFirst().orElseThrow();
        long id = LefiServer.json(line).getJsonNumber("id").longValue();
        assertTrue(entries.get("admin.jsonl").contains("\"id\":" + action.getJsonNumber("id").longValue() + ","),
                "the administrator's action is in the archive");
        assertTrue(entries.get("manifest.json").contains("\"format\":\"lefi-audit-archive/1\""));

        entries.put("audit.jsonl", entries.get("audit.jsonl").replace(line, line.replace("\"outcome\":\"GRANTED\"", "\"outcome\":\"NO_LEGAL_BASIS\"")));
        Path changed = ArchiveEntries.write(entries, dir.resolve("changed.zip"));
        assertEquals(List.of(new ChainCheck.Finding(ChainCheck.Kind.RECORD_CHANGED, SealStatement.AUDIT, id,
                "audit record " + id + " was changed after it was written")), AuditArchives.verify(changed).findings());
    }

    @Test
    void anExportNeedsAPeriodAndAnAdministrator() throws Exception {
        assertEquals(400, AdminApi.get("admin", "/audit/archive?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").statusCode());
        assertEquals(403, AdminApi.get("insurer", "/audit/archive?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z").statusCode());
    }
}
