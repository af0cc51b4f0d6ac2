package se.lefi.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ClientCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's headless Chromium (/usr/bin/chromium, no browser download) driven by Playwright, each
 * page presenting a client certificate from the dev PKI. Flags keep Chromium off the closed network.
 */
final class Browsers implements AutoCloseable {
    private final Playwright playwright;
    private final Browser browser;

    Browsers() {
        Path chromium = Path.of(System.getProperty("lefi.chromium", "/usr/bin/chromium"));
        if (!java.nio.file.Files.isExecutable(chromium)) {
            // Say exactly what is missing rather than Playwright's launch failure: bin/lefi test installs it.
            throw new IllegalStateException("The browser tests need Debian's Chromium at " + chromium
                    + ", which is not there: run bin/lefi test (it installs it), or apt-get install -y chromium, or point -Dlefi.chromium at one.");
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("lefi.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** A fresh page presenting var/pki/&lt;alias&gt;.p12. */
    Page pageAs(String alias) {
        // A Swedish user's browser: date fields and number formats as a case handler sees them.
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("sv-SE").setTimezoneId("Europe/Stockholm")
                .setClientCertificates(List.of(new ClientCertificate("https://localhost:" + LefiServer.httpsPort())
                        .setPfxPath(LefiServer.pki().resolve(alias + ".p12")).setPassphrase(LefiServer.PASSWORD))));
        return context.newPage();
    }

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /**
     * Checks the page as it is now with axe-core (the npm package, from its webjar, injected by the test;
     * the page itself loads nothing of it) against WCAG 2.1 AA, and fails with each violation's rule and
     * the elements it found.
     */
    static void assertAccessible(Page page, String screen) {
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource()));
        }
        Object result = page.evaluate("async tags => { const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });"
                + " return r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', ')); }",
                WCAG_21_AA);
        List<?> violations = (List<?>) result;
        if (!violations.isEmpty()) {
            throw new AssertionError(screen + " has " + violations.size() + " WCAG 2.1 AA violation(s):\n" + String.join("\n",
                    violations.stream().map(String::valueOf).toList()));
        }
    }

    /** The whole page as a PNG under target/screenshots (-Dlefi.screenshots), for the README's pictures. */
    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshotFile(name)).setFullPage(true));
    }

    /** One part of a page, likewise. */
    static void screenshot(Locator part, String name) {
        // A sticky status line would lie over the part photographed.
        part.screenshot(new Locator.ScreenshotOptions().setPath(screenshotFile(name)).setStyle("[role=status] { position: static !important; }"));
    }

    private static Path screenshotFile(String name) {
        return Path.of(System.getProperty("lefi.screenshots", "target/screenshots")).resolve(name + ".png");
    }

    private static String axeSource;

    private static synchronized String axeSource() {
        if (axeSource == null) {
            String resource = "META-INF/resources/webjars/axe-core/" + System.getProperty("lefi.axe.version") + "/axe.min.js";
            try (InputStream in = Browsers.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("axe-core is not on the test classpath at " + resource);
                }
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
