package se.lefi.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ClientCertificate;
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
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setClientCertificates(List.of(new ClientCertificate("https://localhost:" + LefiServer.httpsPort())
                        .setPfxPath(LefiServer.pki().resolve(alias + ".p12")).setPassphrase(LefiServer.PASSWORD))));
        return context.newPage();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
