package se.lefi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.MediaType;
import java.awt.image.BufferedImage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.contract.core.v1.InformationTypeCode;
import se.lefi.contract.core.v1.PurposeCode;
import se.lefi.contract.getbenefitinformation.v1.GetBenefitInformationType;
import se.lefi.dev.register.SyntheticRegister;
import se.lefi.interfaces.letter.RenderedPages;

/**
 * The individual's disclosure report, end to end: an insurer's question, an agent's question for its
 * principal, a subscription with its notifications, a refused attempt, and another person's question
 * that must not appear. Demo persons 980 to 982 are used here only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DisclosureReportIT {
    private static final String PERSON = SyntheticRegister.personId(980);
    private static final String OTHER_PERSON = SyntheticRegister.personId(981);
    /** The letter's own person, so that the order of the tests does not matter. */
    private static final String LETTER_PERSON = SyntheticRegister.personId(982);
    private static final LocalDate TODAY = Questions.TODAY;

    @Test
    void listsEveryDisclosureTheSubscriptionAndTheRefusalOfThePersonAloneAndIsItselfLogged() throws Exception {
        GetBenefitInformationType insurerQuestion = Questions.question(PERSON, TODAY.minusYears(1), TODAY,
                PurposeCode.COORDINATION_OF_COMPENSATION, InformationTypeCode.SJP, InformationTypeCode.SGI);
        LefiServer.lefiOnline("insurer").getBenefitInformation(insurerQuestion);

        GetBenefitInformationType agentQuestion = Questions.question(PERSON, TODAY.minusYears(1), TODAY,
                PurposeCode.SOCIAL_SERVICES, InformationTypeCode.FP);
        agentQuestion.setCaseId("SOC-2026-0980");
        agentQuestion.setPrincipalOrganisationNumber("16" + DemoRegister.MUNICIPALITY);
        LefiServer.lefiOnline("agent").getBenefitInformation(agentQuestion);

        Refusals.assertRefused("AGREEMENT_NOT_SIGNED", "unsigned", "GetBenefitInformation-coordination.xml", Map.of("personId", PERSON));

        LefiServer.lefiOnline("insurer").getBenefitInformation(Questions.question(OTHER_PERSON, TODAY.minusYears(1), TODAY,
                PurposeCode.COORDINATION_OF_COMPENSATION, InformationTypeCode.SJP));

        Subscriptions.ok(Subscriptions.post("insurer", DemoRegister.INSURER, "/subscriptions", Subscriptions.order(List.of(PERSON),
                "\"SJP\"", "COORDINATION_OF_COMPENSATION", null, TODAY.minusMonths(6).toString())));
        Subscriptions.applyChanges(Changes.decision("IT-REPORT-D1", PERSON, "SJP", TODAY.minusDays(10), TODAY.plusDays(10), 4));
        Subscriptions.awaitDispatched();

        JsonObject report = AdminApi.post("/disclosure-reports", request(PERSON, TODAY.minusDays(1), TODAY), 200);

        assertEquals(PERSON, report.getString("personId"));
        JsonArray disclosures = report.getJsonArray("disclosures");
        assertEquals(List.of("GetBenefitInformation", "GetBenefitInformation", "OrderSubscription", "SubscriptionNotification"),
                disclosures.stream().map(d -> d.asJsonObject().getString("operation")).toList(), disclosures.toString());

        JsonObject insurer = disclosures.getJsonObject(0);
        assertEquals(party(DemoRegister.INSURER, "Demo Försäkring AB", "INSURER"), insurer.getJsonObject("recipient"));
        assertFalse(insurer.containsKey("principal") && !insurer.isNull("principal"), insurer.toString());
        assertEquals("SYSTEM_TO_SYSTEM", insurer.getString("interfaceName"));
        assertEquals("COORDINATION_OF_COMPENSATION", insurer.getString("purpose"));
        assertTrue(insurer.getString("legalBasis").contains("110 kap. 39 §"), insurer.toString());
        assertEquals(List.of("SGI", "SJP"), strings(insurer.getJsonArray("informationTypes")));
        assertFalse(insurer.getBoolean("byNamedWebUser"));

        JsonObject agent = disclosures.getJsonObject(1);
        assertEquals(party("5569000036", "Demo Ombud AB", "AGENT"), agent.getJsonObject("recipient"));
        assertEquals(party(DemoRegister.MUNICIPALITY, "Demo kommun", "AUTHORITY"), agent.getJsonObject("principal"));
        assertEquals("SOCIAL_SERVICES", agent.getString("purpose"));
        assertEquals("SOC-2026-0980", agent.getString("caseId"));
        assertEquals(List.of("FP"), strings(agent.getJsonArray("informationTypes")));

        JsonObject notification = disclosures.getJsonObject(3);
        assertEquals(party(DemoRegister.INSURER, "Demo Försäkring AB", "INSURER"), notification.getJsonObject("recipient"));
        assertEquals(List.of("SJP"), strings(notification.getJsonArray("informationTypes")));

        JsonArray subscriptions = report.getJsonArray("subscriptions");
        assertEquals(1, subscriptions.size(), subscriptions.toString());
        JsonObject subscription = subscriptions.getJsonObject(0);
        assertEquals(party(DemoRegister.INSURER, "Demo Försäkring AB", "INSURER"), subscription.getJsonObject("subscriber"));
        assertEquals(TODAY.minusMonths(6).toString(), subscription.getString("from"));
        assertEquals(List.of("SJP"), strings(subscription.getJsonArray("informationTypes")));
        assertEquals(2, subscription.getInt("notifications"), "the initial data and the one change");

        JsonArray refusals = report.getJsonArray("refusals");
        assertEquals(1, refusals.size(), refusals.toString());
        assertEquals("AGREEMENT_NOT_SIGNED", refusals.getJsonObject(0).getString("refusalCode"));
        assertEquals(party("5569000069", "Demo Osignerad Försäkring AB", "INSURER"), refusals.getJsonObject(0).getJsonObject("caller"));

        assertFalse(report.toString().contains(OTHER_PERSON), "nothing about another person");

        JsonObject logged = lastAction();
        assertEquals("DISCLOSURE_REPORT", logged.getString("action"));
        assertEquals(PERSON, logged.getString("target"));
        assertEquals(TODAY.minusDays(1) + ".." + TODAY + " json", logged.getString("details"));
        assertEquals("DONE", logged.getString("outcome"));
        assertEquals("2021009994", logged.getString("adminOrganisation"));
    }

    @Test
    void aPeriodBeforeTheDisclosuresListsNothing() throws Exception {
        JsonObject report = AdminApi.post("/disclosure-reports", request(PERSON, TODAY.minusYears(3), TODAY.minusYears(2)), 200);
        assertEquals(0, report.getJsonArray("disclosures").size());
        assertEquals(0, report.getJsonArray("subscriptions").size());
        assertEquals(0, report.getJsonArray("refusals").size());
    }

    @Test
    void anInvalidPersonIsRefusedCodedAndLogged() throws Exception {
        HttpResponse<String> response = AdminApi.post("admin", "/disclosure-reports", request("199001011235", TODAY.minusDays(1), TODAY));
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("INVALID_PERSON_ID", AdminApi.json(response.body()).getString("code"));
        assertFalse(response.body().contains("199001011235"), "the refusal does not repeat what was given");
        JsonObject logged = lastAction();
        assertEquals("DISCLOSURE_REPORT", logged.getString("action"));
        assertEquals("-", logged.getString("target"));
        assertEquals("INVALID_PERSON_ID", logged.getString("outcome"));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() throws Exception {
        HttpResponse<String> response = AdminApi.post("admin", "/disclosure-reports", request(PERSON, TODAY, TODAY.minusDays(1)));
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("INVALID_PERIOD", AdminApi.json(response.body()).getString("code"));
        JsonObject logged = lastAction();
        assertEquals(PERSON, logged.getString("target"));
        assertEquals("INVALID_PERIOD", logged.getString("outcome"));
    }

    @Test
    void onlyAnAdministratorGetsAReport() throws Exception {
        HttpResponse<String> response = AdminApi.post("insurer", "/disclosure-reports", request(PERSON, TODAY.minusDays(1), TODAY));
        assertEquals(403, response.statusCode(), response.body());
    }

    /** The letter is a PDF in Swedish that names the recipients, and renders: its first page is not blank. */
    @Test
    void theLetterIsASwedishPdfThatRenders() throws Exception {
        LefiServer.lefiOnline("insurer").getBenefitInformation(Questions.question(LETTER_PERSON, TODAY.minusYears(1), TODAY,
                PurposeCode.COORDINATION_OF_COMPENSATION, InformationTypeCode.SJP));

        HttpResponse<byte[]> response = LefiServer.httpClient("admin").send(HttpRequest.newBuilder(LefiServer.uri("/api/admin/disclosure-reports/letter"))
                        .header("Content-Type", MediaType.APPLICATION_JSON).header("Accept", "application/pdf")
                        .POST(HttpRequest.BodyPublishers.ofString(request(LETTER_PERSON, TODAY.minusDays(1), TODAY))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument letter = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(letter);
            assertTrue(text.contains("Registerutdrag över utlämnanden av dina uppgifter"), text);
            assertTrue(text.contains("Person- eller samordningsnummer: " + LETTER_PERSON.substring(0, 8) + "-" + LETTER_PERSON.substring(8)), text);
            assertTrue(text.contains("Demo Försäkring AB (org.nr " + DemoRegister.INSURER + ", försäkringsbolag)"), text);
            assertTrue(text.contains("Varför: samordning av ersättning; rättsligt stöd:"), text);
            assertTrue(text.contains("Uppgifter: sjukpenning"), text);
            assertTrue(text.contains("Sida 1 av " + letter.getNumberOfPages()), text);
            BufferedImage page = new PDFRenderer(letter).renderImageWithDPI(0, 72);
            assertTrue(RenderedPages.darkShare(page, 0, 0, page.getWidth(), page.getHeight() / 4) > 0.002,
                    "the top of the first page carries the heading");
        }
        assertEquals("DONE", lastAction().getString("outcome"));
        assertTrue(lastAction().getString("details").endsWith(" pdf"));
    }

    private static JsonObject lastAction() throws Exception {
        HttpResponse<String> response = AdminApi.get("admin", "/actions?max=1");
        assertEquals(200, response.statusCode(), response.body());
        return LefiServer.json("{\"a\":" + response.body() + "}").getJsonArray("a").getJsonObject(0);
    }

    private static String request(String person, LocalDate from, LocalDate to) {
        return "{\"personId\": \"%s\", \"from\": \"%s\", \"to\": \"%s\"}".formatted(person, from, to);
    }

    private static JsonObject party(String number, String name, String kind) {
        return LefiServer.json("{\"organisationNumber\": \"%s\", \"name\": \"%s\", \"kind\": \"%s\"}".formatted(number, name, kind));
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
