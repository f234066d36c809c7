package dev.scopekeeper.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.notify.Mails;
import dev.scopekeeper.notify.TestMail;
import dev.scopekeeper.notify.TestNotifier;
import dev.scopekeeper.pat.IssuedPat;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.ScopeRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A token's lifecycle end to end, in the browser, over HTTP and by mail (GreenMail): it is warned before it
 * expires (mail, header count, marked in the filtered table), rotated with a grace period (old and new
 * secrets both work, then "Stop now" leaves only the new one), and reported leaked (owner mailed, token dead).
 */
class TokenLifecycleJourneyIT extends PatJourneySupport {

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestDomains testDomains;

    @Autowired
    PatService pats;

    @Autowired
    TestNotifier notifier;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTokenIsWarnedRotatedWithGraceAndReportedLeaked() {
        UserProfile user = testUsers.create("lifecycle", PlatformRole.USER);
        long domain = testDomains.domain("Lifecycle");
        testDomains.member(domain, user, DomainRole.EDITOR);
        long pump = testDomains.client(domain, "pump");
        String clientPath = "/api/v1/domains/" + domain + "/clients/" + pump;
        testUsers.signIn(user);
        IssuedPat issued = pats.create(new CreatePatRequest(
                "deploy",
                "CI deploys",
                PatDuration.days(30),
                null,
                List.of(new ScopeRequest(domain, "clients", "view", Long.toString(pump)))));
        testUsers.signOut();
        String oldSecret = issued.secret();
        // 25 days later: 5 days left
        jdbc.update(
                "UPDATE pat SET issued_at = DATE_SUB(issued_at, INTERVAL 25 DAY),"
                        + " expires_at = DATE_SUB(expires_at, INTERVAL 25 DAY) WHERE id = ?",
                issued.pat().id());

        // warned by mail
        notifier.runExpiryNotices();
        assertThat(Mails.subjects(TestMail.await(user.email(), 1)))
                .containsExactly("Token \"deploy\" expires in 7 day(s)");
        assertThat(Mails.text(TestMail.to(user.email()).getFirst()))
                .contains("/pats/" + issued.pat().id());

        // warned in the app: the header's count leads to the filtered table, where the token is marked
        signIn(user);
        // the header with its "1 expiring soon" item fits at desktop and at phone width (issue 11)
        Locator item = page.locator(".sk-expiring-soon");
        assertThat(item).isVisible();
        // what is on screen (innerText): the words at desktop width
        assertThat(item).hasText("1 expiring soon", new LocatorAssertions.HasTextOptions().setUseInnerText(true));
        checkScreen("15-header-expiring-soon");
        assertHeaderFits(item, user, 1280);
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        settle();
        // at phone width: the clock and the count, on one line between the domain selector and the avatar
        assertThat(item).hasText("1", new LocatorAssertions.HasTextOptions().setUseInnerText(true));
        assertThat(item).isInViewport();
        assertHeaderFits(item, user, PHONE_WIDTH);
        page.setViewportSize(1280, 800);
        settle();
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("My tokens expiring within 7 days: 1"))
                .click();
        page.waitForURL(Pattern.compile(".*/pats\\?filter=expiring$"));
        settle();
        assertThat(gridCell("deploy")).isVisible();
        assertThat(page.locator(".sk-expires-cell .sk-badge-expiring")).hasText("Expires soon");

        // rotated with a grace period
        gridCell("deploy").click();
        page.waitForURL(Pattern.compile(".*/pats/\\d+$"));
        settle();
        button("Regenerate").click();
        choose("Keep the old secret working for", "1 hour");
        buttonIn(dialog(), "Regenerate").click();
        settle();
        button("Show token").click();
        assertThat(textbox("Token")).hasValue(Pattern.compile("pat_[0-9A-Za-z]{38}"));
        String newSecret = textbox("Token").inputValue();
        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertThat(get(clientPath, oldSecret).status())
                .as("old secret during the grace")
                .isEqualTo(200);
        assertThat(get(clientPath, newSecret).status()).isEqualTo(200);
        page.reload();
        settle();
        assertThat(page.locator(".sk-grace-row")).containsText("Old secret still accepted until");
        button("Stop now").click();
        settle();
        assertThat(page.locator(".sk-grace-row")).isHidden();
        assertThat(get(clientPath, oldSecret).status())
                .as("old secret after Stop now")
                .isEqualTo(401);
        assertThat(get(clientPath, newSecret).status()).isEqualTo(200);

        // reported leaked: anyone may report it, the owner is mailed, the token is dead
        HttpResponse<String> report = post("/api/v1/credentials/revoke", "{\"credentials\": [\"" + newSecret + "\"]}");
        assertThat(report.statusCode()).isEqualTo(202);
        assertThat(report.body()).isEqualTo("{\"accepted\":1}");
        assertThat(Mails.subjects(TestMail.await(user.email(), 2)))
                .contains("Your token \"deploy\" was reported as leaked and revoked");
        assertThat(get(clientPath, newSecret).status()).isEqualTo(401);
        page.reload();
        settle();
        assertThat(page.locator(".sk-status-row .sk-badge")).hasText("Revoked");
    }

    /** The header's item sits on one line between the domain selector and the avatar, all inside the window. */
    private void assertHeaderFits(Locator item, UserProfile user, int width) {
        BoundingBox box = item.boundingBox();
        BoundingBox domain = page.locator(".sk-domain-select").boundingBox();
        BoundingBox avatar = button("Open user menu for " + user.displayName()).boundingBox();
        assertThat(box.height).as("one line at " + width + " px").isLessThan(32);
        assertThat(box.x)
                .as("right of the domain selector at " + width + " px")
                .isGreaterThanOrEqualTo(domain.x + domain.width + 4);
        assertThat(box.x + box.width)
                .as("left of the avatar at " + width + " px")
                .isLessThanOrEqualTo(avatar.x - 4);
        assertThat(avatar.x + avatar.width)
                .as("avatar inside the window at " + width + " px")
                .isLessThanOrEqualTo(width);
    }

    private HttpResponse<String> post(String path, String json) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
