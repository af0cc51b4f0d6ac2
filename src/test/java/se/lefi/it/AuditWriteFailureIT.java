package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * When the audit record cannot be written, nothing is disclosed: the question's answer and its audit
 * record are one transaction, so the caller gets SERVICE_UNAVAILABLE (SOAP fault or REST problem,
 * never an error page or data) and the register's data stay in. The audit store is made to fail for
 * these questions only, by a trigger in the PostgreSQL schema the server runs on (the PostgreSQL run
 * of the suite; embedded H2 lives inside the server's process, out of the test's reach).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "lefi.test.database", matches = "postgresql")
class AuditWriteFailureIT {
    private static final String MARKER = "audit-store-fails";

    @Test
    void noAnswerLeavesWithoutItsAuditRecord() throws Exception {
        String schema = System.getProperty("lefi.test.postgresql.schema");
        try (Connection c = DriverManager.getConnection(System.getProperty("lefi.test.postgresql.url"),
                System.getProperty("lefi.test.postgresql.user"), System.getProperty("lefi.test.postgresql.password"));
             Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE FUNCTION " + schema + ".refuse_marked_audit() RETURNS trigger AS $$ BEGIN"
                    + " IF NEW.CORRELATION_ID = '" + MARKER + "' THEN RAISE EXCEPTION 'audit store unavailable (test)'; END IF;"
                    + " RETURN NEW; END $$ LANGUAGE plpgsql");
            s.execute("CREATE TRIGGER refuse_marked_audit BEFORE INSERT ON " + schema + ".AUDIT_RECORD"
                    + " FOR EACH ROW EXECUTE FUNCTION " + schema + ".refuse_marked_audit()");
            try {
                HttpResponse<String> rest = RestTwinIT.query("insurer", DemoRegister.INSURER, """
                        {"personId": "%s", "period": {"from": "%s", "tom": "%s"}, "informationType": ["SJP", "SGI"],
                         "purpose": "COORDINATION_OF_COMPENSATION", "correlationId": "%s"}"""
                        .formatted(DemoRegister.PERSON, Questions.TODAY.minusYears(1), Questions.TODAY, MARKER));
                assertEquals(503, rest.statusCode(), rest.body());
                JsonObject problem = AdminApi.json(rest.body());
                assertEquals("SERVICE_UNAVAILABLE", problem.getString("code"));
                assertFalse(rest.body().contains(DemoRegister.PERSON), "no person in the problem");
                assertFalse(rest.body().contains("decision"), "no data in the problem");

                SoapEnvelopes.Reply soap = SoapEnvelopes.post("insurer", "GetBenefitInformation-coordination.xml",
                        SoapEnvelopes.GET_BENEFIT_INFORMATION, Map.of("correlationId", MARKER));
                assertEquals(500, soap.status(), soap.body());
                assertEquals("SERVICE_UNAVAILABLE", soap.faultCode(), soap.body());
                assertFalse(soap.body().contains(DemoRegister.PERSON), "no person in the fault");
                assertFalse(soap.body().contains("audit store unavailable"), "no database message in the fault");
            } finally {
                s.execute("DROP TRIGGER refuse_marked_audit ON " + schema + ".AUDIT_RECORD");
            }
        }
        // The audit store works again for the same question; and of the three questions only that one
        // is in the audit log: the two that were not answered left no record.
        assertEquals(200, RestTwinIT.query("insurer", DemoRegister.INSURER, """
                {"personId": "%s", "period": {"from": "%s", "tom": "%s"}, "informationType": ["SJP"],
                 "purpose": "COORDINATION_OF_COMPENSATION", "correlationId": "%s"}"""
                .formatted(DemoRegister.PERSON, Questions.TODAY.minusYears(1), Questions.TODAY, MARKER)).statusCode());
        HttpResponse<String> search = AdminApi.get("admin", "/audit?person=" + URLEncoder.encode(DemoRegister.PERSON, StandardCharsets.UTF_8)
                + "&max=1000");
        assertEquals(200, search.statusCode(), search.body());
        assertEquals(1, search.body().split("\"correlationId\":\"" + MARKER + "\"", -1).length - 1, search.body());
    }
}
