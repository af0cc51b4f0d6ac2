package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.domain.alert.AlertRules;
import se.lefi.dev.register.SyntheticRegister;

/**
 * Anomaly alerts from synthetic traffic, for each rule: traffic that should trip it does, and traffic that
 * should not does not. The test server's thresholds are low (pom.xml: rate minimum 20 per bucket, 5
 * distinct persons per web user, 8 refusals per certificate); each scenario sends twice what trips it, so
 * that a bucket boundary in the middle cannot hide it. What an alert observed is the count when the
 * detector found the rule tripped, which depends on how the traffic fell into seals: it is checked to lie
 * between the threshold and what was sent. Alerts block nothing: every granted question of the burst was
 * answered. The organisations here (5569000218..5569000267) are this test's own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnomalyAlertsIT {
    private static final String BURST = "5569000218";
    private static final String STEADY = "5569000226";
    private static final String PROBER = "5569000234";
    private static final String QUIET_PROBER = "5569000242";

    private static String question(long person) {
        return """
                {"personId": "%s", "period": {"from": "%s", "tom": "%s"}, "informationType": ["SJP"],
                 "purpose": "COORDINATION_OF_COMPENSATION"}""".formatted(SyntheticRegister.personId(person), Questions.TODAY.minusYears(1),
                Questions.TODAY);
    }

    private static void connect(String number, String alias) throws Exception {
        AdminApi.connect(number, "Larmtest " + alias + " AB", "INSURER", "\"SYSTEM_TO_SYSTEM\"", "\"COORDINATION_OF_COMPENSATION\"", "\"SJP\"");
        LefiServer.issueCertificate(alias, "Larmtest " + alias + " AB", number);
    }

    private static List<JsonObject> alerts() throws Exception {
        HttpResponse<String> response = AdminApi.get("admin", "/alerts?max=1000");
        assertEquals(200, response.statusCode(), response.body());
        return LefiServer.json("{\"a\":" + response.body() + "}").getJsonArray("a").getValuesAs(JsonObject.class);
    }

    private static Optional<JsonObject> alert(String rule, Predicate<JsonObject> about) throws Exception {
        return alerts().stream().filter(a -> a.getString("rule").equals(rule) && about.test(a)).findFirst();
    }

    /** Waits for the alert; the detector reads the stream every 5 s once it is sealed (every 5 s). */
    private static JsonObject awaitAlert(String rule, Predicate<JsonObject> about) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Optional<JsonObject> found = alert(rule, about);
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            found = alert(rule, about);
        }
        assertTrue(found.isPresent(), rule + " was raised");
        return found.get();
    }

    /** Waits until the detector has read past {@code requestId}: its record is sealed, and one more run has passed. */
    private static void awaitRead(String requestId) throws Exception {
        AuditArchives.sealedRecord(requestId);
        Thread.sleep(11_000);
    }

    private static double alertsCounted(String rule) throws Exception {
        return MetricsIT.metrics().stream().filter(l -> l.startsWith("lefi_alerts_total{") && l.contains("rule=\"" + rule + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aBurstFarAboveTheBaselineAlertsAndSteadyTrafficDoesNot() throws Exception {
        connect(BURST, "alert-burst");
        connect(STEADY, "alert-steady");
        double before = alertsCounted("RATE_ABOVE_BASELINE");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, RestTwinIT.query("alert-steady", STEADY, question(i)).statusCode());
        }
        String last = null;
        for (int i = 0; i < 41; i++) {
            HttpResponse<String> answer = RestTwinIT.query("alert-burst", BURST, question(i));
            assertEquals(200, answer.statusCode(), "an alert blocks nothing: " + answer.body());
            last = AdminApi.json(answer.body()).getString("requestId");
        }
        JsonObject alert = awaitAlert("RATE_ABOVE_BASELINE", a -> a.getString("subject").equals(BURST));
        assertEquals("ORGANISATION", alert.getString("subjectKind"));
        assertEquals(BURST, alert.getString("organisationNumber"));
        assertTrue(alert.getJsonNumber("observed").longValue() >= 20 && alert.getJsonNumber("observed").longValue() <= 41, alert.toString());
        assertEquals(Duration.ofMinutes(10), Duration.between(Instant.parse(alert.getString("windowStart")),
                Instant.parse(alert.getString("windowEnd"))));
        assertTrue(alert.getString("threshold").matches("more than 5\\.0 × the baseline's 0\\.\\d\\d questions per 10 minutes, and at least 20"),
                alert.toString());
        assertEquals(0, Instant.parse(alert.getString("windowStart")).getEpochSecond() % 600, "buckets are aligned to 10 minutes");
        assertTrue(alertsCounted("RATE_ABOVE_BASELINE") >= before + 1, "counted in lefi_alerts_total{rule}");

        awaitRead(last);
        assertEquals(Optional.empty(), alert("RATE_ABOVE_BASELINE", a -> a.getString("subject").equals(STEADY)));
        assertTrue(alerts().stream().noneMatch(a -> a.toString().contains(SyntheticRegister.personId(0))), "no person in an alert");
    }

    @Test
    void aRunOfRefusalsFromOneCertificateAlertsAndAFewDoNot() throws Exception {
        LefiServer.issueCertificate("alert-prober", "Larmtest Sond AB", PROBER);
        LefiServer.issueCertificate("alert-quiet-prober", "Larmtest Tyst AB", QUIET_PROBER);
        String quiet = null;
        for (int i = 0; i < 3; i++) {
            quiet = refused("alert-quiet-prober", QUIET_PROBER, i);
        }
        String last = null;
        for (int i = 0; i < 17; i++) {
            last = refused("alert-prober", PROBER, i);
        }
        String fingerprint = AdminApi.auditRecord(last).getString("certificateFingerprint");
        JsonObject alert = awaitAlert("REFUSAL_RUN", a -> a.getString("subject").equals(fingerprint));
        assertEquals("CERTIFICATE", alert.getString("subjectKind"));
        assertEquals("at least 8 refusals in 10 minutes, 90% of the certificate's questions or more", alert.getString("threshold"));
        assertTrue(alert.getJsonNumber("observed").longValue() >= 8 && alert.getJsonNumber("observed").longValue() <= 17, alert.toString());

        awaitRead(last);
        String quietFingerprint = AdminApi.auditRecord(quiet).getString("certificateFingerprint");
        assertEquals(Optional.empty(), alert("REFUSAL_RUN", a -> a.getString("subject").equals(quietFingerprint)));
    }

    /** A question from the certificate of an organisation that is not registered: refused, and audited under a request id. */
    private static String refused(String alias, String actor, int person) throws Exception {
        HttpResponse<String> refused = RestTwinIT.query(alias, actor, question(person));
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("NOT_CONNECTED", AdminApi.json(refused.body()).getString("code"));
        return AdminApi.json(refused.body()).getString("requestId");
    }

    @Test
    void aWebUserAskingAboutManyPersonsAlertsAndOneAskingAboutAFewDoesNot() throws Exception {
        String fewPersonsUser = "197901012380";
        LefiServer.issuePersonalCertificate("alert-web-few", "Larmtest Fåtal", fewPersonsUser);
        AdminApi.post("/organisations/" + DemoRegister.INSURER + "/web-users", """
                {"personId": "%s", "name": "Larmtest Fåtal", "decidedBy": "Chef Chefsson", "decidedOn": "%s"}"""
                .formatted(fewPersonsUser, Questions.TODAY), 200);
        for (int i = 0; i < 12; i++) {
            webQuestion("alert-web-few", 620 + i % 3); // three persons, four times each
        }
        String last = null;
        for (int i = 0; i < 11; i++) {
            last = webQuestion("case-handler", 600 + i);
        }
        JsonObject alert = awaitAlert("MANY_PERSONS", a -> a.getString("subjectKind").equals("WEB_USER"));
        assertEquals(DemoRegister.INSURER, alert.getString("organisationNumber"));
        assertTrue(alert.getString("subject").matches("[0-9]+"), "the web user by the id of its decision, not its personnummer");
        assertEquals("more than 5 distinct persons in 60 minutes", alert.getString("threshold"));
        assertTrue(alert.getJsonNumber("observed").longValue() >= 6 && alert.getJsonNumber("observed").longValue() <= 11, alert.toString());
        assertEquals(Duration.ofMinutes(60), Duration.between(Instant.parse(alert.getString("windowStart")),
                Instant.parse(alert.getString("windowEnd"))));
        awaitRead(last);
        assertEquals(1, alerts().stream().filter(a -> a.getString("rule").equals("MANY_PERSONS")).count(),
                "the case handler's alert only, once per window however often it is looked at; none for three persons");
        assertTrue(alerts().stream().noneMatch(a -> a.toString().contains(fewPersonsUser)), "no personnummer in an alert");
    }

    private static String webQuestion(String alias, long person) throws Exception {
        HttpResponse<String> answer = LefiServer.httpClient(alias).send(HttpRequest.newBuilder(LefiServer.uri("/api/web/query"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(question(person))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return AdminApi.json(answer.body()).getString("requestId");
    }

    /**
     * Questions in an hour the caller never uses. Its usual hours need days of history, so the test writes
     * that history into the detector's counts directly: PostgreSQL only (embedded H2 lives inside the server).
     */
    @Test
    @EnabledIfSystemProperty(named = "lefi.test.database", matches = "postgresql")
    void questionsInAnUnusedHourAlertAndInAUsedHourDoNot() throws Exception {
        String unusual = "5569000259";
        String usual = "5569000267";
        connect(unusual, "alert-night");
        connect(usual, "alert-day");
        Instant now = Instant.now();
        int thisHour = AlertRules.hourOfDay(now);
        int nextHour = AlertRules.hourOfDay(now.plus(Duration.ofHours(1)));
        try (Connection db = DriverManager.getConnection(System.getProperty("lefi.test.postgresql.url") + "?currentSchema="
                        + System.getProperty("lefi.test.postgresql.schema"),
                System.getProperty("lefi.test.postgresql.user"), System.getProperty("lefi.test.postgresql.password"));
             PreparedStatement insert = db.prepareStatement("INSERT INTO ALERT_COUNT (SUBJECT_KIND, SUBJECT, BUCKET_START, QUESTIONS, REFUSALS)"
                     + " VALUES ('ORGANISATION', ?, ?, 3, 0)")) {
            Instant start = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(13));
            for (Instant bucket = start; bucket.isBefore(now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2)));
                 bucket = bucket.plus(Duration.ofMinutes(10))) {
                int hour = AlertRules.hourOfDay(bucket);
                insert.setObject(2, bucket.atOffset(ZoneOffset.UTC));
                insert.setString(1, usual);
                insert.addBatch();
                if (hour != thisHour && hour != nextHour) {
                    insert.setString(1, unusual);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        String last = null;
        for (int i = 0; i < 11; i++) {
            last = AdminApi.json(RestTwinIT.query("alert-day", usual, question(i)).body()).getString("requestId");
            assertEquals(200, RestTwinIT.query("alert-night", unusual, question(i)).statusCode());
        }
        JsonObject alert = awaitAlert("OUTSIDE_USUAL_HOURS", a -> a.getString("subject").equals(unusual));
        assertTrue(alert.getString("threshold").matches("no questions in this hour in the last 14 days \\(\\d+ at other hours\\), and at least 5 now"),
                alert.toString());
        assertEquals("ORGANISATION", alert.getString("subjectKind"));
        awaitRead(last);
        assertEquals(Optional.empty(), alert("OUTSIDE_USUAL_HOURS", a -> a.getString("subject").equals(usual)));
    }
}
