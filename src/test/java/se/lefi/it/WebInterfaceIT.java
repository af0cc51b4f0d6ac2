package se.lefi.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.PersonRecord;

/**
 * LEFI Online web in Debian's headless Chromium: a named user logs in with a personal
 * e-identification certificate, fetches a person's benefits, reads the answer in Swedish and prints it
 * on A4, is told next to the field when consent is missing (keeping what was typed), and a
 * deregistered user is refused in Swedish. Each screen is checked with axe-core against WCAG 2.1 AA
 * and photographed for the README.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebInterfaceIT {
    private static final String INSURER = DemoRegister.INSURER;
    private static final String USER = "199103039112";
    private static final String DEREGISTERED_USER = "198505051238";
    private static final LocalDate FROM = Questions.TODAY.minusYears(1);
    private static Browsers browsers;

    @BeforeAll
    static void setUp() throws Exception {
        browsers = new Browsers();
        LefiServer.issuePersonalCertificate("web-user", "Webbtestare Aktiv", USER);
        LefiServer.issuePersonalCertificate("web-user-deregistered", "Webbtestare Avregistrerad", DEREGISTERED_USER);
        AdminApi.post("/organisations/" + INSURER + "/web-users", decision(USER, "Webbtestare Aktiv"), 200);
        JsonObject insurer = AdminApi.post("/organisations/" + INSURER + "/web-users", decision(DEREGISTERED_USER, "Webbtestare Avregistrerad"), 200);
        long id = insurer.getJsonArray("webUsers").stream().map(v -> v.asJsonObject())
                .filter(u -> u.getString("personId").equals(DEREGISTERED_USER)).findFirst().orElseThrow().getJsonNumber("id").longValue();
        AdminApi.post("/organisations/" + INSURER + "/web-users/" + id + "/deregistration", "{\"from\": \"" + Questions.TODAY + "\"}", 200);
    }

    @AfterAll
    static void tearDown() {
        browsers.close();
    }

    @Test
    void aUserFetchesReadsAndPrintsAnAnswer() throws Exception {
        PersonRecord person = Questions.personWith(InformationType.SJP, FROM, Questions.TODAY);
        Page page = browsers.pageAs("web-user");
        List<String> failedLoads = new ArrayList<>();
        page.onResponse(response -> {
            if (response.status() >= 400 && !response.url().contains("/api/")) {
                failedLoads.add(response.status() + " " + response.url());
            }
        });
        page.navigate(LefiServer.uri("/web/").toString());
        assertThat(page.locator("#who")).hasText("Webbtestare Aktiv, Demo Försäkring AB");
        assertEquals(List.of(), failedLoads, "every file the page loads is there for a case handler");
        assertEquals("rgb(0, 89, 76)", page.locator(".site-header").evaluate("e => getComputedStyle(e).backgroundColor"),
                "the shared styles apply");

        Locator form = page.locator("#fetch-form");
        assertThat(form.locator("select[name=purpose] option[value=COORDINATION_OF_COMPENSATION]")).hasText("Samordning av ersättning");
        assertThat(page.locator("#purpose-basis")).containsText("Rättsligt stöd:");
        assertThat(form.locator("label:has(input[name=informationType][value=SJP])")).hasText("Sjukpenning (SJP)");
        Browsers.assertAccessible(page, "the question form");
        Browsers.screenshot(page, "web-question");

        // By keyboard alone: the person id field is reached and filled without the mouse.
        page.keyboard().press("Tab");
        assertEquals("skip-link", page.evaluate("() => document.activeElement.className"));
        form.locator("input[name=personId]").focus();
        page.keyboard().type(person.person().personId());
        form.locator("input[name=informationType][value=SJP]").check();
        form.locator("input[name=informationType][value=FP]").check();
        form.locator("input[name=informationType][value=SGI]").check();
        form.locator("input[name=from]").fill(FROM.toString());
        form.locator("button[type=submit]").click();

        assertThat(page.locator("#show")).isVisible();
        Set<String> expected = Questions.decisionsIn(person, Set.of(InformationType.SJP), FROM, Questions.TODAY);
        Locator sickPay = page.locator("#decisions section[data-benefit=SJP]");
        assertThat(sickPay.locator("h4")).hasText("Sjukpenning (SJP)");
        assertThat(sickPay.locator("tbody tr")).hasCount(expected.size());
        for (String decision : expected) {
            assertThat(sickPay.locator("tbody")).containsText(decision);
        }
        assertThat(page.locator("#answer-purpose")).hasText("Samordning av ersättning");
        assertThat(page.locator("#register-time")).hasText(Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
        assertThat(page.locator("#sources li").first()).containsText(")");
        // Amounts in Swedish: "1 234,50 kr" with a (non-breaking) space between thousands.
        assertThat(sickPay.locator("tbody tr").first().locator("td").nth(5)).hasText(Pattern.compile("^(\\d{1,3}([\\s\\u00a0\\u202f]\\d{3})*,\\d{2}[\\s\\u00a0]kr)?$"));
        if (!Questions.paymentsIn(person, Set.of(InformationType.SJP, InformationType.FP), FROM, Questions.TODAY).isEmpty()) {
            assertThat(page.locator("#payments section.month tfoot")).not().hasCount(0);
        }
        JsonObject audit = AdminApi.auditRecord(page.locator("#request-id").textContent());
        assertEquals("GRANTED", audit.getString("outcome"));
        assertEquals(USER, audit.getString("userPersonId"), "the named user is audited");
        assertEquals(INSURER, audit.getString("organisationNumber"));
        assertEquals("WEB", audit.getString("interfaceName"));
        Browsers.assertAccessible(page, "the answer");
        Browsers.screenshot(page, "web-answer");

        // The print view: the answer alone, on A4 pages.
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("#print")).isHidden();
        assertThat(page.locator("#request-id")).isVisible();
        byte[] pdf = page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true));
        try (PDDocument printed = Loader.loadPDF(pdf)) {
            PDRectangle size = printed.getPage(0).getMediaBox();
            assertEquals(595.3, size.getWidth(), 2, "A4 wide (points)");
            assertEquals(841.9, size.getHeight(), 2, "A4 high (points)");
            String text = new PDFTextStripper().getText(printed);
            assertTrue(text.contains(page.locator("#request-id").textContent()), "the request id is printed");
            assertTrue(!text.contains("Hämta uppgifter"), "the form is not printed");
        }
        Browsers.screenshot(page, "web-print");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        page.locator("#back").click();
        assertThat(form.locator("input[name=personId]")).isFocused();
        form.locator("select[name=purpose]").selectOption("RISK_ASSESSMENT");
        assertThat(page.locator("#consent")).isVisible();
        form.locator("button[type=submit]").click();
        Locator consentError = page.locator(".field-error[data-for=consent]");
        assertThat(consentError).containsText("Ändamålet kräver personens samtycke");
        assertThat(consentError).containsText("CONSENT_MISSING");
        assertThat(page.locator("#form-message")).hasAttribute("role", "alert");
        assertThat(page.locator("#form-message")).containsText("Frågan skickades inte");
        assertThat(form.locator("input[name=personId]")).hasValue(person.person().personId());
        Browsers.assertAccessible(page, "the form with an error");
        Browsers.screenshot(page, "web-error");

        form.locator("select[name=purpose]").selectOption("COORDINATION_OF_COMPENSATION");
        form.locator("input[name=personId]").fill("191212121213");
        form.locator("button[type=submit]").click();
        assertThat(page.locator(".field-error[data-for=personId]")).containsText("INVALID_PERSON_ID");
        assertThat(form.locator("input[name=personId]")).hasAttribute("aria-invalid", "true");
        assertThat(form.locator("input[name=personId]")).isFocused();
        assertThat(form.locator("input[name=personId]")).hasValue("191212121213");
    }

    /** The shared stylesheet is not behind the console's filter: a case handler's certificate gets it. */
    @Test
    void theSharedStylesLoadForACaseHandler() {
        Page page = browsers.pageAs("case-handler");
        APIResponse styles = page.request().get(LefiServer.uri("/shared/lefi.css").toString());
        assertEquals(200, styles.status());
        assertTrue(styles.headers().get("content-type").startsWith("text/css"), styles.headers().get("content-type"));
        assertEquals(200, page.request().get(LefiServer.uri("/web/web.css").toString()).status());
        assertEquals(403, page.request().get(LefiServer.uri("/console/console.css").toString()).status(),
                "the console's own files stay for administrators");
    }

    @Test
    void aDeregisteredUserIsRefusedInSwedish() {
        Page page = browsers.pageAs("web-user-deregistered");
        page.navigate(LefiServer.uri("/web/").toString());
        assertThat(page.locator("#refusal")).isVisible();
        assertThat(page.locator("#refusal-code")).hasText("USER_DEREGISTERED");
        assertThat(page.locator("#refusal-text")).hasText("Din behörighet att använda LEFI Online webb har upphört.");
        assertThat(page.locator("#refusal-todo")).containsText("Vänd dig till din chef");
        assertThat(page.locator("#fetch")).isHidden();
        Browsers.assertAccessible(page, "the refusal");
        Browsers.screenshot(page, "web-refused");
    }

    /** The demo users of config/demo/web-users.csv, whose certificates bin/lefi serve writes to var/pki. */
    @Test
    void theDemoCaseHandlerLogsInAndTheDeregisteredOneIsRefused() {
        Page page = browsers.pageAs("case-handler");
        page.navigate(LefiServer.uri("/web/").toString());
        assertThat(page.locator("#who")).hasText("Demo Handläggare, Demo Försäkring AB");
        assertThat(page.locator("#fetch")).isVisible();

        Page former = browsers.pageAs("former-case-handler");
        former.navigate(LefiServer.uri("/web/").toString());
        assertThat(former.locator("#refusal-code")).hasText("USER_DEREGISTERED");
    }

    @Test
    void anOrganisationCertificateIsNoLogin() {
        Page page = browsers.pageAs("insurer");
        page.navigate(LefiServer.uri("/web/").toString());
        assertThat(page.locator("#refusal-code")).hasText("UNKNOWN_CERTIFICATE");
    }

    private static String decision(String personId, String name) {
        return """
                {"personId": "%s", "name": "%s", "decidedBy": "Chef Chefsson", "decidedOn": "%s"}""".formatted(personId, name, Questions.TODAY);
    }
}
