package se.lefi.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.Set;
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
 * e-identification certificate, fetches a person's benefits and reads the answer, is told next to
 * the field when consent is missing (keeping what was typed), and a deregistered user is refused.
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
    void aUserFetchesAndReadsAnAnswer() throws Exception {
        PersonRecord person = Questions.personWith(InformationType.SJP, FROM, Questions.TODAY);
        Page page = browsers.pageAs("web-user");
        page.navigate(LefiServer.uri("/web/").toString());
        assertThat(page.locator("#who")).hasText("Webbtestare Aktiv, Demo Försäkring AB");

        Locator form = page.locator("#fetch-form");
        form.locator("input[name=personId]").fill(person.person().personId());
        form.locator("select[name=purpose]").selectOption("COORDINATION_OF_COMPENSATION");
        form.locator("input[name=informationType][value=SJP]").check();
        form.locator("input[name=from]").fill(FROM.toString());
        form.locator("button[type=submit]").click();

        assertThat(page.locator("#show")).isVisible();
        Set<String> expected = Questions.decisionsIn(person, Set.of(InformationType.SJP), FROM, Questions.TODAY);
        assertThat(page.locator("#decisions tbody tr")).hasCount(expected.size());
        for (String decision : expected) {
            assertThat(page.locator("#decisions tbody")).containsText(decision);
        }
        JsonObject audit = AdminApi.auditRecord(page.locator("#request-id").textContent());
        assertEquals("GRANTED", audit.getString("outcome"));
        assertEquals(USER, audit.getString("userPersonId"), "the named user is audited");
        assertEquals(INSURER, audit.getString("organisationNumber"));
        assertEquals("WEB", audit.getString("interfaceName"));

        page.locator("#back").click();
        form.locator("select[name=purpose]").selectOption("RISK_ASSESSMENT");
        form.locator("input[name=informationType][value=SJP]").check();
        form.locator("button[type=submit]").click();
        assertThat(page.locator(".field-error[data-for=consent]")).containsText("CONSENT_MISSING");
        assertThat(form.locator("input[name=personId]")).hasValue(person.person().personId());

        form.locator("input[name=personId]").fill("191212121213");
        form.locator("button[type=submit]").click();
        assertThat(page.locator(".field-error[data-for=personId]")).containsText("INVALID_PERSON_ID");
        assertThat(form.locator("input[name=personId]")).hasValue("191212121213");
    }

    @Test
    void aDeregisteredUserIsRefused() {
        Page page = browsers.pageAs("web-user-deregistered");
        page.navigate(LefiServer.uri("/web/").toString());
        assertThat(page.locator("#refusal")).isVisible();
        assertThat(page.locator("#refusal-code")).hasText("USER_DEREGISTERED");
        assertThat(page.locator("#fetch")).isHidden();
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
