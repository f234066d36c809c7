package dev.scopekeeper.base.db;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.scopekeeper.Application;
import dev.scopekeeper.journeys.ScreenChecks;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13, "database down for 20-50 s": the application runs on an embedded MariaDB of its own, which this test
 * stops while a user holds a PAT and a user access token and is signed in in Chromium. While it is down, every API
 * call answers 503 problem+json with Retry-After within 5 s (never a redirect, never a 500, never the pool's 30 s)
 * and readiness is DOWN; in the browser a failed save says so in a notification and keeps what was typed, a screen
 * that cannot load (a click in the navigation, a reload) is the "Database unavailable" page (axe and layout at 1280
 * and 390 px), and the sign-in form says the database is unavailable instead of blaming the password. Once the
 * server is started again the API and readiness recover by themselves, and the browser page comes back, without a reload,
 * to the screen the user asked for. One application start of its own (Failsafe).
 */
class DatabaseOutageIT {

    private static final Duration ANSWER_BOUND = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dataDir = Path.of("target", "outage-test-" + UUID.randomUUID());
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private EmbeddedMariaDb restarted;
    private String base;

    @Test
    void anOutageIsAnswered503WithRetryAfterTheUiSaysSoAndBothRecoverByThemselves() throws Exception {
        ScreenChecks.assumeChromium("DatabaseOutageIT skipped");
        try (ConfigurableApplicationContext app = start();
                Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = ScreenChecks.launchChromium(playwright)) {
            base = "http://localhost:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort();
            UserProfile user = app.getBean(TestUsers.class).create("outage", PlatformRole.ADMIN);
            UserProfile later = app.getBean(TestUsers.class).create("outage-later", PlatformRole.USER);
            String userToken = JSON.readTree(send(
                                    "POST",
                                    "/api/v1/users/tokens/issue",
                                    null,
                                    Map.of("username", user.username(), "password", TestUsers.PASSWORD))
                            .body())
                    .path("access_token")
                    .asString();
            // never used before the outage, so nothing about it is cached: its first use must read the database
            HttpResponse<String> created = send(
                    "POST", "/api/v1/pats", userToken, Map.of("name", "outage", "description", "", "duration", "7d"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String pat = JSON.readTree(created.body()).path("secret").asString();

            // signed in in the browser before the outage, typing a new token's name on the creation page
            Page page = newPage(browser);
            signIn(page, user);
            page.navigate("/pats/new");
            assertThat(heading(page, "Create PAT")).isVisible();
            textbox(page, "Name").fill("typed during the outage");
            // someone else opens the sign-in page before the outage
            Page signInPage = newPage(browser);
            signInPage.navigate("/login");
            assertThat(button(signInPage, "Sign in")).isVisible();

            // the database goes away
            EmbeddedMariaDb db = app.getBean(EmbeddedMariaDb.class);
            int port = db.port();
            db.close();

            assertUnavailable(send("GET", "/api/v1/pats", pat, null));
            assertUnavailable(send(
                    "POST", "/api/v1/pats", userToken, Map.of("name", "during", "description", "", "duration", "7d")));
            assertUnavailable(send("GET", "/api/v1/pats", userToken, null));
            HttpResponse<String> readiness = send("GET", "/actuator/health/readiness", null, null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(readiness.body()).path("status").asString())
                    .isEqualTo("DOWN");
            assertThat(send("GET", "/actuator/health/liveness", null, null).statusCode())
                    .as("liveness stays UP: restarting the node would not bring the database back")
                    .isEqualTo(200);

            // (c) an action that writes: a notification says so, the screen and what was typed stay
            button(page, "Create").click();
            assertThat(page.locator("vaadin-notification-card"))
                    .containsText("Database unavailable, retrying: your last action was not saved");
            assertThat(heading(page, "Create PAT")).isVisible();
            assertThat(textbox(page, "Name")).hasValue("typed during the outage");

            // (a) a click in the navigation (client-side navigation) to a screen that reads the database
            page.locator("vaadin-side-nav-item")
                    .filter(new Locator.FilterOptions().setHasText("Personal Access Tokens"))
                    .first()
                    .click();
            assertUnavailablePage(page);
            assertThat(page).hasURL(base + "/pats");
            assertNoticeClearOfTheHeading(page, 1280);
            assertNoticeClearOfTheHeading(page, 390);
            checkScreen(page, "db-unavailable");

            // (b) a full page load of that screen: the same page
            // (Vaadin 25 answers the document and its bootstrap request 200 and builds the page after them)
            page.reload();
            assertUnavailablePage(page);
            assertThat(page).hasTitle("Database unavailable | Scopekeeper");

            // (d) signing in: the sign-in page says the database is unavailable, not "incorrect password"
            textbox(signInPage, "Username").fill(later.username());
            textbox(signInPage, "Password").fill(TestUsers.PASSWORD);
            button(signInPage, "Sign in").click();
            signInPage.waitForURL(url -> url.contains("/login?unavailable"));
            assertThat(signInPage.locator("vaadin-login-form"))
                    .containsText("Signing in is not possible right now because Scopekeeper cannot reach its database");
            assertThat(signInPage.locator("vaadin-login-form")).not().containsText("Incorrect username or password");
            assertThat(textbox(signInPage, "Username")).isVisible();
            // the sign-in page opened while the database is down shows its form (it was a blank page before)
            Page freshSignIn = newPage(browser);
            freshSignIn.navigate("/login");
            assertThat(button(freshSignIn, "Sign in")).isVisible();

            // from here on, a full page load would reset this mark: the page must come back without one
            page.evaluate("() => { window.__stillTheSamePage = true; }");

            // the database comes back: nothing is restarted or reloaded by hand
            EmbeddedDatabaseProperties properties = app.getBean(EmbeddedDatabaseProperties.class);
            restarted = EmbeddedMariaDb.startPersistent(properties.dataDir(), port, properties.database());

            // recognised again, then refused for managing tokens (a PAT cannot): 403, not 503 or 401
            awaitStatus(403, () -> send("GET", "/api/v1/pats", pat, null));
            awaitStatus(200, () -> send("GET", "/actuator/health/readiness", null, null));
            HttpResponse<String> after = send(
                    "POST", "/api/v1/pats", userToken, Map.of("name", "after", "description", "", "duration", "7d"));
            assertThat(after.statusCode()).as(after.body()).isEqualTo(201);

            // the browser comes back by itself to the screen the user asked for, with no page reload
            assertThat(heading(page, "Personal Access Tokens"))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            assertThat(page).hasURL(base + "/pats");
            assertThat(page.locator("vaadin-grid")).containsText("outage");
            assertThat(page.evaluate("() => window.__stillTheSamePage === true"))
                    .as("the page came back without a reload")
                    .isEqualTo(true);
            assertThat(page.getByText("Database unavailable")).hasCount(0);
            // and signing in works again
            signIn(signInPage, later);
            assertThat(signInPage).not().hasURL(java.util.regex.Pattern.compile(".*/login.*"));
        }
    }

    /** The "Database unavailable" page: heading, the text that it retries by itself, an alert for screen readers. */
    private static void assertUnavailablePage(Page page) {
        assertThat(heading(page, "Database unavailable")).isVisible();
        assertThat(page.locator("main").getByRole(AriaRole.ALERT))
                .containsText("tries again every few seconds by itself");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Try again now")))
                .isVisible();
    }

    /** The failed save's notice, still shown, does not cover the "Database unavailable" heading at this width. */
    private static void assertNoticeClearOfTheHeading(Page page, int width) {
        page.setViewportSize(width, width < 700 ? 844 : 800);
        try {
            page.waitForTimeout(250);
            Locator notice = page.locator("vaadin-notification-card");
            assertThat(notice).containsText("your last action was not saved");
            // the heading's text, not its block (which spans the page's width)
            Object covers = page.evaluate("""
                    () => {
                      const card = document.querySelector('vaadin-notification-card').getBoundingClientRect();
                      const range = document.createRange();
                      range.selectNodeContents(document.querySelector('main h1'));
                      const text = range.getBoundingClientRect();
                      const overlaps = card.left < text.right && text.left < card.right
                        && card.top < text.bottom && text.top < card.bottom;
                      return overlaps ? 'notice ' + JSON.stringify(card) + ' over heading ' + JSON.stringify(text) : '';
                    }""");
            assertThat(covers)
                    .as("at %d px the notice covers the heading", width)
                    .isEqualTo("");
        } finally {
            page.setViewportSize(1280, 800);
        }
    }

    /** As BrowserJourney#checkScreen: axe and layout at 1280 and 390 px, screenshots in target/doc-screenshots. */
    private static void checkScreen(Page page, String name) {
        ScreenChecks.assertAccessible(page, name);
        ScreenChecks.assertLayout(page, name);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
        page.setViewportSize(390, 844);
        try {
            page.waitForTimeout(250);
            ScreenChecks.assertAccessible(page, name + " at phone width");
            ScreenChecks.assertLayout(page, name + " at phone width");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-phone.png")));
        } finally {
            page.setViewportSize(1280, 800);
        }
    }

    private static final Path SCREENSHOTS = Path.of("target", "doc-screenshots");

    private Page newPage(Browser browser) {
        BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 800).setBaseURL(base));
        context.setDefaultTimeout(20_000);
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        return context.newPage();
    }

    private static void signIn(Page page, UserProfile user) {
        page.navigate("/login");
        textbox(page, "Username").fill(user.username());
        textbox(page, "Password").fill(TestUsers.PASSWORD);
        button(page, "Sign in").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(
                AriaRole.HEADING,
                new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(1));
    }

    private static Locator textbox(Page page, String label) {
        return page.getByRole(
                AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void assertUnavailable(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Location")).isEmpty();
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("detail").asString())
                .isEqualTo("The database is unavailable at the moment; try again in a few seconds");
    }

    private HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (response.statusCode() == 503) {
            assertThat(took)
                    .as(method + " " + path + " answered 503 after " + took)
                    .isLessThan(ANSWER_BOUND);
        }
        return response;
    }

    private static void awaitStatus(int status, ThrowingSupplier<HttpResponse<String>> call) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> last = call.get();
        while (last.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(500);
            last = call.get();
        }
        assertThat(last.statusCode()).as(last.body()).isEqualTo(status);
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Application.class)
                .run(
                        "--spring.datasource.url=",
                        "--scopekeeper.embedded-db.data-dir=" + dataDir.toAbsolutePath(),
                        "--scopekeeper.admin.username=",
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=warn");
    }

    @AfterEach
    void stopAndRemove() throws IOException {
        if (restarted != null) {
            restarted.close();
        }
        if (Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
