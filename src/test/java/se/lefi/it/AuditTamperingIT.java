package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.domain.audit.ChainCheck.Finding;
import se.lefi.domain.audit.ChainCheck.Kind;
import se.lefi.domain.audit.SealStatement;

/**
 * Tampering with the database itself, behind the server's back: each way is found by the online
 * verification (/api/admin/audit/verification) and, in an archive exported after it, by the offline
 * verifier, each with exactly its finding; and each is undone, so the chain holds again for the suite.
 * PostgreSQL only: the test reaches the server's schema over JDBC (embedded H2 lives inside the server).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "lefi.test.database", matches = "postgresql")
class AuditTamperingIT {
    private static Connection db;
    private static long sealId;
    private static List<Long> ids;
    private static Instant exportFrom;
    private static long actionId;

    @BeforeAll
    static void threeSealedQuestionsAndAnAction() throws Exception {
        db = DriverManager.getConnection(System.getProperty("lefi.test.postgresql.url") + "?currentSchema="
                        + System.getProperty("lefi.test.postgresql.schema"),
                System.getProperty("lefi.test.postgresql.user"), System.getProperty("lefi.test.postgresql.password"));
        // One question sealed first, so that the seal tampered with below has one before it.
        SoapEnvelopes.Reply earlier = SoapEnvelopes.post("insurer", "GetBenefitInformation-coordination.xml", SoapEnvelopes.GET_BENEFIT_INFORMATION);
        AuditArchives.sealedRecord(earlier.requestId());
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SoapEnvelopes.Reply reply = SoapEnvelopes.post("insurer", "GetBenefitInformation-coordination.xml", SoapEnvelopes.GET_BENEFIT_INFORMATION);
            assertEquals(200, reply.status(), reply.body());
            asked.add(reply.requestId());
        }
        String last = asked.get(2);
        AdminApi.post("admin", "/disclosure-reports", "{\"personId\": \"" + DemoRegister.PERSON + "\", \"from\": \"2026-01-01\", \"to\": \"2026-01-02\"}");
        AuditArchives.sealedRecord(last);
        actionId = AuditArchives.sealedLastAction().getJsonNumber("id").longValue();
        // Three questions within a second cannot fall into three seals (one every 5 s): one seal holds two.
        sealId = longValue("SELECT SEAL_ID FROM AUDIT_RECORD WHERE REQUEST_ID IN (" + String.join(", ", quoted(asked))
                + ") GROUP BY SEAL_ID HAVING COUNT(*) >= 2");
        ids = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT ID FROM AUDIT_RECORD WHERE SEAL_ID = " + sealId + " ORDER BY ID")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        // The export starts at the seal before: a broken link into this seal is inside it.
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(SEALED_AT) FROM AUDIT_SEAL WHERE ID >= " + (sealId - 1))) {
            rs.next();
            exportFrom = rs.getObject(1, OffsetDateTime.class).toInstant();
        }
        assertTrue(ids.size() >= 2, "the seal covers two of the questions");
        assertHolds();
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    private static List<String> quoted(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").toList();
    }

    private static long longValue(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static void assertHolds() throws Exception {
        HttpResponse<String> online = AuditArchives.onlineVerification();
        assertEquals(200, online.statusCode(), online.body());
    }

    /** Both verifications give exactly {@code expected}. */
    private static void assertFound(Path dir, List<Finding> expected) throws Exception {
        HttpResponse<String> online = AuditArchives.onlineVerification();
        assertEquals(409, online.statusCode(), online.body());
        JsonObject verification = AdminApi.json(online.body());
        List<Finding> found = verification.getJsonArray("findings").getValuesAs(JsonObject.class).stream()
                .map(f -> new Finding(Kind.valueOf(f.getString("kind")), f.getString("chain"), f.getJsonNumber("subject").longValue(),
                        f.getString("message")))
                .toList();
        assertEquals(expected, found, "online");
        assertEquals(expected.get(0).message(), verification.getString("problem"));

        Path archive = AuditArchives.export(exportFrom, Instant.now().plus(Duration.ofMinutes(1)), dir);
        assertEquals(expected, AuditArchives.verify(archive).findings(), "offline");
    }

    private static Finding audit(Kind kind, long subject, String message) {
        return new Finding(kind, SealStatement.AUDIT, subject, message);
    }

    @Test
    void aChangedRecord(@TempDir Path dir) throws Exception {
        long id = ids.get(0);
        String purpose = text("SELECT PURPOSE FROM AUDIT_RECORD WHERE ID = " + id);
        execute("UPDATE AUDIT_RECORD SET PURPOSE = 'RISK_ASSESSMENT' WHERE ID = " + id);
        try {
            assertFound(dir, List.of(audit(Kind.RECORD_CHANGED, id, "audit record " + id + " was changed after it was written")));
        } finally {
            execute("UPDATE AUDIT_RECORD SET PURPOSE = '" + purpose + "' WHERE ID = " + id);
        }
        assertHolds();
    }

    @Test
    void aRemovedRecord(@TempDir Path dir) throws Exception {
        long id = ids.get(0);
        execute("CREATE TEMPORARY TABLE REMOVED_RECORD AS SELECT * FROM AUDIT_RECORD WHERE ID = " + id);
        execute("DELETE FROM AUDIT_RECORD WHERE ID = " + id);
        try {
            assertFound(dir, List.of(audit(Kind.RECORD_REMOVED, id, "audit record " + id + " was sealed in seal " + sealId + " and is missing")));
        } finally {
            execute("INSERT INTO AUDIT_RECORD SELECT * FROM REMOVED_RECORD");
            execute("DROP TABLE REMOVED_RECORD");
        }
        assertHolds();
    }

    @Test
    void recordsWhoseIdsWereSwapped(@TempDir Path dir) throws Exception {
        long first = ids.get(0);
        long last = ids.get(ids.size() - 1);
        swap(first, last);
        try {
            assertFound(dir, List.of(audit(Kind.RECORD_MOVED, first, "audit record " + first + " holds what was sealed as record " + last),
                    audit(Kind.RECORD_MOVED, last, "audit record " + last + " holds what was sealed as record " + first)));
        } finally {
            swap(first, last);
        }
        assertHolds();
    }

    private static void swap(long a, long b) throws SQLException {
        execute("UPDATE AUDIT_RECORD SET ID = -1 WHERE ID = " + a);
        execute("UPDATE AUDIT_RECORD SET ID = " + a + " WHERE ID = " + b);
        execute("UPDATE AUDIT_RECORD SET ID = " + b + " WHERE ID = -1");
    }

    /** A record forged whole: a new id and request id, and the hash its content gives, naming the seal. */
    @Test
    void anInsertedRecord(@TempDir Path dir) throws Exception {
        long id = ids.get(0);
        long inserted = longValue("SELECT MAX(ID) FROM AUDIT_RECORD") + 1_000_000;
        String requestId = UUID.randomUUID().toString();
        Map<String, String> fields = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM AUDIT_RECORD WHERE ID = " + id)) {
            rs.next();
            for (String field : AuditRecord.HASHED_FIELDS) {
                Object value = rs.getObject(column(field));
                fields.put(field, value == null ? null
                        : value instanceof java.sql.Timestamp || value instanceof OffsetDateTime
                        ? rs.getObject(column(field), OffsetDateTime.class).toInstant().toString() : value.toString());
            }
        }
        fields.put("requestId", requestId);
        execute("CREATE TEMPORARY TABLE COPIED_RECORD AS SELECT * FROM AUDIT_RECORD WHERE ID = " + id);
        execute("UPDATE COPIED_RECORD SET ID = " + inserted + ", REQUEST_ID = '" + requestId + "', RECORD_HASH = '"
                + AuditRecord.contentHash(fields) + "'");
        execute("INSERT INTO AUDIT_RECORD SELECT * FROM COPIED_RECORD");
        execute("DROP TABLE COPIED_RECORD");
        try {
            assertFound(dir, List.of(audit(Kind.RECORD_INSERTED, inserted, "audit record " + inserted + " names seal " + sealId
                    + ", which does not cover it")));
        } finally {
            execute("DELETE FROM AUDIT_RECORD WHERE ID = " + inserted);
        }
        assertHolds();
    }

    /** AUDIT_RECORD's column of a hashed field: the field's name in capitals and underscores, but one. */
    private static String column(String field) {
        return field.equals("principalOrganisationNumber") ? "PRINCIPAL_NUMBER" : field.replaceAll("([A-Z])", "_$1").toUpperCase(java.util.Locale.ROOT);
    }

    @Test
    void aBrokenLink(@TempDir Path dir) throws Exception {
        String previous = text("SELECT PREVIOUS_HASH FROM AUDIT_SEAL WHERE ID = " + sealId);
        execute("UPDATE AUDIT_SEAL SET PREVIOUS_HASH = '" + "1".repeat(64) + "' WHERE ID = " + sealId);
        try {
            assertFound(dir, List.of(audit(Kind.LINK_BROKEN, sealId, "audit seal " + sealId + " does not follow the seal before it"),
                    audit(Kind.SEAL_CHANGED, sealId, "audit seal " + sealId + " no longer gives its hash: the seal was changed"),
                    audit(Kind.SIGNATURE_INVALID, sealId, "audit seal " + sealId + "'s signature does not verify")));
        } finally {
            execute("UPDATE AUDIT_SEAL SET PREVIOUS_HASH = '" + previous + "' WHERE ID = " + sealId);
        }
        assertHolds();
    }

    @Test
    void aBadSignature(@TempDir Path dir) throws Exception {
        String signature = text("SELECT SIGNATURE FROM AUDIT_SEAL WHERE ID = " + sealId);
        String another = text("SELECT SIGNATURE FROM AUDIT_SEAL WHERE ID = " + (sealId - 1));
        try (PreparedStatement s = db.prepareStatement("UPDATE AUDIT_SEAL SET SIGNATURE = ? WHERE ID = ?")) {
            s.setString(1, another);
            s.setLong(2, sealId);
            s.executeUpdate();
        }
        try {
            assertFound(dir, List.of(audit(Kind.SIGNATURE_INVALID, sealId, "audit seal " + sealId + "'s signature does not verify")));
        } finally {
            try (PreparedStatement s = db.prepareStatement("UPDATE AUDIT_SEAL SET SIGNATURE = ? WHERE ID = ?")) {
                s.setString(1, signature);
                s.setLong(2, sealId);
                s.executeUpdate();
            }
        }
        assertHolds();
    }

    @Test
    void aChangedAdministratorsAction(@TempDir Path dir) throws Exception {
        String outcome = text("SELECT OUTCOME FROM ADMIN_ACTION WHERE ID = " + actionId);
        execute("UPDATE ADMIN_ACTION SET OUTCOME = 'INVALID_PERIOD' WHERE ID = " + actionId);
        try {
            assertFound(dir, List.of(new Finding(Kind.RECORD_CHANGED, SealStatement.ADMIN, actionId,
                    "admin record " + actionId + " was changed after it was written")));
        } finally {
            execute("UPDATE ADMIN_ACTION SET OUTCOME = '" + outcome + "' WHERE ID = " + actionId);
        }
        assertHolds();
    }
}
