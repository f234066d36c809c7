package dev.scopekeeper.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Browser steps shared by the PAT journeys, plus plain HTTP calls with a token. */
abstract class PatJourneySupport extends BrowserJourney {

    record ApiResponse(int status, String body) {}

    private final HttpClient http = HttpClient.newHttpClient();

    protected void signIn(UserProfile user) {
        page.navigate("/login");
        textbox("Username").fill(user.username());
        textbox("Password").fill(TestUsers.PASSWORD);
        button("Sign in").click();
        page.waitForURL(url -> !url.contains("/login"));
        settle();
    }

    protected void signOut(UserProfile user) {
        button("Open user menu for " + user.displayName()).click();
        button("Sign out").click();
        page.waitForURL(url -> url.contains("/login"));
    }

    protected void openTokensFromTheAvatar(UserProfile user) {
        button("Open user menu for " + user.displayName()).click();
        button("Personal Access Tokens").click();
        page.waitForURL(url -> url.endsWith("/pats"));
        settle();
    }

    /** Opens the Vaadin select labelled {@code label} and picks {@code option}. */
    protected void choose(String label, String option) {
        select(label).click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName(option).setExact(true))
                .click();
        settle();
    }

    /**
     * {@link #choose} for the select inside {@code scope} (e.g. an open dialog): the detail page has the same
     * pickers in its Check access panel, behind the Add Scope dialog.
     */
    protected void chooseIn(Locator scope, String label, String option) {
        scope.locator("vaadin-select")
                .filter(new Locator.FilterOptions()
                        .setHas(page.locator("label").getByText(label, new Locator.GetByTextOptions().setExact(true))))
                .click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName(option).setExact(true))
                .click();
        settle();
    }

    protected Locator select(String label) {
        return page.locator("vaadin-select")
                .filter(new Locator.FilterOptions()
                        .setHas(page.locator("label").getByText(label, new Locator.GetByTextOptions().setExact(true))));
    }

    protected Locator dialog() {
        return page.getByRole(AriaRole.DIALOG);
    }

    protected Locator alertDialog() {
        return page.getByRole(AriaRole.ALERTDIALOG);
    }

    protected Locator buttonIn(Locator scope, String name) {
        return scope.getByRole(
                AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    protected Locator gridCell(String text) {
        return page.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(text))
                .first();
    }

    protected ApiResponse get(String path, String token) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
