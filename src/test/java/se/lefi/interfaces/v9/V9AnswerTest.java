package se.lefi.interfaces.v9;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.lefi.application.access.BenefitAnswer;
import se.lefi.domain.register.Decision;
import se.lefi.domain.register.Extent;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.SourceStatus;

class V9AnswerTest {

    private static final LocalDate TODAY = V9Fixtures.TODAY;
    private static final String PNR = V9Fixtures.PERSON;

    private static JsonValue at(JsonObject json, String pointer) {
        return Json.createPointer(pointer).getValue(json);
    }

    private static String str(JsonObject json, String pointer) {
        return ((jakarta.json.JsonString) at(json, pointer)).getString();
    }

    private static BigDecimal num(JsonObject json, String pointer) {
        return ((jakarta.json.JsonNumber) at(json, pointer)).bigDecimalValue();
    }

    private static boolean has(JsonObject json, String pointer) {
        return Json.createPointer(pointer).containsValue(json);
    }

    private static V9Question question(List<String> formansinformation, List<String> ansprak, List<String> preliminara,
                                      List<String> utbetalningar, List<String> ovrig) {
        return new V9Question(PNR, LocalDate.of(2025, 1, 1), TODAY, formansinformation, ansprak, List.of(), preliminara,
                utbetalningar, ovrig);
    }

