package dev.scopekeeper.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Magistrala guide, step by step: avatar → Personal Access Tokens → Create PAT → the secret copied
 * from the clipboard works against the API → scopes added and deleted → revoke → regenerate from the
 * Revoked filter → delete → Delete All.
 *
 * <p>"The token works" is a real call of the domain API with the copied secret (the client it is scoped
 * to); after its scopes are deleted, {@code GET /api/v1/pats} still tells a recognised, active PAT (403
 * "cannot be used to manage …") from a revoked or replaced secret (401).
 */
class PatMagistralaJourneyIT extends PatJourneySupport {

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestDomains testDomains;

    @Autowired
    PatService pats;

    @Test
    void aUserManagesATokenTheWayTheMagistralaGuideDescribes() {
        UserProfile user = testUsers.create("magistrala", PlatformRole.USER);
        long domain = testDomains.domain("Journey");
        testDomains.member(domain, user, DomainRole.EDITOR);
        long thermostat = testDomains.client(domain, "thermostat");
        String clientPath = "/api/v1/domains/" + domain + "/clients/" + thermostat;
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));

        signIn(user);
        button("Open user menu for " + user.displayName()).click();
        checkScreen("01-user-popover");
        button("Personal Access Tokens").click();
        page.waitForURL(url -> url.endsWith("/pats"));
        assertThat(page.getByText("No personal access tokens here")).isVisible();
        // after navigation focus is on the screen's heading, not the page body; Delete All needs something to delete
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions()
                                .setName("Personal Access Tokens")
                                .setLevel(1)))
                .isFocused();
        assertThat(button("Delete All")).isDisabled();
        // the skip link jumps over the header and navigation to the content
        page.locator(".sk-skip-link").focus();
        assertThat(page.locator(".sk-skip-link")).isInViewport();
        page.keyboard().press("Enter");
        assertThat(page.locator("#main-content")).isFocused();
        checkScreen("02-pat-table-empty");

        // Create a PAT
        button("Create PAT").first().click();
        page.waitForURL(url -> url.endsWith("/pats/new"));
        textbox("Name").fill("ci deploy");
        textbox("Description").fill("Deploys from the CI pipeline");
        choose("Duration", "7 days");
        button("Add a scope").click();
        settle();
        page.getByRole(
                        AriaRole.COMBOBOX,
                        new Page.GetByRoleOptions().setName("Operation").setExact(true))
                .click();
        page.getByRole(AriaRole.OPTION)
                .filter(new Locator.FilterOptions().setHasText("View a client"))
                .click();
        settle();
        assertAccessible("the operations of a scope");
        docScreenshot("03-create-pat-operations");
        page.keyboard().press("Escape");
        checkScreen("04-create-pat");
        button("Create").click();

        page.waitForURL(Pattern.compile(".*/pats/\\d+$"));
        String detailUrl = page.url();
        assertThat(page.getByText("will not be shown again")).isVisible();
        assertThat(textbox("Token")).not().hasValue(Pattern.compile("pat_[0-9A-Za-z]{20,}"));
        checkScreen("05-pat-detail-secret");

        // copy the secret and use it
        button("Copy token").click();
        assertThat(page.getByText("Copied", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        String secret = (String) page.evaluate("() => navigator.clipboard.readText()");
        assertThat(secret).startsWith("pat_");
        button("Show token").click();
        assertThat(textbox("Token")).hasValue(secret);
        assertThat(page.locator(".sk-curl")).containsText("Authorization: Bearer " + secret);
        checkScreen("05-pat-detail-secret-shown");
        ApiResponse viewed = get(clientPath, secret);
        assertThat(viewed.status()).as(viewed.body()).isEqualTo(200);
        assertThat(viewed.body()).contains("\"name\":\"thermostat\"");
        ApiResponse refused = get("/api/v1/pats", secret);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("cannot be used to manage");
        assertThat(get("/api/v1/pats", secret.substring(0, secret.length() - 1) + "x")
                        .status())
                .isEqualTo(401);

        // reloading never shows the secret again
        page.reload();
        settle();
        assertThat(page.getByText("will not be shown again")).hasCount(0);
        assertThat(page.locator("vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("thermostat")))
                .hasCount(0);

        // Add Scope
        button("Add Scope").click();
        Locator addDialog = dialog();
        chooseIn(addDialog, "Entity type", "Channels");
        addDialog.getByText("All operations (*)").click();
        checkScreen("06-add-scope-dialog");
        buttonIn(addDialog, "Add").click();
        assertThat(page.getByText("Scopes added")).isVisible();
        Locator trash = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete scope"));
        assertThat(trash).hasCount(2);
        checkScreen("07-scope-grid");

        // delete one scope, then all
        trash.first().click();
        assertThat(trash).hasCount(1);
        assertThat(page.getByText("Scope deleted:")).isVisible();
        button("Delete All").click();
        assertThat(alertDialog()).containsText("All 1 scopes are removed");
        assertThat(buttonIn(alertDialog(), "Cancel")).isFocused();
        buttonIn(alertDialog(), "Delete All").click();
        assertThat(trash).hasCount(0);
        assertThat(page.getByText("This token has no scopes yet")).isVisible();

        // Revoke
        button("Revoke").click();
        assertThat(alertDialog()).containsText("Revoke \"ci deploy\"?");
        assertThat(buttonIn(alertDialog(), "No")).isFocused();
        checkScreen("08-revoke-confirm");
        buttonIn(alertDialog(), "Yes").click();
        assertThat(page.locator(".sk-status-row .sk-badge")).hasText("Revoked");
        ApiResponse afterRevoke = get(clientPath, secret);
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.body()).contains("revoked");

        // Regenerate through the Revoked filter
        page.navigate("/pats");
        settle();
        choose("Status", "Revoked");
        gridCell("ci deploy").click();
        page.waitForURL(detailUrl);
        button("Regenerate").click();
        choose("Duration", "90 days");
        checkScreen("09-regenerate-dialog");
        buttonIn(dialog(), "Regenerate").click();
        assertThat(page.locator(".sk-status-row .sk-badge")).hasText("Active");
        button("Show token").click();
        assertThat(textbox("Token")).hasValue(Pattern.compile("pat_[0-9A-Za-z]{20,}"));
        String regenerated = textbox("Token").inputValue();
        assertThat(regenerated).startsWith("pat_").isNotEqualTo(secret);
        assertThat(get("/api/v1/pats", regenerated).status()).isEqualTo(403);
        assertThat(get("/api/v1/pats", secret).status()).isEqualTo(401);

        // Delete one token from the table, then Delete All
        testUsers.signIn(user);
        pats.create(new CreatePatRequest("backup job", "Nightly backups", PatDuration.days(30), null, List.of()));
        pats.create(new CreatePatRequest("forever", "", PatDuration.never(), null, List.of()));
        testUsers.signOut();
        page.navigate("/pats");
        settle();
        assertThat(gridCell("backup job")).isVisible();
        checkScreen("10-pat-table");

        // below 600 px the Description column gives way (so the status badge shows), and comes back when the
        // window is wider again: resizing, opening the table on a phone, and turning the phone (issue 11)
        Locator descriptionHeader = page.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^Description$")));
        assertThat(descriptionHeader).isVisible();
        assertThat(gridCell("Nightly backups")).isVisible();
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        assertThat(descriptionHeader).isHidden();
        assertThat(gridCell("Nightly backups")).isHidden();
        assertThat(gridCell("backup job")).isVisible();
        page.setViewportSize(1280, 800);
        assertThat(descriptionHeader).isVisible();
        assertThat(gridCell("Nightly backups")).isVisible();
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        page.reload();
        settle();
        assertThat(gridCell("backup job")).isVisible();
        assertThat(descriptionHeader).isHidden();
        assertThat(gridCell("Nightly backups")).isHidden();
        page.setViewportSize(PHONE_HEIGHT, PHONE_WIDTH);
        assertThat(descriptionHeader).isVisible();
        assertThat(gridCell("Nightly backups")).isVisible();
        page.setViewportSize(1280, 800);
        settle();

        // Enter on a focused row opens it, as a click does
        gridCell("forever").evaluate("cell => cell.assignedSlot.parentElement.focus()");
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/pats/\\d+$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("forever")))
                .isVisible();
        page.goBack();
        page.waitForURL(url -> url.endsWith("/pats"));
        settle();
        Locator row = page.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions()
                        .setHas(page.getByRole(
                                AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName("Delete").setExact(true))));
        row.first()
                .getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Delete").setExact(true))
                .click();
        assertThat(alertDialog()).containsText("backup job");
        buttonIn(alertDialog(), "Delete").click();
        assertThat(page.getByText("Token \"backup job\" deleted")).isVisible();

        button("Delete All").click();
        assertThat(alertDialog()).containsText("All 2 of your personal access tokens");
        buttonIn(alertDialog(), "Delete All").click();
        assertThat(page.getByText("No personal access tokens here")).isVisible();
        assertThat(get("/api/v1/pats", regenerated).status()).isEqualTo(401);

        // a mistyped address shows the app's own not-found page, inside the layout
        page.navigate("/pats/abc");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found")))
                .isVisible();
        assertThat(page).hasTitle("Not found | Scopekeeper");
        assertThat(button("Open user menu for " + user.displayName())).isVisible();
        checkScreen("not-found");
        page.navigate("/no-such-page");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found")))
                .isVisible();
    }
}
