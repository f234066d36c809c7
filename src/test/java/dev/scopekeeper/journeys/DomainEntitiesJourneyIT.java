package dev.scopekeeper.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.scopekeeper.ResetDatabase;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's journey: the bootstrap administrator signs in, meets the empty state, creates a domain, a group, a
 * client (its secret shown once) and a channel, connects the client to the channel, makes the group its parent
 * and sees it all in the grids and on the detail pages. Saves the screenshots in {@code docs/screenshots/}.
 * A fresh install as after start-up: grace is the bootstrap administrator of {@code application-test.properties}.
 */
@ResetDatabase(runStartUp = true)
class DomainEntitiesJourneyIT extends BrowserJourney {

    @Test
    void anAdministratorBuildsADomainWithConnectedEntities() {
        page.navigate("/login");
        textbox("Username").fill("grace");
        textbox("Password").fill("compiler pioneer 1952");
        button("Sign in").click();
        page.waitForURL(url -> !url.endsWith("/login"));

        page.navigate("/clients");
        assertThat(page.getByText("No domain yet")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create a domain on the Domains page"))
                .click();

        button("Create domain").click();
        textbox("Name").fill("Acme Plant");
        textbox("Route").fill("acme-plant");
        textbox("Tags").fill("production");
        button("Create").click();
        assertThat(page.getByText("Domain Acme Plant created")).isVisible();
        assertThat(cell("acme-plant")).isVisible();
        settle();
        save("domains");

        page.navigate("/groups");
        assertThat(page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Current domain")))
                .hasValue("Acme Plant");
        create("Create group", "Hall 1");

        page.navigate("/channels");
        button("Create channel").click();
        assertAccessible("the create dialog");
        page.keyboard().press("Escape");
        create("Create channel", "Telemetry");

        page.navigate("/clients");
        create("Create client", "Sensor 7");
        Locator secret = textbox("Client secret");
        assertThat(secret).isVisible();
        assertThat(secret).not().hasValue("");
        assertThat(page.getByText("it will not be shown again")).isVisible();
        assertThat(button("Copy to clipboard")).isVisible();
        assertAccessible("the client secret dialog");
        settle();
        save("client-secret");
        button("Done").click();
        assertThat(secret).not().isVisible();
        settle();
        save("clients");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sensor 7"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sensor 7")))
                .isVisible();
        choose("Channel", "Telemetry");
        button("Connect").click();
        assertThat(page.getByText("Connected to Telemetry")).isVisible();
        choose("Parent group", "Hall 1");
        button("Set parent group").click();
        assertThat(page.getByText("Parent group: Hall 1")).isVisible();
        assertThat(cell("Telemetry")).isVisible();
        settle();
        save("client-detail");

        page.navigate("/channels");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Telemetry"))
                .click();
        assertThat(cell("Sensor 7")).isVisible();

        page.navigate("/groups");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hall 1"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hierarchy")))
                .isVisible();
        assertThat(cell("Hall 1")).isVisible();
        settle();
        save("group-detail");

        page.setViewportSize(400, 800);
        page.navigate("/clients");
        assertThat(cell("Sensor 7")).isVisible();
        assertThat(button("Create client")).isInViewport();
        docScreenshot("clients-400px");
    }

    private void create(String createButton, String name) {
        button(createButton).click();
        textbox("Name").fill(name);
        button("Create").click();
        assertThat(cell(name)).isVisible();
    }

    private void choose(String comboBox, String option) {
        Locator box = page.getByRole(
                AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName(comboBox).setExact(true));
        box.click();
        box.fill(option);
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName(option).setExact(true))
                .click();
    }

    /** Grid cells are rendered into the light DOM as vaadin-grid-cell-content. */
    private Locator cell(String text) {
        return page.locator("vaadin-grid-cell-content")
                .getByText(text, new Locator.GetByTextOptions().setExact(true))
                .first();
    }

    private void save(String name) {
        checkScreen(name);
    }
}
