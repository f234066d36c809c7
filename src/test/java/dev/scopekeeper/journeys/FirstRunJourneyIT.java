package dev.scopekeeper.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dev.scopekeeper.ResetDatabase;
import org.junit.jupiter.api.Test;

/**
 * Issue 2's journey: first-run setup, sign out, a failed sign-in, a real sign-in, the avatar popover
 * with its {@code Personal Access Tokens} item, and sign out again. Starts from an empty install.
 */
@ResetDatabase
class FirstRunJourneyIT extends BrowserJourney {

    @Test
    void aNewInstallIsSetUpAndUsedThroughTheBrowser() {
        page.navigate("/");
        assertThat(page.getByText("Welcome to Scopekeeper")).isVisible();

        textbox("Username").fill("ada");
        textbox("Email").fill("ada@example.com");
        textbox("Display name").fill("Ada Lovelace");
        textbox("Password").fill("analytical engine 1843");
        textbox("Confirm password").fill("analytical engine 1843");
        checkScreen("setup");
        button("Create administrator").click();

        assertThat(page.getByText("Welcome, Ada Lovelace")).isVisible();
        openUserMenu();
        button("Sign out").click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        checkScreen("login");
        textbox("Username").fill("ada");
        textbox("Password").fill("not the password");
        button("Sign in").click();
        assertThat(page.getByText("Incorrect username or password")).isVisible();
        checkScreen("login-error");

        textbox("Username").fill("ada");
        textbox("Password").fill("analytical engine 1843");
        button("Sign in").click();
        assertThat(page.getByText("Welcome, Ada Lovelace")).isVisible();

        openUserMenu();
        assertThat(page.getByText("ada@example.com")).isVisible();
        assertThat(button("Personal Access Tokens")).isVisible();
        assertThat(button("Profile")).isVisible();
        checkScreen("user-popover");
        button("Profile").click();
        page.waitForURL(url -> url.endsWith("/profile"));
        checkScreen("profile");
        openUserMenu();
        button("Sign out").click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        page.navigate("/profile");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
    }

    private void openUserMenu() {
        button("Open user menu for Ada Lovelace").click();
    }
}
