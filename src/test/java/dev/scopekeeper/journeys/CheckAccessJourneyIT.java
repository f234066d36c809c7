package dev.scopekeeper.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.pat.IssuedPat;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.ScopeRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Why was that call refused?" answered in the browser: a token is denied a call, Check access on its page
 * explains why and offers the scope that would allow it, Add this scope, and the same call succeeds.
 */
class CheckAccessJourneyIT extends PatJourneySupport {

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestDomains testDomains;

    @Autowired
    PatService pats;

    @Test
    void aDeniedCallIsExplainedAndAddThisScopeMakesTheSameCallSucceed() {
        UserProfile user = testUsers.create("checker", PlatformRole.USER);
        long domain = testDomains.domain("Plant");
        testDomains.member(domain, user, DomainRole.EDITOR);
        long pump = testDomains.client(domain, "pump");
        long valve = testDomains.client(domain, "valve");
        testUsers.signIn(user);
        IssuedPat issued = pats.create(new CreatePatRequest(
                "monitor",
                "reads the pump",
                PatDuration.days(30),
                null,
                List.of(new ScopeRequest(domain, "clients", "view", Long.toString(pump)))));
        testUsers.signOut();
        String valvePath = "/api/v1/domains/" + domain + "/clients/" + valve;

        // the call is refused: the valve is outside the token's reach
        assertThat(get(valvePath, issued.secret()).status()).isEqualTo(404);

        signIn(user);
        page.navigate("/pats/" + issued.pat().id());
        settle();
        assertThat(gridCell("Effective")).isVisible();
        textbox("Request line").fill("GET " + valvePath);
        button("Check request").click();
        settle();
        assertThat(page.locator(".sk-check-result")).containsText("Denied");
        assertThat(page.locator(".sk-check-result")).containsText("do not reach clients #" + valve);
        assertThat(page.locator(".sk-check-result")).containsText("Closest scope of this token");
        page.locator(".sk-check-result").scrollIntoViewIfNeeded();
        checkScreen("14-check-access-denied");
        panelScreenshot("14-check-access-denied-panel");

        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions()
                                // the scope in the scope grid's words: the client by name, not by id
                                .setName("Add this scope: Clients · view · valve"))
                .click();
        settle();
        assertThat(page.locator(".sk-check-result")).containsText("Allowed");
        assertThat(gridCell("valve")).isVisible();
        page.locator(".sk-check-result").scrollIntoViewIfNeeded();
        checkScreen("14-check-access-allowed");
        panelScreenshot("14-check-access-allowed-panel");

        // the same call now succeeds
        assertThat(get(valvePath, issued.secret()).status()).isEqualTo(200);
    }

    /** The Check access panel itself (the page screenshots show the top of the page), for looking at its answer. */
    /** The Check access panel alone, at 1280 px and at phone width. */
    private void panelScreenshot(String name) {
        page.locator(".sk-check-result")
                .locator("xpath=..")
                .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                        .setPath(java.nio.file.Path.of("target", "doc-screenshots", name + ".png")));
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        try {
            page.waitForTimeout(250);
            settle();
            page.locator(".sk-check-result")
                    .locator("xpath=..")
                    .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                            .setPath(java.nio.file.Path.of("target", "doc-screenshots", name + "-phone.png")));
        } finally {
            page.setViewportSize(1280, 800);
            page.waitForTimeout(250);
            settle();
        }
    }
}
