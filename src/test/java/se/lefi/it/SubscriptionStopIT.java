package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.dev.register.SyntheticRegister;

/**
 * Notifications stop from the effective date of a termination, an agent's ceased assignment or a
 * withdrawn consent: the subscription ends with the refusal's code, audited, and nothing more is sent.
 * A date still ahead changes nothing yet. Demo persons 960..969 are used here only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SubscriptionStopIT {
    private static final LocalDate TODAY = Questions.TODAY;
    private static final LocalDate FROM = TODAY.minusYears(1);

    @Test
    void terminationStopsNotifications() throws Exception {
        String number = "5569000093";
        String name = "Prenumerationstest Uppsägning AB";
        LefiServer.issueCertificate("subscription-terminated", name, number);
        AdminApi.connect(number, name, "INSURER", "\"SYSTEM_TO_SYSTEM\"", "\"COORDINATION_OF_COMPENSATION\"", "\"SJP\"");
        String person = SyntheticRegister.personId(960);
        order("subscription-terminated", number, person, "COORDINATION_OF_COMPENSATION", null);
        assertEquals(1, monitored(number));

        AdminApi.post("/organisations/" + number + "/termination", "{\"name\": \"%s\", \"from\": \"%s\"}".formatted(name, TODAY), 200);
        long sequence = feedView(number).getJsonNumber("lastSequence").longValue();
        Subscriptions.applyChanges(Changes.decision("IT-STOP-T1", person, "SJP", TODAY.minusDays(3), TODAY.plusDays(3), 4));
        Subscriptions.awaitDispatched();

        assertEquals(sequence, feedView(number).getJsonNumber("lastSequence").longValue(), "nothing after the termination");
        assertEquals(0, monitored(number));
        assertStopAudited(number, "AGREEMENT_TERMINATED");
    }

    @Test
    void aCeasedAssignmentStopsTheAgentsNotifications() throws Exception {
        String agent = "5569000168";
        String name = "Prenumerationstest Ombud AB";
        LefiServer.issueCertificate("subscription-agent", name, agent);
        AdminApi.connect(agent, name, "AGENT", "\"SYSTEM_TO_SYSTEM\"", "\"SOCIAL_SERVICES\"", "\"SJP\"");
        AdminApi.post("/organisations/" + agent + "/assignments", "{\"principal\": \"%s\", \"from\": \"%s\"}".formatted(DemoRegister.MUNICIPALITY, TODAY), 200);
        String person = SyntheticRegister.personId(961);
        order("subscription-agent", DemoRegister.MUNICIPALITY, person, "SOCIAL_SERVICES", "\"caseId\": \"SOC-2026-961\"");
        assertEquals(1, monitored(agent));

        String cessation = "/organisations/" + agent + "/assignments/" + DemoRegister.MUNICIPALITY + "/cessation";
        AdminApi.post(cessation, "{\"from\": \"" + TODAY.plusDays(1) + "\"}", 200);
        AdminApi.post("/subscriptions/sweep", null, 200);
        assertEquals(1, monitored(agent), "the cessation is not in effect yet");
        AdminApi.post(cessation, "{\"from\": \"" + TODAY + "\"}", 200);
        // The sweep is global: other tests' ended subscriptions may count too.
        assertTrue(AdminApi.post("/subscriptions/sweep", null, 200).getInt("ended") >= 1, "the daily sweep stops it without a change");

        assertEquals(0, monitored(agent));
        assertStopAudited(agent, "NO_LIVE_ASSIGNMENT");
    }

    @Test
    void aWithdrawnConsentStopsFromItsDate() throws Exception {
        String insurer = DemoRegister.INSURER;
        String person = SyntheticRegister.personId(962);
        String consent = "\"consent\": {\"consentId\": \"IT-CONSENT-962\", \"givenOn\": \"%s\", \"scope\": \"riskbedömning\"}".formatted(TODAY.minusDays(10));
        order("insurer", insurer, person, "RISK_ASSESSMENT", consent);

        JsonObject later = Subscriptions.ok(Subscriptions.post("insurer", insurer, "/subscriptions/consent-withdrawals",
                "{\"consentId\": \"IT-CONSENT-962\", \"from\": \"%s\"}".formatted(TODAY.plusDays(1))));
        assertEquals(1, later.getInt("subscriptions"));
        long before = Subscriptions.lastSequence("insurer", insurer);
        Subscriptions.applyChanges(Changes.decision("IT-STOP-C1", person, "SJP", TODAY.minusDays(3), TODAY.plusDays(3), 4));
        Subscriptions.awaitDispatched();
        assertTrue(Subscriptions.feed("insurer", insurer, before).stream().anyMatch(n -> n.getString("personId").equals(person)),
                "the withdrawal takes effect tomorrow");

        Subscriptions.ok(Subscriptions.post("insurer", insurer, "/subscriptions/consent-withdrawals",
                "{\"consentId\": \"IT-CONSENT-962\", \"from\": \"%s\"}".formatted(TODAY)));
        long withdrawn = Subscriptions.lastSequence("insurer", insurer);
        Subscriptions.applyChanges(Changes.decision("IT-STOP-C2", person, "SJP", TODAY.minusDays(3), TODAY.plusDays(3), 4));
        Subscriptions.awaitDispatched();
        assertFalse(Subscriptions.feed("insurer", insurer, withdrawn).stream().anyMatch(n -> n.getString("personId").equals(person)),
                "nothing from the day the consent is withdrawn");
        assertTrue(audit(insurer, "CONSENT_WITHDRAWN").stream().anyMatch(r -> person.equals(r.getString("personId", null))));

        assertEquals("NOT_SUBSCRIBED", AdminApi.json(Subscriptions.post("insurer", insurer, "/subscriptions/consent-withdrawals",
                "{\"consentId\": \"IT-NO-SUCH-CONSENT\", \"from\": \"%s\"}".formatted(TODAY)).body()).getString("code"));
    }

    private static void order(String alias, String actor, String person, String purpose, String extra) throws Exception {
        JsonObject receipt = Subscriptions.ok(Subscriptions.post(alias, actor, "/subscriptions",
                Subscriptions.order(List.of(person), "\"SJP\"", purpose, extra, FROM.toString())));
        assertFalse(receipt.getJsonArray("person").getJsonObject(0).containsKey("code"), receipt.toString());
    }

    private static JsonObject feedView(String number) throws Exception {
        return AdminApi.json(AdminApi.get("admin", "/feeds/" + number).body());
    }

    private static long monitored(String number) throws Exception {
        return feedView(number).getJsonNumber("personsMonitored").longValue();
    }

    private static List<JsonObject> audit(String number, String outcome) throws Exception {
        JsonArray records = jakarta.json.Json.createReader(new java.io.StringReader(
                AdminApi.get("admin", "/audit?organisation=" + number + "&outcome=" + outcome).body())).readArray();
        return records.getValuesAs(JsonObject.class);
    }

    private static void assertStopAudited(String number, String code) throws Exception {
        assertTrue(audit(number, code).stream().anyMatch(r -> r.getString("operation").equals("SubscriptionNotification")),
                "the stop is audited with " + code);
    }
}
