package se.lefi.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.regex.Matcher;
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
    void aWholeLifecycleByClicking() throws Exception {
        Page page = pageAs("admin");
        Subscriptions.ok(Subscriptions.post("insurer", DemoRegister.INSURER, "/subscriptions", Subscriptions.order(
                java.util.List.of(se.lefi.dev.register.SyntheticRegister.personId(975)), "\"SJP\"", "COORDINATION_OF_COMPENSATION",
                null, Questions.TODAY.minusMonths(1).toString())));
        page.navigate(LefiServer.uri("/console/").toString());
        assertThat(page.locator("#organisations tbody tr[data-organisation='5569000010']")).hasCount(1);
        assertThat(page.locator("#feeds tbody tr[data-organisation='5569000010']")).hasCount(1);
        assertThat(page.locator("#backlog")).containsText("notified up to");

        Locator register = page.locator("#register-form");
        register.locator("input[name=organisationNumber]").fill(NUMBER);
        register.locator("input[name=name]").fill(NAME);
        register.locator("select[name=kind]").selectOption("INSURER");
        register.locator("input[name=interfaces][value=WEB]").check();
        register.locator("input[name=contact]").fill("Avtal, 010-000 00 00");
        register.locator("button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is REQUESTED");

        Locator agreement = page.locator("#agreement-form");
        agreement.locator("input[name=organisationNumber]").fill(NUMBER);
        agreement.locator("button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is SENT");

        Locator signature = page.locator("#signature-form");
        signature.locator("input[name=organisationNumber]").fill(NUMBER);
        signature.locator("select[name=party]").selectOption("ORGANISATION");
        signature.locator("button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is SIGNED_BY_ONE_PARTY");
        signature.locator("button").click();
        assertThat(page.locator("#message")).containsText("Refused — ALREADY_SIGNED");
        signature.locator("select[name=party]").selectOption("AGENCY");
        signature.locator("button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is IN_FORCE");
        assertThat(page.locator("#organisations tr[data-organisation='" + NUMBER + "']")).hasAttribute("data-state", "IN_FORCE");

        Locator organisation = page.locator("#organisations tr[data-organisation='" + NUMBER + "']");
        LefiServer.issueCertificate(ALIAS, NAME, NUMBER);
        Locator certificate = page.locator("#certificate-form");
        certificate.locator("input[name=organisationNumber]").fill(NUMBER);
        certificate.locator("textarea[name=certificate]").fill(Files.readString(LefiServer.pki().resolve(ALIAS + ".crt.pem")));
        certificate.locator("button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is IN_FORCE");
        assertThat(organisation).containsText("bound");
        certificate.locator("button").click();
        assertThat(page.locator("#message")).containsText("Refused — CERTIFICATE_ALREADY_BOUND");

        Locator webUser = page.locator("#web-user-form");
        webUser.locator("input[name=organisationNumber]").fill(NUMBER);
        webUser.locator("input[name=personId]").fill("19750615-4421");
        webUser.locator("input[name=name]").fill("Handläggare Klicksson");
        webUser.locator("input[name=decidedBy]").fill("Chef Klicksson");
        webUser.locator("button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is IN_FORCE");
        assertThat(organisation).containsText("Handläggare Klicksson 197506154421 (decision by Chef Klicksson");
        assertThat(organisation).containsText("): GRANTED");

        Matcher id = Pattern.compile("#(\\d+) Handläggare Klicksson").matcher(organisation.textContent());
        assertTrue(id.find(), organisation.textContent());
        Locator deregistration = page.locator("#deregistration-form");
        deregistration.locator("input[name=organisationNumber]").fill(NUMBER);
        deregistration.locator("input[name=user]").fill("#" + id.group(1));
        deregistration.locator("button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is IN_FORCE");
        assertThat(organisation).containsText("): USER_DEREGISTERED");

        Locator termination = page.locator("#termination-form");
        termination.locator("input[name=organisationNumber]").fill(NUMBER);
        termination.locator("input[name=name]").fill(NAME);
        termination.locator("button").click();
        assertThat(page.locator("#message")).hasText("Done: " + NAME + " is TERMINATED");
        assertThat(page.locator("#organisations tr[data-organisation='" + NUMBER + "']")).hasAttribute("data-state", "TERMINATED");
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
        Page page = pageAs("admin");
        page.navigate(LefiServer.uri("/console/").toString());
        Locator form = page.locator("#disclosure-report-form");
        form.locator("input[name=personId]").fill(person);
        form.locator("input[name=from]").fill(Questions.TODAY.minusDays(1).toString());
        form.locator("input[name=to]").fill(Questions.TODAY.toString());
        form.locator("button[type=submit]").click();
        assertThat(page.locator("#message")).hasText("Disclosure report loaded");
        assertThat(page.locator("#disclosures tbody tr")).hasCount(1);
        assertThat(page.locator("#disclosures tbody tr").first()).containsText("Demo Försäkring AB (5569000010)");
        assertThat(page.locator("#disclosures tbody tr").first()).containsText("SJP");
        assertThat(page.locator("#disclosure-count")).hasText("(1)");
        assertThat(page.locator("#refusal-count")).hasText("(0)");
        assertThat(page.locator("#actions tbody tr").first()).containsText("DISCLOSURE_REPORT");

        Download download = page.waitForDownload(() -> page.locator("#disclosure-letter").click());
        assertEquals("registerutdrag-" + Questions.TODAY.minusDays(1) + "-" + Questions.TODAY + ".pdf", download.suggestedFilename());
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
    void actorRegisteredAndEndedByClicking() {
        Page page = pageAs("admin");
        page.navigate(LefiServer.uri("/console/").toString());
        assertThat(page.locator("#actors tbody tr[data-actor='026-51']")).hasAttribute("data-live", "true");
        Locator form = page.locator("#actor-form");
        form.locator("input[name=actorId]").fill("KONSOL-1");
        form.locator("input[name=organisationNumber]").fill("5569000036");
        form.locator("input[name=principal]").fill(DemoRegister.MUNICIPALITY);
        form.locator("select[name=purpose]").selectOption("CASE_WORK");
        form.locator("button").click();
        assertThat(page.locator("#message")).containsText("Actor KONSOL-1 registered: förordning (1980:995)");
        Locator actor = page.locator("#actors tbody tr[data-actor='KONSOL-1']");
        assertThat(actor).hasAttribute("data-live", "true");
        assertThat(actor).containsText("Demo kommun");

        form.locator("input[name=actorId]").fill("KONSOL-2");
        form.locator("input[name=principal]").fill("");
        form.locator("button").click();
        assertThat(page.locator("#message")).hasText("Refused — PRINCIPAL_MISSING: An agent's actor must name the authority it acts for.");

        actor.locator("button").click();
        assertThat(page.locator("#message")).hasText("Actor KONSOL-1 ended");
        assertThat(actor).hasAttribute("data-live", "false");
        assertThat(page.locator("#actions tbody tr", new Page.LocatorOptions().setHasText("END_ACTOR"))
                .filter(new Locator.FilterOptions().setHasText("KONSOL-1"))).hasCount(1);
    }

    @Test
    void anOrganisationsCertificateGetsNoConsole() {
        Page page = pageAs("insurer");
        assertEquals(403, page.navigate(LefiServer.uri("/console/").toString()).status());
    }
}
