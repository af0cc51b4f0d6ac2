package se.lefi.it;

import se.lefi.domain.time.SwedishTime;
import java.time.LocalDate;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.lefi.contract.core.v1.InformationTypeCode;
import se.lefi.contract.core.v1.PurposeCode;
import se.lefi.dev.register.SyntheticRegister;

/**
 * The admin console in Debian's headless Chromium, presenting the admin client certificate: a whole
 * lifecycle clicked through — connection request, agreement, signatures, a bound certificate, a web
 * user's decision and deregistration, termination — and the audit log browsed; a maintenance window
 * planned and removed, and the SLA report shown; a person's disclosure report shown and its letter downloaded.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleIT {
    private static final String NUMBER = "5569000135";
    private static final String NAME = "Konsoltestet Försäkring AB";
    private static final String ALIAS = "console-insurer";
    /** The agency's own organisation (config/demo/parties.csv, alias admin). */
    private static final String AGENCY = "2021009994";
    /** Demo Ombud AB, an agent with a live assignment from Demo kommun. */
    private static final String DEMO_AGENT = "5569000036";
    private static Browsers browsers;

    @BeforeAll
    static void launch() {
        browsers = new Browsers();
    }

    @AfterAll
    static void close() {
        browsers.close();
    }

    private static Page pageAs(String alias) {
        return browsers.pageAs(alias);
    }

    @Test
    void aWholeLifecycleByClickingInTheOrganisationsView() throws Exception {
        Page page = pageAs("admin");
        Subscriptions.ok(Subscriptions.post("insurer", DemoRegister.INSURER, "/subscriptions", Subscriptions.order(
                List.of(se.lefi.dev.register.SyntheticRegister.personId(975)), "\"SJP\"", "COORDINATION_OF_COMPENSATION",
                null, Questions.TODAY.minusMonths(1).toString())));
        page.navigate(LefiServer.uri("/console/").toString());
        assertThat(page.locator("#organisations tbody tr[data-organisation='5569000010']")).hasCount(1);
        assertThat(page.locator("#feeds tbody tr[data-organisation='5569000010']")).hasCount(1);
        assertThat(page.locator("#backlog")).containsText("notified up to");
        // The agency operates the service: it is not a party awaiting connection.
        Locator agency = page.locator("#organisations tbody tr[data-organisation='" + AGENCY + "']");
        assertThat(agency).hasAttribute("data-state", "OPERATOR");
        assertThat(agency.locator(".badge")).hasText("Operator");
        assertThat(page.locator("#organisations tbody tr").first()).hasAttribute("data-organisation", AGENCY);
        assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "the console fits the screen");
        Browsers.assertAccessible(page, "the console");
        Browsers.screenshot(page.locator("#organisations-section"), "console-organisations");

        page.locator("#organisation-search").fill("Demo kommun");
        assertThat(page.locator("#organisations tbody tr")).hasCount(1);
        assertThat(page.locator("#organisations tbody tr").first()).hasAttribute("data-organisation", DemoRegister.MUNICIPALITY);
        page.locator("#organisation-search").fill("");

        page.locator("#new-organisation").click();
        Locator register = page.locator("#register-form");
        register.locator("input[name=organisationNumber]").fill(NUMBER);
        register.locator("input[name=name]").fill(NAME);
        register.locator("select[name=kind]").selectOption("INSURER");
        register.locator("input[name=interfaces][value=WEB]").check();
        register.locator("input[name=contact]").fill("Avtal, 010-000 00 00");
        register.locator("button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is REQUESTED");

        // Every further step is taken in the organisation's own view, typing nothing about the organisation.
        Locator detail = page.locator("#organisation-detail");
        assertThat(detail).hasAttribute("data-organisation", NUMBER);
        assertThat(detail).hasAttribute("data-state", "REQUESTED");
        assertThat(detail.locator("form[data-step=termination]")).hasCount(0);
        detail.locator("form[data-step=agreement] button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is SENT");
        detail.locator("form[data-step=signature-organisation] button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is SIGNED_BY_ONE_PARTY");
        assertThat(detail.locator("form[data-step=signature-organisation]")).hasCount(0);
        detail.locator("form[data-step=signature-agency] button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is IN_FORCE");
        assertThat(page.locator("#organisations tr[data-organisation='" + NUMBER + "']")).hasAttribute("data-state", "IN_FORCE");
        assertThat(detail.locator(".badge").first()).hasText("In force");
        for (String action : List.of("REGISTER_REQUEST", "SEND_AGREEMENT", "SIGN_ORGANISATION", "SIGN_AGENCY")) {
            assertThat(detail.locator("#detail-timeline li[data-action=" + action + "]")).hasCount(1);
        }

        LefiServer.issueCertificate(ALIAS, NAME, NUMBER);
        Locator certificate = detail.locator("form[data-step=certificate]");
        certificate.locator("textarea[name=certificate]").fill(Files.readString(LefiServer.pki().resolve(ALIAS + ".crt.pem")));
        certificate.locator("button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is IN_FORCE");
        assertThat(detail.locator("#detail-certificates")).containsText("bound");
        certificate = detail.locator("form[data-step=certificate]");
        certificate.locator("textarea[name=certificate]").fill(Files.readString(LefiServer.pki().resolve(ALIAS + ".crt.pem")));
        certificate.locator("button").click();
        assertThat(page.locator("#message")).containsText("Refused — CERTIFICATE_ALREADY_BOUND");

        Locator webUser = detail.locator("form[data-step=web-user]");
        webUser.locator("input[name=personId]").fill("19750615-4421");
        webUser.locator("input[name=name]").fill("Handläggare Klicksson");
        webUser.locator("input[name=decidedBy]").fill("Chef Klicksson");
        webUser.locator("button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is IN_FORCE");
        Locator user = detail.locator("#detail-web-users tbody tr", new Locator.LocatorOptions().setHasText("Handläggare Klicksson"));
        assertThat(user).containsText("197506154421");
        assertThat(user).containsText("by Chef Klicksson");
        assertThat(user).containsText("GRANTED");
        Browsers.assertAccessible(page, "an organisation's view");
        assertEquals(List.of(), page.evaluate("() => [...document.querySelectorAll('#organisation-detail *')]"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className)"),
                "the view fits the screen");
        Browsers.screenshot(detail, "console-organisation");

        user.locator("button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is IN_FORCE");
        assertThat(user).containsText("USER_DEREGISTERED");

        Locator termination = detail.locator("form[data-step=termination]");
        assertThat(termination.locator("input[name=name]")).hasValue(NAME);
        termination.locator("input[name=name]").fill("Fel Namn AB");
        termination.locator("button").click();
        assertThat(page.locator("#message")).containsText("Refused — NAME_MISMATCH");
        detail.locator("form[data-step=termination] button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is TERMINATED");
        assertThat(page.locator("#organisations tr[data-organisation='" + NUMBER + "']")).hasAttribute("data-state", "TERMINATED");
        // The refused termination (NAME_MISMATCH) is on the timeline too, marked as refused.
        assertThat(detail.locator("#detail-timeline li[data-action=TERMINATE]:not(.refused)")).hasCount(1);
        assertThat(detail.locator("#detail-timeline li[data-action=TERMINATE].refused")).hasCount(1);
        assertThat(page.locator("#actions tbody tr").first()).containsText("TERMINATE");

        SoapEnvelopes.post("insurer", "GetBenefitInformation-coordination.xml", SoapEnvelopes.GET_BENEFIT_INFORMATION);
        Locator audit = page.locator("#audit-form");
        audit.locator("input[name=outcome]").fill("GRANTED");
        audit.locator("button").click();
        assertThat(page.locator("#message")).hasText("Audit log loaded");
        Locator rows = page.locator("#audit tbody tr");
        assertTrue(rows.count() > 0, "a granted question is in the log");
        for (int i = 0; i < rows.count(); i++) {
            assertEquals("GRANTED", rows.nth(i).getAttribute("data-outcome"));
        }
        assertThat(page.locator("#audit-csv")).hasAttribute("href", Pattern.compile(".*outcome=GRANTED.*"));
    }

    /**
     * A person's disclosure report shown, and its letter downloaded as a PDF that reads in Swedish. The person
     * is outside the demo register, so no other test asks about it (a question about it is still a disclosure:
     * that there is nothing).
     */
    @Test
    void aDisclosureReportShownAndItsLetterDownloaded() throws Exception {
        String person = SyntheticRegister.personId(Questions.DEMO_PERSONS + 983);
        LefiServer.lefiOnline("insurer").getBenefitInformation(Questions.question(person, Questions.TODAY.minusYears(1), Questions.TODAY,
                PurposeCode.COORDINATION_OF_COMPENSATION, InformationTypeCode.SJP));
        // The report's days are taken now, after the question: a suite that started before midnight (Swedish
        // time) has an older Questions.TODAY than the day the question was recorded on.
        LocalDate today = LocalDate.now(SwedishTime.ZONE);
        Page page = pageAs("admin");
        page.navigate(LefiServer.uri("/console/").toString());
        Locator form = page.locator("#disclosure-report-form");
        form.locator("input[name=personId]").fill(person);
        form.locator("input[name=from]").fill(today.minusDays(1).toString());
        form.locator("input[name=to]").fill(today.toString());
        form.locator("button[type=submit]").click();
        assertThat(page.locator("#message")).hasText("Disclosure report loaded");
        assertThat(page.locator("#disclosures tbody tr")).hasCount(1);
        assertThat(page.locator("#disclosures tbody tr").first()).containsText("Demo Försäkring AB (5569000010)");
        assertThat(page.locator("#disclosures tbody tr").first()).containsText("SJP");
        assertThat(page.locator("#disclosure-count")).hasText("(1)");
        assertThat(page.locator("#refusal-count")).hasText("(0)");
        assertThat(page.locator("#actions tbody tr").first()).containsText("DISCLOSURE_REPORT");

        Download download = page.waitForDownload(() -> page.locator("#disclosure-letter").click());
        assertEquals("registerutdrag-" + today.minusDays(1) + "-" + today + ".pdf", download.suggestedFilename());
        try (PDDocument letter = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            String text = new PDFTextStripper().getText(letter);
            assertTrue(text.contains("Utlämnanden (1)"), text);
            assertTrue(text.contains("Demo Försäkring AB (org.nr 5569000010, försäkringsbolag)"), text);
        }
        assertThat(page.locator("#message")).hasText("Letter downloaded");
    }

    @Test
    void maintenancePlannedAndRemovedByClicking() {
        Page page = pageAs("admin");
        page.navigate(LefiServer.uri("/console/").toString());
        assertThat(page.locator("#service-status")).hasAttribute("data-open", "true");
        Locator plan = page.locator("#maintenance-form");
        String tomorrow = Questions.TODAY.plusDays(1).toString();
        plan.locator("input[name=from]").fill(tomorrow + "T02:00");
        plan.locator("input[name=to]").fill(tomorrow + "T03:30");
        plan.locator("input[name=reason]").fill("Konsoltestets underhåll");
        plan.locator("button").click();
        assertThat(page.locator("#message")).hasText("Maintenance planned");
        Locator window = page.locator("#maintenance tbody tr", new Page.LocatorOptions().setHasText("Konsoltestets underhåll"));
        assertThat(window).hasCount(1);
        assertThat(page.locator("#service-status")).hasAttribute("data-open", "true");

        window.locator("button").click();
        assertThat(page.locator("#message")).hasText("Maintenance window removed");
        assertThat(window).hasCount(0);

        page.locator("#sla-form button").click();
        assertThat(page.locator("#message")).hasText("SLA report loaded");
        assertThat(page.locator("#sla-availability")).containsText("service minutes");
    }

    @Test
    void actorRegisteredFromItsOrganisationsViewAndEnded() {
        Page page = pageAs("admin");
        page.navigate(LefiServer.uri("/console/").toString());
        assertThat(page.locator("#actors tbody tr[data-actor='026-51']")).hasAttribute("data-live", "true");
        page.locator("#organisations tbody tr[data-organisation='" + DEMO_AGENT + "'] button").click();
        Locator detail = page.locator("#organisation-detail");
        assertThat(detail).hasAttribute("data-organisation", DEMO_AGENT);
        Locator form = detail.locator("form[data-step=actor]");
        form.locator("input[name=actorId]").fill("KONSOL-1");
        form.locator("select[name=principal]").selectOption(DemoRegister.MUNICIPALITY);
        form.locator("select[name=purpose]").selectOption("CASE_WORK");
        form.locator("button").click();
        assertThat(page.locator("#message")).containsText("Actor KONSOL-1 registered: förordning (1980:995)");
        Locator actor = page.locator("#actors tbody tr[data-actor='KONSOL-1']");
        assertThat(actor).hasAttribute("data-live", "true");
        assertThat(actor).containsText("Demo kommun");
        assertThat(detail.locator("#detail-actors")).containsText("KONSOL-1");

        form = detail.locator("form[data-step=actor]");
        form.locator("input[name=actorId]").fill("KONSOL-2");
        form.locator("select[name=purpose]").selectOption("CASE_WORK");
        form.locator("button").click();
        assertThat(page.locator("#message")).hasText("Refused — PRINCIPAL_MISSING: An agent's actor must name the authority it acts for.");

        actor.locator("button").click();
        assertThat(page.locator("#message")).hasText("Actor KONSOL-1 ended");
        assertThat(actor).hasAttribute("data-live", "false");
        assertThat(page.locator("#actions tbody tr", new Page.LocatorOptions().setHasText("END_ACTOR"))
                .filter(new Locator.FilterOptions().setHasText("KONSOL-1"))).hasCount(1);
    }

    /** The charts draw this month's service levels, questions and invoices from the server's data, with Chart.js from the WAR. */
    @Test
    void theChartsRenderWithData() throws Exception {
        SoapEnvelopes.post("insurer", "GetBenefitInformation-coordination.xml", SoapEnvelopes.GET_BENEFIT_INFORMATION);
        Page page = pageAs("admin");
        List<String> external = new ArrayList<>();
        page.onRequest(request -> {
            if (!request.url().startsWith(LefiServer.uri("/").toString()) && !request.url().startsWith("data:") && !request.url().startsWith("blob:")) {
                external.add(request.url());
            }
        });
        page.navigate(LefiServer.uri("/console/").toString());
        // Twelve months of invoices and a month of the audit log take a while on a busy machine.
        LocatorAssertions.HasAttributeOptions patience = new LocatorAssertions.HasAttributeOptions().setTimeout(60_000);
        assertThat(page.locator("#volumes-chart")).hasAttribute("data-drawn", Pattern.compile("[1-9]\\d*"), patience);
        assertThat(page.locator("#invoice-totals-chart")).hasAttribute("data-drawn", Pattern.compile("[1-9]\\d*"), patience);
        // The SLA report has a day once the server has stored a minute of its own.
        for (int attempt = 0; attempt < 30 && !"true".equals(page.evaluate("() => String(Number(document.getElementById('availability-chart').dataset.drawn) > 0)")); attempt++) {
            page.waitForTimeout(3000);
            page.locator("#sla-form button").click();
        }
        assertThat(page.locator("#availability-chart")).hasAttribute("data-drawn", Pattern.compile("[1-9]\\d*"), patience);
        assertThat(page.locator("#latency-chart")).hasAttribute("data-drawn", Pattern.compile("[1-9]\\d*"), patience);
        assertEquals(List.of(), external, "nothing loads from outside the server");
        Browsers.assertAccessible(page, "the charts");
        Browsers.screenshot(page.locator("#pictures-section"), "console-charts");
    }

    @Test
    void anOrganisationsCertificateGetsNoConsole() {
        Page page = pageAs("insurer");
        assertEquals(403, page.navigate(LefiServer.uri("/console/").toString()).status());
    }
}
