package se.lefi.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.contract.core.v1.InformationTypeCode;
import se.lefi.contract.core.v1.PurposeCode;
import se.lefi.contract.getavailableinformationtypes.v1.GetAvailableInformationTypesType;
import se.lefi.contract.lefionline.v1.LefiFault;
import se.lefi.contract.ping.v1.PingType;
import se.lefi.dev.register.SyntheticRegister;

/**
 * Metering and the monthly invoice, for an insurance agent the test registers itself: a known number
 * of granted and refused questions (SOAP and REST), subscriptions ordered, replaced and cancelled, and
 * a register change notified; then this month's invoice must hold exactly those quantities at the
 * prices config/fees.csv sets for the kind in the list in force (read here independently of the
 * server), as JSON, as CSV, in the month's summary and in the console. Persons 980..989 are used here
 * only, and 5569000184 is registered by no test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InvoiceIT {
    private static final String NUMBER = "5569000176";
    private static final String UNREGISTERED = "5569000184";
    private static final String NAME = "Faktura Försäkringsförmedling AB";
    private static final String KIND = "INSURANCE_AGENT";
    private static final String ALIAS = "invoice-insurance-agent";
    private static final LocalDate TODAY = Questions.TODAY;
    private static final YearMonth MONTH = YearMonth.from(TODAY);

    @Test
    void theMonthsInvoiceHoldsExactlyWhatWasUsed() throws Exception {
        LefiServer.issueCertificate(ALIAS, NAME, NUMBER);
        AdminApi.connect(NUMBER, NAME, KIND, "\"SYSTEM_TO_SYSTEM\"", "\"COORDINATION_OF_COMPENSATION\"", "\"SJP\", \"FP\", \"SGI\"");
        Expected expected = Expected.from(KIND, MONTH);
        assertLines(invoice(MONTH), expected, 1, 0, 0, 0, 0);

        // 3 granted questions (2 SOAP, 1 REST) and 2 refused; Ping and GetAvailableInformationTypes are no questions.
        String[] persons = new String[10];
        for (int i = 0; i < persons.length; i++) {
            persons[i] = SyntheticRegister.personId(980 + i);
        }
        for (int i = 0; i < 2; i++) {
            LefiServer.lefiOnline(ALIAS).getBenefitInformation(Questions.question(persons[i], TODAY.minusMonths(6), TODAY,
                    PurposeCode.COORDINATION_OF_COMPENSATION, InformationTypeCode.SJP));
        }
        HttpResponse<String> rest = RestTwinIT.query(ALIAS, NUMBER, """
                {"personId": "%s", "period": {"from": "%s", "tom": "%s"}, "informationType": ["SJP"],
                 "purpose": "COORDINATION_OF_COMPENSATION"}""".formatted(persons[2], TODAY.minusMonths(6), TODAY));
        assertEquals(200, rest.statusCode(), rest.body());
        assertThrows(LefiFault.class, () -> LefiServer.lefiOnline(ALIAS).getBenefitInformation(Questions.question(persons[3],
                TODAY.minusMonths(6), TODAY, PurposeCode.RISK_ASSESSMENT, InformationTypeCode.SJP)), "a purpose outside the agreement");
        assertThrows(LefiFault.class, () -> LefiServer.lefiOnline(ALIAS).getBenefitInformation(Questions.question("191212121213",
                TODAY.minusMonths(6), TODAY, PurposeCode.COORDINATION_OF_COMPENSATION, InformationTypeCode.SJP)), "an invalid personnummer");
        LefiServer.lefiOnline(ALIAS).ping(new PingType());
        LefiServer.lefiOnline(ALIAS).getAvailableInformationTypes(new GetAvailableInformationTypesType());

        // 4 persons monitored (the order's invalid person is refused and is no refused question); their
        // 4 initial notifications, 1 more when person 0 is ordered again (the same person still), 1 for a
        // change; person 3 is cancelled today but was monitored this month.
        JsonObject receipt = Subscriptions.ok(Subscriptions.post(ALIAS, NUMBER, "/subscriptions", Subscriptions.order(
                List.of(persons[0], persons[1], persons[2], persons[3], "191212121213"), "\"SJP\"", "COORDINATION_OF_COMPENSATION",
                null, TODAY.minusMonths(1).toString())));
        assertEquals("INVALID_PERSON_ID", receipt.getJsonArray("person").getJsonObject(4).getString("code"), receipt.toString());
        Subscriptions.ok(Subscriptions.post(ALIAS, NUMBER, "/subscriptions", Subscriptions.order(List.of(persons[0]), "\"SJP\"",
                "COORDINATION_OF_COMPENSATION", null, TODAY.minusMonths(2).toString())));
        Subscriptions.ok(Subscriptions.post(ALIAS, NUMBER, "/subscriptions/cancellation", Subscriptions.persons(List.of(persons[3]))));
        Subscriptions.applyChanges(Changes.decision("IT-INVOICE-D1", persons[1], "SJP", TODAY.minusDays(5), TODAY.plusDays(20), 4));
        Subscriptions.awaitDispatched();
        assertEquals(6, Subscriptions.lastSequence(ALIAS, NUMBER), "the feed the invoice meters");

        HttpResponse<String> json = AdminApi.get("admin", "/invoices/" + MONTH + "/" + NUMBER);
        assertEquals(200, json.statusCode(), json.body());
        for (String person : persons) {
            assertFalse(json.body().contains(person), "an invoice holds no personal data");
        }
        JsonObject invoice = AdminApi.json(json.body());
        assertEquals(NUMBER, invoice.getString("organisationNumber"));
        assertEquals(NAME, invoice.getString("name"));
        assertEquals(KIND, invoice.getString("kind"));
        assertEquals(MONTH.toString(), invoice.getString("month"));
        assertEquals(expected.validFrom.toString(), invoice.getString("priceListValidFrom"));
        assertEquals("SEK", invoice.getString("currency"));
        BigDecimal total = assertLines(invoice, expected, 1, 3, 2, 4, 6);

        // The CSV has the same lines, and a TOTAL line.
        HttpResponse<String> csv = AdminApi.get("admin", "/invoices/" + MONTH + "/" + NUMBER + ".csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<List<String>> rows = csvRows(csv.body());
        assertEquals(List.of("month", "organisationNumber", "name", "kind", "priceListValidFrom", "item", "description", "quantity",
                "unitPrice", "amount", "currency"), rows.get(0));
        List<JsonObject> lines = invoice.getJsonArray("lines").getValuesAs(JsonObject.class);
        assertEquals(lines.size() + 2, rows.size(), csv.body());
        for (int i = 0; i < lines.size(); i++) {
            JsonObject line = lines.get(i);
            assertEquals(List.of(MONTH.toString(), NUMBER, NAME, KIND, expected.validFrom.toString(), line.getString("item"),
                    line.getString("description"), String.valueOf(line.getJsonNumber("quantity").longValue()),
                    line.getString("unitPrice"), line.getString("amount"), "SEK"), rows.get(i + 1));
        }
        assertEquals(List.of(MONTH.toString(), NUMBER, NAME, KIND, expected.validFrom.toString(), "TOTAL", "Total", "", "",
                total.toPlainString(), "SEK"), rows.get(rows.size() - 1));

        // The month's summary and export.
        JsonObject summary = AdminApi.json(AdminApi.get("admin", "/invoices/" + MONTH).body());
        JsonObject row = summary.getJsonArray("organisations").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("organisationNumber").equals(NUMBER)).findFirst().orElseThrow();
        assertEquals(List.of(1L, 3L, 2L, 4L, 6L), List.of(row.getJsonNumber("fixedFee").longValue(), row.getJsonNumber("questions").longValue(),
                row.getJsonNumber("refusedQuestions").longValue(), row.getJsonNumber("monitoredPersons").longValue(),
                row.getJsonNumber("notifications").longValue()));
        assertEquals(total.toPlainString(), row.getString("total"));
        assertEquals(summary.getJsonArray("organisations").getValuesAs(JsonObject.class).stream()
                .map(o -> new BigDecimal(o.getString("total"))).reduce(BigDecimal.ZERO, BigDecimal::add), new BigDecimal(summary.getString("total")));
        assertTrue(summary.getJsonArray("organisations").getValuesAs(JsonObject.class).stream()
                .noneMatch(o -> o.getString("kind").equals("AGENCY")), "the agency does not invoice itself");
        HttpResponse<String> export = AdminApi.get("admin", "/invoices/" + MONTH + "/export.csv");
        assertEquals(200, export.statusCode(), export.body());
        List<List<String>> exported = csvRows(export.body()).stream().filter(r -> r.get(1).equals(NUMBER)).toList();
        assertEquals(rows.subList(1, rows.size()), exported);

        // Last month the organisation was not registered: nothing to invoice, and it is not in that month's summary.
        JsonObject before = invoice(MONTH.minusMonths(1));
        assertEquals("0.00", before.getString("total"));
        assertFalse(AdminApi.get("admin", "/invoices/" + MONTH.minusMonths(1)).body().contains(NUMBER));

        theConsoleShowsIt(total);
    }

    @Test
    void refusals() throws Exception {
        assertProblem(AdminApi.get("insurer", "/invoices/" + MONTH + "/" + DemoRegister.INSURER), 403, "NOT_AN_ADMINISTRATOR");
        assertProblem(AdminApi.get("insurer", "/invoices/" + MONTH), 403, "NOT_AN_ADMINISTRATOR");
        assertProblem(AdminApi.get("admin", "/invoices/" + MONTH.plusMonths(1)), 400, "MONTH_IN_FUTURE");
        assertProblem(AdminApi.get("admin", "/invoices/" + MONTH.plusMonths(1) + "/" + DemoRegister.INSURER), 400, "MONTH_IN_FUTURE");
        assertProblem(AdminApi.get("admin", "/invoices/2026-13"), 400, "INVALID_MONTH");
        assertProblem(AdminApi.get("admin", "/invoices/november/" + DemoRegister.INSURER + ".csv"), 400, "INVALID_MONTH");
        assertProblem(AdminApi.get("admin", "/invoices/2025-03"), 404, "NO_PRICE_LIST");
        assertProblem(AdminApi.get("admin", "/invoices/" + MONTH + "/" + UNREGISTERED), 404, "NOT_REGISTERED");
        assertProblem(AdminApi.get("admin", "/invoices/" + MONTH + "/5569000177"), 400, "INVALID_ORGANISATION_NUMBER");
        assertProblem(AdminApi.get("admin", "/invoices/" + MONTH + "/2021009994"), 404, "NOT_INVOICED");
        HttpResponse<String> unknown = AdminApi.get("admin", "/invoices/" + MONTH + "/" + UNREGISTERED + ".csv");
        assertFalse(unknown.body().contains(UNREGISTERED), "a problem echoes no organisation number");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), response.body());
        assertEquals(code, AdminApi.json(response.body()).getString("code"), response.body());
    }

    private static JsonObject invoice(YearMonth month) throws Exception {
        HttpResponse<String> response = AdminApi.get("admin", "/invoices/" + month + "/" + NUMBER);
        assertEquals(200, response.statusCode(), response.body());
        return AdminApi.json(response.body());
    }

    /** Checks every line and the total against the price list's prices; returns the total. */
    private static BigDecimal assertLines(JsonObject invoice, Expected prices, long fixedFee, long questions, long refused,
                                          long monitored, long notifications) {
        List<Object[]> expectedLines = List.of(
                new Object[] {"FIXED_FEE", fixedFee, prices.fixedFee},
                new Object[] {"QUESTIONS", questions, prices.perQuestion},
                new Object[] {"REFUSED_QUESTIONS", refused, new BigDecimal("0.00")},
                new Object[] {"MONITORED_PERSONS", monitored, prices.perMonitoredPerson},
                new Object[] {"NOTIFICATIONS", notifications, prices.perNotification});
        List<JsonObject> lines = invoice.getJsonArray("lines").getValuesAs(JsonObject.class);
        assertEquals(expectedLines.size(), lines.size(), invoice.toString());
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < lines.size(); i++) {
            Object[] e = expectedLines.get(i);
            JsonObject line = lines.get(i);
            BigDecimal amount = ((BigDecimal) e[2]).multiply(BigDecimal.valueOf((Long) e[1]));
            assertEquals(e[0], line.getString("item"), invoice.toString());
            assertEquals((long) (Long) e[1], line.getJsonNumber("quantity").longValue(), e[0] + ": " + invoice);
            assertEquals(((BigDecimal) e[2]).toPlainString(), line.getString("unitPrice"), e[0] + ": " + invoice);
            assertEquals(amount.toPlainString(), line.getString("amount"), e[0] + ": " + invoice);
            assertFalse(line.getString("description").isBlank());
            total = total.add(amount);
        }
        assertEquals(total.toPlainString(), invoice.getString("total"), invoice.toString());
        return total;
    }

    /** The console's Invoices section: this month, a row for the organisation with its total and a link to its CSV. */
    private static void theConsoleShowsIt(BigDecimal total) {
        try (Browsers browsers = new Browsers()) {
            Page page = browsers.pageAs("admin");
            page.navigate(LefiServer.uri("/console/").toString());
            assertThat(page.locator("#invoices-form input[name=month]")).hasValue(MONTH.toString());
            Locator row = page.locator("#invoices tbody tr[data-organisation='" + NUMBER + "']");
            assertThat(row).hasCount(1);
            assertThat(row.locator("td").nth(8)).hasText(total.toPlainString());
            assertThat(row.locator("a")).hasAttribute("href", "../api/admin/invoices/" + MONTH + "/" + NUMBER + ".csv");
            page.locator("#invoices-form input[name=month]").fill(MONTH.minusMonths(1).toString());
            page.locator("#invoices-form button").click();
            assertThat(page.locator("#message")).hasText("Invoices loaded");
            assertThat(row).hasCount(0);
        }
    }

    /** The prices config/fees.csv sets for a kind in a month, read without the server's parser. */
    private record Expected(LocalDate validFrom, BigDecimal fixedFee, BigDecimal perQuestion, BigDecimal perMonitoredPerson,
                            BigDecimal perNotification) {
        static Expected from(String kind, YearMonth month) throws Exception {
            String[] best = null;
            for (String line : Files.readAllLines(LefiServer.projectDir().resolve("config/fees.csv"), StandardCharsets.UTF_8)) {
                String[] f = line.strip().split(";");
                if (line.isBlank() || line.startsWith("#") || !f[1].equals(kind) || LocalDate.parse(f[0]).isAfter(month.atDay(1))) {
                    continue;
                }
                if (best == null || LocalDate.parse(f[0]).isAfter(LocalDate.parse(best[0]))) {
                    best = f;
                }
            }
            assertNotNull(best, "config/fees.csv has a list in force for " + kind + " in " + month);
            return new Expected(LocalDate.parse(best[0]), price(best[2]), price(best[3]), price(best[4]), price(best[5]));
        }

        private static BigDecimal price(String text) {
            return new BigDecimal(text).setScale(2);
        }
    }

    /** RFC 4180 rows (quoted cells may hold commas). */
    private static List<List<String>> csvRows(String body) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : body.split("\r\n")) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }
}
