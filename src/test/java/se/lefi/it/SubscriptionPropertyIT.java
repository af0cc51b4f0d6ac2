package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.dev.register.SyntheticRegister;

/**
 * The subscription property: a long random change stream over random persons, with orders and full
 * updates in between, then each subscriber's feed replayed. The replay must equal the register, as a
 * question from the subscription's from-date reads it, for exactly the subscribed persons and types:
 * nothing missing, nothing duplicated, nothing leaked. Demo persons 900..949 are used here only; the
 * seed is in every failure message.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SubscriptionPropertyIT {
    private static final int FIRST = 900;
    private static final int PERSONS = 50;
    private static final String[] TYPES = {"SJP", "FP", "TFP", "VB", "ABB", "BOB", "SGI", "GEPI"};
    private static final LocalDate TODAY = Questions.TODAY;

    /** One subscriber's view: its subscriptions (person → from, types) and where its feed started. */
    private record Subscriber(String alias, String number, String purpose, String extra, int maxYearsBack, long start,
                              Map<String, LocalDate> from, Map<String, List<String>> types, Map<String, List<String>> typesByRequest) {
    }

    @Test
    void replayedFeedsEqualTheRegister() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String context = "seed " + seed;
        Subscriber insurer = new Subscriber("insurer", DemoRegister.INSURER, "COORDINATION_OF_COMPENSATION", null, 1,
                Subscriptions.lastSequence("insurer", DemoRegister.INSURER), new HashMap<>(), new HashMap<>(), new HashMap<>());
        Subscriber municipality = new Subscriber("municipality", DemoRegister.MUNICIPALITY, "CASE_WORK", "\"caseId\": \"K-PROP-1\"", 3,
                Subscriptions.lastSequence("municipality", DemoRegister.MUNICIPALITY), new HashMap<>(), new HashMap<>(), new HashMap<>());
        List<Subscriber> subscribers = List.of(insurer, municipality);

        for (int round = 0; round < 4; round++) {
            for (Subscriber s : subscribers) {
                for (int n = 0; n < 8; n++) {
                    order(s, SyntheticRegister.personId(FIRST + random.nextInt(PERSONS - 10)), random, context);
                }
                if (!s.from().isEmpty() && random.nextBoolean()) {
                    fullUpdate(s, random, context);
                }
            }
            JsonObject applied = AdminApi.post("/register/synthetic-changes?count=400&first=" + FIRST + "&persons=" + PERSONS
                    + "&seed=" + random.nextLong(), null, 200);
            assertEquals(400, applied.getInt("applied"), context);
        }
        Subscriptions.awaitDispatched();

        for (Subscriber s : subscribers) {
            check(s, context + ", " + s.alias());
        }
    }

    private static void order(Subscriber s, String person, Random random, String context) throws Exception {
        List<String> types = new ArrayList<>();
        for (String type : TYPES) {
            if (random.nextInt(3) > 0) {
                types.add(type);
            }
        }
        if (types.isEmpty()) {
            types.add("SJP");
        }
        LocalDate from = TODAY.minusDays(random.nextInt(365 * s.maxYearsBack()));
        JsonObject receipt = Subscriptions.ok(Subscriptions.post(s.alias(), s.number(), "/subscriptions", Subscriptions.order(List.of(person),
                Subscriptions.quoted(types), s.purpose(), s.extra(), from.toString())));
        assertFalse(receipt.getJsonArray("person").getJsonObject(0).containsKey("code"), context + ": " + receipt);
        s.from().put(person, from);
        s.types().put(person, types);
        s.typesByRequest().put(receipt.getJsonArray("person").getJsonObject(0).getString("requestId"), types);
    }

    private static void fullUpdate(Subscriber s, Random random, String context) throws Exception {
        List<String> persons = new ArrayList<>(s.from().keySet());
        String person = persons.get(random.nextInt(persons.size()));
        LocalDate from = TODAY.minusDays(random.nextInt(365 * s.maxYearsBack()));
        JsonObject receipt = Subscriptions.ok(Subscriptions.post(s.alias(), s.number(), "/subscriptions/full-update",
                "{\"personIds\": [\"" + person + "\"], \"from\": \"" + from + "\"}"));
        assertFalse(receipt.getJsonArray("person").getJsonObject(0).containsKey("code"), context + ": " + receipt);
        s.from().put(person, from);
    }

    private static void check(Subscriber s, String context) throws Exception {
        List<JsonObject> feed = Subscriptions.feed(s.alias(), s.number(), s.start());
        Map<String, Replay> replays = new TreeMap<>();
        long expected = s.start() + 1;
        Set<String> seen = new HashSet<>();
        Map<String, List<String>> current = new HashMap<>();
        for (JsonObject n : feed) {
            assertEquals(expected++, n.getJsonNumber("sequence").longValue(), context + ": the feed has no gaps");
            String person = n.getString("personId");
            assertTrue(s.from().containsKey(person), context + ": nothing about an unsubscribed person");
            if (n.getString("kind").equals("INITIAL")) {
                current.put(person, s.typesByRequest().get(n.getString("requestId")));
            }
            if (n.getString("kind").equals("CHANGE")) {
                assertTrue(seen.add(person + "#" + n.getJsonNumber("changeNumber")), context + ": each change once per person");
            }
            for (String list : List.of("decision", "payment")) {
                for (JsonValue item : n.getJsonArray(list)) {
                    assertTrue(current.get(person).contains(item.asJsonObject().getString("benefit")),
                            context + ": only subscribed types");
                }
            }
            replays.computeIfAbsent(person, p -> new Replay()).apply(n);
        }
        assertEquals(s.from().keySet(), replays.keySet(), context + ": every subscribed person got its data");
        for (Map.Entry<String, Replay> entry : replays.entrySet()) {
            String person = entry.getKey();
            JsonObject register = registerState(person, s.from().get(person), s.types().get(person), context);
            Replay replay = entry.getValue();
            String about = context + ", person index " + (indexOf(person));
            assertEquals(byId(register.getJsonArray("decision"), "decisionId"), replay.decisions, about + ": decisions");
            assertEquals(byId(register.getJsonArray("payment"), "paymentId"), replay.payments, about + ": payments");
            assertEquals(register.getJsonArray("sgi"), replay.sgi, about + ": SGI");
            assertEquals(s.types().get(person).contains("GEPI") ? register.get("personInformation") : null, replay.person,
                    about + ": person information");
        }
    }

    /** The register as a question from the from-date reads it (the municipality may ask over any period). */
    private static JsonObject registerState(String person, LocalDate from, List<String> types, String context) throws Exception {
        HttpResponse<String> answer = Subscriptions.post("municipality", DemoRegister.MUNICIPALITY, "/benefit-information/query", """
                {"personId": "%s", "period": {"from": "%s", "tom": "9999-12-31"}, "informationType": [%s],
                 "purpose": "CASE_WORK", "caseId": "K-PROP-ORACLE"}""".formatted(person, from, Subscriptions.quoted(types)));
        assertEquals(200, answer.statusCode(), context + ": " + answer.body());
        return AdminApi.json(answer.body());
    }

    private static Map<String, JsonObject> byId(JsonArray items, String id) {
        Map<String, JsonObject> out = new TreeMap<>();
        items.forEach(v -> out.put(v.asJsonObject().getString(id), v.asJsonObject()));
        return out;
    }

    private static int indexOf(String person) {
        for (int i = FIRST; i < FIRST + PERSONS; i++) {
            if (SyntheticRegister.personId(i).equals(person)) {
                return i;
            }
        }
        return -1;
    }

    /** The subscriber's reading rule: snapshots replace, changes upsert or remove by id, SGI come whole. */
    private static final class Replay {
        Map<String, JsonObject> decisions = new TreeMap<>();
        Map<String, JsonObject> payments = new TreeMap<>();
        JsonArray sgi = JsonValue.EMPTY_JSON_ARRAY;
        JsonValue person;

        void apply(JsonObject n) {
            switch (n.getString("kind")) {
                case "INITIAL", "FULL_UPDATE" -> {
                    decisions = byId(n.getJsonArray("decision"), "decisionId");
                    payments = byId(n.getJsonArray("payment"), "paymentId");
                    sgi = n.getJsonArray("sgi");
                    person = n.get("personInformation");
                }
                default -> {
                    Map<String, JsonObject> items = n.getString("itemKind").equals("DECISION") ? decisions
                            : n.getString("itemKind").equals("PAYMENT") ? payments : null;
                    if (items == null) {
                        sgi = n.getJsonArray("sgi");
                    } else if (n.getString("change").equals("REMOVED")) {
                        items.remove(n.getString("itemId"));
                    } else {
                        JsonObject item = n.getJsonArray(n.getString("itemKind").equals("DECISION") ? "decision" : "payment").getJsonObject(0);
                        items.put(n.getString("itemId"), item);
                    }
                }
            }
        }
    }

}
