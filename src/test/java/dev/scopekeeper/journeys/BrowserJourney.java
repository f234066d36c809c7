package dev.scopekeeper.journeys;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.scopekeeper.ScopekeeperTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real browser (Debian's Chromium, headless) against the app started on a random port with a
 * fresh database. Without Chromium the journey is skipped with a message, except under CI, where it
 * fails. A screenshot of the page is saved to {@code target/journey-screenshots/} when a test fails.
 */
@ScopekeeperTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserJourney.ScreenshotOnFailure.class)
public abstract class BrowserJourney {

    private static Playwright playwright;
    private static Browser browser;
    private static Page lastPage;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        ScreenChecks.assumeChromium("Browser journeys skipped");
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = ScreenChecks.launchChromium(playwright);
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 800).setBaseURL("http://localhost:" + port));
        context.setDefaultTimeout(20_000);
        // assertThat(...).isVisible() waits as long as an action: the first page of a cold context on a shared
        // 2-core machine can take longer than Playwright's default 5 s (nothing is asserted less)
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        cspViolations.clear();
        // Every page the journey opens reports what its Content-Security-Policy blocked (issue 10, item 10).
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'Content Security Policy violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI))");
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                cspViolations.add(message.text());
            }
        });
        lastPage = page;
    }

    private final List<String> cspViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void closePage() {
        try {
            org.assertj.core.api.Assertions.assertThat(cspViolations)
                    .as("the Content-Security-Policy blocked nothing the screens need")
                    .isEmpty();
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A text input by its exact visible label (Vaadin fields label their input with aria-labelledby). */
    protected Locator textbox(String label) {
        return page.getByRole(
                AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    protected Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Waits for Vaadin to finish its server round trips. */
    protected void settle() {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    /**
     * A PNG of the viewport for the documentation: into {@code docs/screenshots/} when run with
     * {@code -Ddocs.screenshots=true} (to refresh the committed ones), otherwise {@code target/doc-screenshots/},
     * so an ordinary test run leaves the working tree untouched.
     */
    protected void docScreenshot(String name) {
        settle();
        Path folder = Boolean.getBoolean("docs.screenshots")
                ? Path.of("docs", "screenshots")
                : Path.of("target", "doc-screenshots");
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + ".png")));
    }

    /** Phone width the layout checks and phone screenshots use (iPhone 12-14 portrait). */
    protected static final int PHONE_WIDTH = 390;

    protected static final int PHONE_HEIGHT = 844;

    /**
     * Checks the screen as it is now, the way a person would meet it: axe finds no critical or serious
     * violation, and the layout holds at 1280×800 and at 390×844 (see {@link #assertLayout}). Saves a
     * documentation screenshot at both widths ({@code name}.png and {@code name}-phone.png).
     */
    protected void checkScreen(String name) {
        settle();
        assertAccessible(name);
        assertLayout(name);
        docScreenshot(name);
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        try {
            // the grids' phone layout (PhoneWidth) is the server's answer to the browser's resize event: a round
            // trip after the resize, which 250 ms did not always cover (the check then saw the wide columns)
            page.waitForTimeout(1000);
            settle();
            assertLayout(name + " at phone width");
            docScreenshot(name + "-phone");
        } finally {
            page.setViewportSize(1280, 800);
            page.waitForTimeout(1000);
            settle();
        }
    }

    /** axe-core on the whole page (an open dialog or popover included): no critical or serious violation. */
    protected void assertAccessible(String where) {
        settle();
        ScreenChecks.assertAccessible(page, where);
    }

    /** The layout checks of {@code layout-check.js} ({@link ScreenChecks#assertLayout}). */
    protected void assertLayout(String where) {
        ScreenChecks.assertLayout(page, where);
    }

    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "journey-screenshots", name + ".png")));
    }

    /** Runs before @AfterEach closes the page, so the screenshot shows the failing screen. */
    static final class ScreenshotOnFailure implements TestExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable cause) throws Throwable {
            if (lastPage != null && !lastPage.isClosed()) {
                lastPage.screenshot(new Page.ScreenshotOptions()
                        .setFullPage(true)
                        .setPath(Path.of(
                                "target",
                                "journey-screenshots",
                                "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                                        + context.getRequiredTestMethod().getName() + ".png")));
            }
            throw cause;
        }
    }
}