    @Test
    void sicknessBenefitDecisionsAreGroupedIntoCases() {
        LocalDate caseStart = LocalDate.of(2026, 3, 2);
        Decision first = new Decision("D1", PNR, InformationType.SJP, caseStart, false, LocalDate.of(2026, 3, 10), true,
                LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 16), Extent.FULL, new BigDecimal("14"), true, "BEVILJAT", "NYTT",
                new BigDecimal("80.00"), new BigDecimal("1016.00"));
        Decision extension = new Decision("D2", PNR, InformationType.SJP, caseStart, true, LocalDate.of(2026, 3, 20), false,
                LocalDate.of(2026, 3, 17), LocalDate.of(2026, 4, 3), new Extent(1, 2), new BigDecimal("9.00"), false, "DELVIS_BEVILJAT",
                "FORLANGNING", new BigDecimal("77.60"), new BigDecimal("490.50"));
        Decision otherCase = new Decision("D3", PNR, InformationType.SJP, LocalDate.of(2025, 5, 1), false, LocalDate.of(2025, 5, 5), true,
                LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 7), new Extent(3, 4), new BigDecimal("5.25"), true, "AVSLAG", "NYTT",
                new BigDecimal("80.00"), BigDecimal.ZERO);
        BenefitAnswer answer = V9Fixtures.answer(List.of(first, extension, otherCase), List.of(), List.of(), null, Set.of());

        JsonObject json = V9Json.answer(question(List.of("FK:SJP"), List.of(), List.of(), List.of(), List.of()), answer, TODAY);

        JsonArray cases = json.getJsonObject("formansinformation").getJsonArray("sjukpenningarende");
        assertEquals(2, cases.size());
        // the earlier case first
        assertEquals("2025-05-01", str(json, "/formansinformation/sjukpenningarende/0/startades"));
        assertEquals(JsonValue.FALSE, at(json, "/formansinformation/sjukpenningarende/0/aktivt"));
        assertEquals("AVSLAG", str(json, "/formansinformation/sjukpenningarende/0/beslut/0/beslutsutfall"));
        // dagar is an integer in the schema: a net 5.25 days is not rounded into something the register does not hold
        assertFalse(has(json, "/formansinformation/sjukpenningarende/0/beslut/0/dagar"));

        String c = "/formansinformation/sjukpenningarende/1";
        assertEquals("2026-03-02", str(json, c + "/startades"));
        assertEquals(JsonValue.TRUE, at(json, c + "/aktivt"));
        assertFalse(has(json, c + "/avslaget"), "LefiSjukpenningArende has no avslaget");
        assertEquals(2, cases.getJsonObject(1).getJsonArray("beslut").size());
        assertEquals("2026-03-10", str(json, c + "/beslut/0/fattades"));
        assertEquals(JsonValue.TRUE, at(json, c + "/beslut/0/definitivt"));
        assertEquals("SJP", str(json, c + "/beslut/0/forman/id"));
        assertEquals("Sjukpenning", str(json, c + "/beslut/0/forman/beskrivning"));
        assertEquals("2026-03-03", str(json, c + "/beslut/0/period/fran"));
        assertEquals("2026-03-16", str(json, c + "/beslut/0/period/till"));
        assertEquals(1, num(json, c + "/beslut/0/omfattning/taljare").intValueExact());
        assertEquals(1, num(json, c + "/beslut/0/omfattning/namnare").intValueExact());
        assertEquals(14, num(json, c + "/beslut/0/dagar").intValueExact());
        assertEquals(JsonValue.TRUE, at(json, c + "/beslut/0/karens"));
        assertEquals("BEVILJAN", str(json, c + "/beslut/0/beslutsutfall"));
        assertEquals("NYTT", str(json, c + "/beslut/0/beslutstyp"));
        assertEquals("80", str(json, c + "/beslut/0/ersattningsniva"));
        assertFalse(has(json, c + "/beslut/0/ersattning"));
        assertFalse(has(json, c + "/beslut/0/beslutatBruttobelopp"), "LefiSjukpenningBeslut declares no decided amount");

        assertEquals(JsonValue.FALSE, at(json, c + "/beslut/1/definitivt"));
        assertEquals(1, num(json, c + "/beslut/1/omfattning/taljare").intValueExact());
        assertEquals(2, num(json, c + "/beslut/1/omfattning/namnare").intValueExact());
        assertEquals(9, num(json, c + "/beslut/1/dagar").intValueExact());
        assertEquals(JsonValue.FALSE, at(json, c + "/beslut/1/karens"));
        assertEquals("DELVIS_BEVILJAT", str(json, c + "/beslut/1/beslutsutfall"));
        assertEquals("FORLANGNING", str(json, c + "/beslut/1/beslutstyp"));
        assertEquals("77.6", str(json, c + "/beslut/1/ersattningsniva"));
    }

    @Test
    void monthlyBenefitsCarryTheDecidedAmountAndTheirCaseShape() {
        LocalDate start = LocalDate.of(2025, 2, 1);
        Decision abb = V9Fixtures.decision("A", InformationType.ABB, start, true, "BEVILJAT");
        Decision bob = V9Fixtures.decision("B", InformationType.BOB, start, true, "AVSLAG");
        Decision et = V9Fixtures.decision("E", InformationType.ET, start, true, "BEVILJAT");
        Decision mek1 = V9Fixtures.decision("M1", InformationType.MEK, start, true, "BEVILJAT");
        Decision mek2 = V9Fixtures.decision("M2", InformationType.MEK, start, false, "BEVILJAT");
        BenefitAnswer answer = V9Fixtures.answer(List.of(abb, bob, et, mek1, mek2), List.of(), List.of(), null, Set.of());
        JsonObject json = V9Json.answer(question(List.of("FK:ABB", "FK:BOB", "FK:ET", "FK:MEK"), List.of(), List.of(), List.of(),
                List.of()), answer, TODAY);

        // LefiBarnbidragArende: no startades/aktivt/avslaget
        assertEquals(Set.of("beslut"), json.getValue("/formansinformation/barnbidragsarende/0").asJsonObject().keySet());
        // The register's amount is per day; v9's is per periodicitet, which the register does not hold: left out.
        assertFalse(has(json, "/formansinformation/barnbidragsarende/0/beslut/0/beslutatBruttobelopp"));
        assertFalse(has(json, "/formansinformation/barnbidragsarende/0/beslut/0/omfattning"));
        // LefiBostadsbidragArende: avslaget when every decision is a refusal
        assertEquals(JsonValue.TRUE, at(json, "/formansinformation/bostadsbidragsarende/0/avslaget"));
        // LefiEfterlevandepensionBeslut: omfattning is a one-item array
        assertEquals(3, num(json, "/formansinformation/efterlevandepensionsarende/0/beslut/0/omfattning/0/taljare").intValueExact());
        // LefiMerkostnadsersattningArende: beslut is one object, so one case per decision
        JsonArray mek = json.getJsonObject("formansinformation").getJsonArray("merkostnadsersattningsarende");
        assertEquals(2, mek.size());
        assertEquals(JsonValue.ValueType.OBJECT, mek.getJsonObject(0).get("beslut").getValueType());
        assertEquals(JsonValue.TRUE, at(json, "/formansinformation/merkostnadsersattningsarende/0/aktivt"));
        assertEquals(JsonValue.FALSE, at(json, "/formansinformation/merkostnadsersattningsarende/1/aktivt"));
    }

    @Test
    void paymentsSplitOnTodayAndDeductionsIncludeTheTax() {
        Payment paid = new Payment("P1", PNR, InformationType.FP, TODAY, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31),
                new BigDecimal("12000.00"), new BigDecimal("3600.00"), new BigDecimal("400.00"), new BigDecimal("8000.00"));
        Payment preliminary = new Payment("P2", PNR, InformationType.FP, TODAY.plusDays(1), LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 30), new BigDecimal("1000.00"), new BigDecimal("300.00"), BigDecimal.ZERO.setScale(2),
                new BigDecimal("700.00"));
        Payment notAsked = V9Fixtures.payment("P3", InformationType.SJP, TODAY);
        BenefitAnswer answer = V9Fixtures.answer(List.of(), List.of(paid, preliminary, notAsked), List.of(), null, Set.of());
        JsonObject json = V9Json.answer(question(List.of(), List.of(), List.of("FK:FP"), List.of("FK:FP"), List.of()), answer, TODAY);

        JsonObject f = json.getJsonObject("formansinformation");
        assertEquals(1, f.getJsonArray("utbetalningsuppgift").size());
        assertEquals(1, f.getJsonArray("preliminarautbetalningar").size());
        String u = "/formansinformation/utbetalningsuppgift/0";
        assertEquals(TODAY.toString(), str(json, u + "/datum"));
        assertEquals("FP", str(json, u + "/formansfamilj/id"));
        assertEquals("Föräldrapenning", str(json, u + "/formansfamilj/beskrivning"));
        assertEquals(1001, num(json, u + "/foretag/id").intValueExact());
        assertEquals("2026-05-01", str(json, u + "/period/fran"));
        assertEquals("2026-05-31", str(json, u + "/period/till"));
        assertEquals(new BigDecimal("12000.00"), num(json, u + "/bruttobelopp/summa"));
        assertEquals(new BigDecimal("3600.00"), num(json, u + "/skattebelopp/summa"));
        assertEquals(new BigDecimal("4000.00"), num(json, u + "/avdragsbelopp/summa"));
        assertEquals(new BigDecimal("8000.00"), num(json, u + "/nettobelopp/summa"));
        assertEquals("SEK", str(json, u + "/nettobelopp/valuta"));
        assertFalse(has(json, u + "/typ"));
        String p = "/formansinformation/preliminarautbetalningar/0";
        assertEquals(TODAY.plusDays(1).toString(), str(json, p + "/datum"));
        assertEquals(new BigDecimal("300.00"), num(json, p + "/avdragsbelopp/summa"));
        // FK:FP asked only as payments: no case list
        assertFalse(f.containsKey("foraldrapenningarende"));
    }

    @Test
    void sgiAndGeneralPersonInformation() {
        BenefitAnswer answer = V9Fixtures.answer(List.of(), List.of(), List.of(V9Fixtures.sgi()), V9Fixtures.personInformation(), Set.of());
        JsonObject json = V9Json.answer(question(List.of(), List.of(), List.of(), List.of(), List.of("FK:SGI", "FK:GEPI")), answer, TODAY);

        String s = "/formansinformation/sjukpenninggrundandeInkomstuppgift/0";
        assertEquals("2025-03-01", str(json, s + "/faststalldes"));
        assertEquals(0, num(json, s + "/typ/id").intValueExact());
        assertEquals("A- eller B-inkomst", str(json, s + "/typ/beskrivning"));
        assertEquals(new BigDecimal("300000.00"), num(json, s + "/anstallning/summa"));
        assertEquals(new BigDecimal("120000.00"), num(json, s + "/verksamhet/summa"));
        assertEquals(Set.of("faststalldes", "typ", "anstallning", "verksamhet"), at(json, s).asJsonObject().keySet());

        JsonArray persons = json.getJsonObject("formansinformation").getJsonArray("generellPersoninformation");
        assertEquals(1, persons.size());
        assertEquals(PNR, str(json, "/formansinformation/generellPersoninformation/0/personnummer"));
        assertEquals("1974-07-02", str(json, "/formansinformation/generellPersoninformation/0/foddes"));
        assertEquals("14", str(json, "/formansinformation/generellPersoninformation/0/folkbokford/0/lan"));
        assertEquals("63", str(json, "/formansinformation/generellPersoninformation/0/folkbokford/0/kommun"));
        assertEquals(Set.of("personnummer", "foddes", "folkbokford"), persons.getJsonObject(0).keySet());
    }

    @Test
    void withheldTypesAreDeviationsInTheClassTheyWereAskedIn() {
        Decision sjp = V9Fixtures.decision("D1", InformationType.SJP, LocalDate.of(2025, 3, 1), true, "BEVILJAT");
        Decision fp = V9Fixtures.decision("D2", InformationType.FP, LocalDate.of(2025, 3, 1), true, "BEVILJAT");
        Payment sjpPaid = V9Fixtures.payment("P1", InformationType.SJP, TODAY);
        BenefitAnswer answer = V9Fixtures.answer(List.of(sjp, fp), List.of(sjpPaid), List.of(V9Fixtures.sgi()),
                V9Fixtures.personInformation(), EnumSet.of(InformationType.SJP, InformationType.SGI));
        JsonObject json = V9Json.answer(question(List.of("FK:SJP", "FK:FP"), List.of(), List.of(), List.of("FK:SJP"),
                List.of("FK:SGI", "FK:GEPI", "FK:SKUP")), answer, TODAY);

        JsonObject a = json.getJsonObject("avvikelser");
        assertEquals(Set.of("formansinformation", "utbetalningar", "ovrigInformation"), a.keySet());
        assertEquals(1, a.getJsonArray("formansinformation").size());
        assertEquals("OBEHORIG", str(json, "/avvikelser/formansinformation/0/avvikelse/kod"));
        assertEquals(V9Json.UNAUTHORISED_TEXT, str(json, "/avvikelser/formansinformation/0/avvikelse/beskrivning"));
        assertEquals("FK:SJP", str(json, "/avvikelser/formansinformation/0/formansgrupp/kod"));
        assertEquals("Sjukpenning", str(json, "/avvikelser/formansinformation/0/formansgrupp/beskrivning"));
        assertEquals("FK:SJP", str(json, "/avvikelser/utbetalningar/0/formansgrupp/kod"));
        assertEquals("OBEHORIG", str(json, "/avvikelser/ovrigInformation/0/avvikelse/kod"));
        assertEquals("FK:SGI", str(json, "/avvikelser/ovrigInformation/0/ovrigInformationstyp/kod"));
        assertEquals("Sjukpenninggrundande inkomst", str(json, "/avvikelser/ovrigInformation/0/ovrigInformationstyp/beskrivning"));
        assertEquals("INTERNT_FEL", str(json, "/avvikelser/ovrigInformation/1/avvikelse/kod"));
        assertEquals(V9Json.NOT_PROVIDED_TEXT, str(json, "/avvikelser/ovrigInformation/1/avvikelse/beskrivning"));
        assertEquals("FK:SKUP", str(json, "/avvikelser/ovrigInformation/1/ovrigInformationstyp/kod"));
        assertEquals(2, a.getJsonArray("ovrigInformation").size());

        JsonObject f = json.getJsonObject("formansinformation");
        assertFalse(f.containsKey("sjukpenningarende"), "withheld data is left out even if the register answer had it");
        assertFalse(f.containsKey("utbetalningsuppgift"));
        assertFalse(f.containsKey("sjukpenninggrundandeInkomstuppgift"));
        assertTrue(f.containsKey("foraldrapenningarende"));
        assertTrue(f.containsKey("generellPersoninformation"));
    }

    @Test
    void pensionsmyndighetenIsAnUnavailableSourceWithoutDeviations() {
        BenefitAnswer answer = V9Fixtures.answer(List.of(), List.of(), List.of(), null, Set.of());
        JsonObject json = V9Json.answer(question(List.of(), List.of("PM:AP"), List.of("PM:EF"), List.of(), List.of("PM:PU")), answer, TODAY);

        assertEquals(1, json.getJsonArray("utlamnare").size());
        assertEquals("PM", str(json, "/utlamnare/0/utlamnare/kod"));
        assertEquals("Pensionsmyndigheten", str(json, "/utlamnare/0/utlamnare/namn"));
        assertEquals("OTILLGANGLIG", str(json, "/utlamnare/0/tillstand/kod"));
        assertEquals("Otillgänglig", str(json, "/utlamnare/0/tillstand/beskrivning"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, json.getJsonObject("avvikelser"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, json.getJsonObject("formansinformation"));
        assertEquals(Set.of("utlamnare", "avvikelser", "formansinformation"), json.keySet());
    }

    @Test
    void bothSourcesAndNeverPensionsmyndighetensTopLevelModel() {
        JsonObject json = V9Json.answer(V9Fixtures.everythingQuestion(), V9Fixtures.everythingAnswer(), TODAY);
        assertEquals("FK", str(json, "/utlamnare/0/utlamnare/kod"));
        assertEquals("Försäkringskassan", str(json, "/utlamnare/0/utlamnare/namn"));
        assertEquals("OK", str(json, "/utlamnare/0/tillstand/kod"));
        assertEquals("Tillgänglig", str(json, "/utlamnare/0/tillstand/beskrivning"));
        assertEquals("PM", str(json, "/utlamnare/1/utlamnare/kod"));
        assertEquals(Set.of("utlamnare", "avvikelser", "formansinformation"), json.keySet());
        assertTrue(json.toString().indexOf(":null") < 0);
    }

    @Test
    void anUnavailableRegisterSourceIsAnInternalErrorDeviation() {
        BenefitAnswer ok = V9Fixtures.answer(List.of(), List.of(), List.of(), null, Set.of());
        BenefitAnswer answer = new BenefitAnswer("c", Instant.EPOCH, PNR, null, Map.of(InformationType.TFP, SourceStatus.UNAVAILABLE),
                Set.of(), ok.decisions(), ok.payments(), ok.sgi());
        JsonObject json = V9Json.answer(question(List.of("FK:TFP"), List.of(), List.of(), List.of(), List.of()), answer, TODAY);
        assertEquals("INTERNT_FEL", str(json, "/avvikelser/formansinformation/0/avvikelse/kod"));
        assertEquals("FK:TFP", str(json, "/avvikelser/formansinformation/0/formansgrupp/kod"));
    }

    @Test
    void availableTypesListTheAllowedCodesSorted() {
        JsonObject json = V9Json.availableTypes(EnumSet.of(InformationType.YL, InformationType.ABB, InformationType.SGI,
                InformationType.SJP, InformationType.GEPI));
        assertEquals(Set.of("formansinformation", "ansprak", "beslut", "preliminaraUtbetalningar", "utbetalningar", "ovrigInformation"),
                json.keySet());
        for (String list : List.of("formansinformation", "preliminaraUtbetalningar", "utbetalningar")) {
            assertEquals(List.of("FK:ABB", "FK:SJP", "FK:YL"), json.getJsonArray(list).stream()
                    .map(v -> v.asJsonObject().getString("kod")).toList(), list);
            assertEquals(List.of("Barnbidrag", "Sjukpenning", "Yrkesskadelivränta"), json.getJsonArray(list).stream()
                    .map(v -> v.asJsonObject().getString("beskrivning")).toList(), list);
        }
        assertEquals(List.of("FK:GEPI", "FK:SGI"), json.getJsonArray("ovrigInformation").stream()
                .map(v -> v.asJsonObject().getString("kod")).toList());
        assertEquals("Generell personinformation", str(json, "/ovrigInformation/0/beskrivning"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, json.getJsonArray("ansprak"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, json.getJsonArray("beslut"));

        JsonObject none = V9Json.availableTypes(Set.of());
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, none.getJsonArray("formansinformation"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, none.getJsonArray("ovrigInformation"));
    }

    @Test
    void felsvarHasTheMessageAndAnOffsetTimestamp() {
        JsonObject json = V9Json.felsvar("Felaktiga indata.", Instant.parse("2026-06-30T10:15:30Z"));
        assertEquals(Set.of("meddelande", "timestamp"), json.keySet());
        assertEquals("Felaktiga indata.", json.getString("meddelande"));
        assertEquals("2026-06-30T10:15:30Z", json.getString("timestamp"));
    }

    @Test
    void descriptions() {
        assertEquals("Sjukpenning", V9Codes.description("FK:SJP"));
        assertEquals("Föräldrapenning", V9Codes.description("FK:FP"));
        assertEquals("Barnbidrag", V9Codes.description("FK:ABB"));
        assertEquals("Generell personinformation", V9Codes.description("FK:GEPI"));
        assertEquals("Sjukpenninggrundande inkomst", V9Codes.description("FK:SGI"));
        assertEquals("Allmän pension", V9Codes.description("PM:AP"));
        assertEquals(null, V9Codes.description("FK:NOPE"));
        for (String code : V9Codes.EXTERN_BENEFITS) {
            assertFalse(V9Codes.description(code).isBlank(), code);
        }
    }
}
