package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.dev.register.SyntheticRegister;

/**
 * The order types over REST: a new order sends the person's data at once and then each change once,
 * in order (NEW, CHANGED, REMOVED when it leaves the from-date's scope); reading the feed again is
 * idempotent and acknowledging moves the default cursor; a full update resends from a date; a cancel
 * ends it. Refusals are per person in the receipt, or the whole request's with its code. Demo persons
 * 950..959 are used here only, so other tests' expectations of the register hold.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SubscriptionOrderIT {
    private static final String INSURER = DemoRegister.INSURER;
    private static final LocalDate TODAY = Questions.TODAY;
    private static final LocalDate FROM = TODAY.minusYears(1);
    private static final String ALL = "\"SJP\", \"FP\", \"TFP\", \"SGI\", \"GEPI\"";

    @Test
    void newOrderThenEveryChangeOnceThenFullUpdateThenCancel() throws Exception {
        String person = SyntheticRegister.personId(950);
        long before = Subscriptions.lastSequence("insurer", INSURER);
        JsonObject receipt = Subscriptions.ok(Subscriptions.post("insurer", INSURER, "/subscriptions",
                Subscriptions.order(List.of(person), ALL, "COORDINATION_OF_COMPENSATION", null, FROM.toString())));
        JsonObject accepted = receipt.getJsonArray("person").getJsonObject(0);
        assertFalse(accepted.containsKey("code"), receipt.toString());

        List<JsonObject> initial = Subscriptions.feed("insurer", INSURER, before);
        assertEquals(1, initial.size(), initial.toString());
        assertEquals("INITIAL", initial.get(0).getString("kind"));
        assertEquals(person, initial.get(0).getString("personId"));
        assertTrue(initial.get(0).containsKey("personInformation"), "GEPI was ordered");
        assertEquals(accepted.getString("requestId"), initial.get(0).getString("requestId"));
        JsonObject orderAudit = AdminApi.auditRecord(accepted.getString("requestId"));
        assertEquals("OrderSubscription", orderAudit.getString("operation"));
        assertEquals("GRANTED", orderAudit.getString("outcome"));
        long afterInitial = initial.get(0).getJsonNumber("sequence").longValue();

        Subscriptions.applyChanges(String.join("\n",
                Changes.decision("IT-SUB-D1", person, "SJP", TODAY.minusDays(20), TODAY.plusDays(10), 4),
                Changes.decision("IT-SUB-D1", person, "SJP", TODAY.minusDays(20), TODAY.plusDays(40), 2),
                Changes.payment("IT-SUB-P1", person, "VB", TODAY.minusDays(60), TODAY.minusDays(30)),
                Changes.decision("IT-SUB-D1", person, "SJP", FROM.minusDays(90), FROM.minusDays(1), 2)));
        Subscriptions.awaitDispatched();

        List<JsonObject> changes = Subscriptions.feed("insurer", INSURER, afterInitial);
        assertEquals(List.of("NEW", "CHANGED", "REMOVED"), changes.stream().map(n -> n.getString("change")).toList(),
                "the VB payment is outside the ordered types; the last version ends before the from-date");
        assertEquals(List.of("IT-SUB-D1", "IT-SUB-D1", "IT-SUB-D1"), changes.stream().map(n -> n.getString("itemId")).toList());
        assertEquals(2, changes.get(1).getJsonArray("decision").getJsonObject(0).getJsonObject("extent").getInt("numerator"));
        assertTrue(changes.get(2).getJsonArray("decision").isEmpty(), "a removal carries no data");
        JsonObject changeAudit = AdminApi.auditRecord(changes.get(0).getString("requestId"));
        assertEquals("SubscriptionNotification", changeAudit.getString("operation"));
        assertEquals(person, changeAudit.getString("personId"));
        assertEquals(changes, Subscriptions.feed("insurer", INSURER, afterInitial), "reading again gives the same");

        long last = changes.get(2).getJsonNumber("sequence").longValue();
        Subscriptions.ok(Subscriptions.post("insurer", INSURER, "/notifications/acknowledgement", "{\"upTo\": " + last + "}"));
        Subscriptions.ok(Subscriptions.post("insurer", INSURER, "/notifications/acknowledgement", "{\"upTo\": " + afterInitial + "}"));
        JsonObject fromAcknowledged = Subscriptions.ok(Subscriptions.get("insurer", INSURER, "/notifications"));
        assertEquals(last, fromAcknowledged.getJsonNumber("acknowledged").longValue(), "an older position does not move it back");
        assertProblem(Subscriptions.post("insurer", INSURER, "/notifications/acknowledgement",
                "{\"upTo\": " + (fromAcknowledged.getJsonNumber("lastSequence").longValue() + 1000) + "}"), 400, "INVALID_REQUEST");

        JsonObject update = Subscriptions.ok(Subscriptions.post("insurer", INSURER, "/subscriptions/full-update",
                "{\"personIds\": [\"" + person + "\"], \"from\": \"" + FROM.minusMonths(6) + "\"}"));
        assertFalse(update.getJsonArray("person").getJsonObject(0).containsKey("code"), update.toString());
        List<JsonObject> full = Subscriptions.feed("insurer", INSURER, last);
        assertEquals(1, full.size());
        assertEquals("FULL_UPDATE", full.get(0).getString("kind"));
        assertTrue(full.get(0).getJsonArray("decision").stream().anyMatch(d -> d.asJsonObject().getString("decisionId").equals("IT-SUB-D1")),
                "the earlier from-date covers the decision again");

        Subscriptions.ok(Subscriptions.post("insurer", INSURER, "/subscriptions/cancellation", Subscriptions.persons(List.of(person))));
        long cancelledAt = Subscriptions.lastSequence("insurer", INSURER);
        Subscriptions.applyChanges(Changes.decision("IT-SUB-D2", person, "SJP", TODAY, TODAY.plusDays(5), 4));
        Subscriptions.awaitDispatched();
        assertTrue(Subscriptions.feed("insurer", INSURER, cancelledAt).stream().noneMatch(n -> n.getString("personId").equals(person)),
                "nothing after the cancellation");
        JsonObject again = Subscriptions.ok(Subscriptions.post("insurer", INSURER, "/subscriptions/cancellation", Subscriptions.persons(List.of(person))));
        assertEquals("NOT_SUBSCRIBED", again.getJsonArray("person").getJsonObject(0).getString("code"));
    }

    @Test
    void refusalsPerPersonAndForTheWholeRequest() throws Exception {
        String person = SyntheticRegister.personId(951);
        JsonObject receipt = Subscriptions.ok(Subscriptions.post("insurer", INSURER, "/subscriptions", Subscriptions.order(
                List.of(person, "191212121213"), "\"SJP\"", "RISK_ASSESSMENT", null, FROM.toString())));
        assertEquals("CONSENT_MISSING", receipt.getJsonArray("person").getJsonObject(0).getString("code"));
        assertEquals("INVALID_PERSON_ID", receipt.getJsonArray("person").getJsonObject(1).getString("code"));
        assertFalse(receipt.toString().contains("191212121213"), "a refusal echoes no person id");
        assertEquals("CONSENT_MISSING", AdminApi.auditRecord(receipt.getJsonArray("person").getJsonObject(0).getString("requestId"))
                .getString("outcome"));

        assertProblem(Subscriptions.post("terminated", "5569000077", "/subscriptions",
                Subscriptions.order(List.of(person), "\"SJP\"", "COORDINATION_OF_COMPENSATION", null, FROM.toString())), 403, "AGREEMENT_TERMINATED");
        assertProblem(Subscriptions.post("insurer", DemoRegister.MUNICIPALITY, "/subscriptions",
                Subscriptions.order(List.of(person), "\"SJP\"", "CASE_WORK", "\"caseId\": \"K-1\"", FROM.toString())), 403, "PRINCIPAL_NOT_ALLOWED");
        assertProblem(Subscriptions.post("insurer", INSURER, "/subscriptions", "{not json"), 400, "INVALID_REQUEST");
        assertProblem(Subscriptions.post("insurer", INSURER, "/subscriptions",
                Subscriptions.order(List.of(), "\"SJP\"", "COORDINATION_OF_COMPENSATION", null, FROM.toString())), 400, "INVALID_REQUEST");
        JsonObject tooLong = Subscriptions.ok(Subscriptions.post("insurer", INSURER, "/subscriptions",
                Subscriptions.order(List.of(person), "\"SJP\"", "COORDINATION_OF_COMPENSATION", null, TODAY.minusYears(3).toString())));
        assertEquals("PERIOD_TOO_LONG", tooLong.getJsonArray("person").getJsonObject(0).getString("code"));
        assertProblem(Subscriptions.get("insurer", DemoRegister.MUNICIPALITY, "/notifications"), 403, "PRINCIPAL_NOT_ALLOWED");

        JsonObject caseMissing = Subscriptions.ok(Subscriptions.post("agent", DemoRegister.MUNICIPALITY, "/subscriptions",
                Subscriptions.order(List.of(person), "\"SJP\"", "SOCIAL_SERVICES", null, FROM.toString())));
        assertEquals("CASE_MISSING", caseMissing.getJsonArray("person").getJsonObject(0).getString("code"));
    }

    @Test
    void theDailyFileHoldsTheDaysNotifications() throws Exception {
        String person = SyntheticRegister.personId(952);
        Subscriptions.ok(Subscriptions.post("insurer", INSURER, "/subscriptions",
                Subscriptions.order(List.of(person), "\"SJP\"", "COORDINATION_OF_COMPENSATION", null, FROM.toString())));
        HttpResponse<String> file = Subscriptions.get("insurer", INSURER, "/notifications/daily/" + TODAY);
        assertEquals(200, file.statusCode(), file.body());
        assertTrue(file.body().startsWith("sequence;personId;kind;changeNumber;registerTime;requestId;notification\r\n"));
        assertTrue(file.body().lines().anyMatch(line -> line.contains(";" + person + ";INITIAL;")), file.body());
        assertProblem(Subscriptions.get("insurer", INSURER, "/notifications/daily/" + TODAY.plusDays(1)), 400, "INVALID_REQUEST");
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, AdminApi.json(response.body()).getString("code"), response.body());
    }
}
