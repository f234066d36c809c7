package dev.scopekeeper.pat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.provider.SortDirection;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.PatService.PatQuery;
import dev.scopekeeper.pat.PatService.SortBy;
import dev.scopekeeper.security.PlatformRole;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The PAT table (Magistrala guide: "Create a PAT", "Expired Pat", "Delete a PAT"). */
class PatListViewTest extends BrowserlessTestBase {

    @Autowired
    PatService pats;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void signIn() {
        signInAsNew("patlist", PlatformRole.USER);
    }

    private long token(String name) {
        return pats.create(new CreatePatRequest(name, "about " + name, PatDuration.days(30), null, List.of()))
                .pat()
                .id();
    }

    private List<String> names(PatListView view) {
        var grid = test(view.grid);
        return IntStream.range(0, grid.size())
                .mapToObj(i -> grid.getRow(i).name())
                .toList();
    }

    private long total() {
        return pats.list(new PatQuery(Optional.empty(), null, 0, 1, SortBy.NAME, false))
                .total();
    }

    @Test
    void theTableScrollsOnWithoutCountingMyTokens() {
        IntStream.range(0, 60).forEach(i -> token("scrolled %02d".formatted(i)));
        PatListView view = navigate(PatListView.class);

        assertThat(names(view)).hasSize(60).startsWith("scrolled 00").endsWith("scrolled 59");

        // no count callback: the grid asks for pages (Slices) as it scrolls, never for a total
        assertThat(view.grid.getDataCommunicator().isDefinedSize()).isFalse();
    }

    @Test
    void withoutTokensAnEmptyStateExplainsPatsAndOffersCreatePat() {
        PatListView view = navigate(PatListView.class);

        assertThat(test(view.grid).size()).isZero();
        assertThat(find(Div.class)
                        .withClassName("sk-empty-state")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("No personal access tokens here", "instead of your password");
        test(view.emptyCreate).click();

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(PatCreateView.class);
    }

    @Test
    void theCreatePatButtonOpensTheCreationPage() {
        PatListView view = navigate(PatListView.class);
        assertThat(view.create.getText()).isEqualTo("Create PAT");
        test(view.create).click();
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(PatCreateView.class);
    }

    @Test
    void activeTokensShowByDefaultAndTheStatusFilterShowsRevokedExpiredAndAll() {
        token("active one");
        long revoked = token("revoked one");
        pats.revoke(revoked);
        long expired = token("expired one");
        jdbc.update(
                "UPDATE pat SET expires_at = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(3600)),
                expired);

        PatListView view = navigate(PatListView.class);
        assertThat(view.status.getValue()).isEqualTo(PatListView.Filter.ACTIVE);
        assertThat(test(view.status).getSuggestions()).containsExactly("Active", "Revoked", "Expired", "All");
        assertThat(names(view)).containsExactly("active one");

        test(view.status).selectItem("Revoked");
        assertThat(names(view)).containsExactly("revoked one");
        assertThat(test(view.grid).getCellComponent(0, "status").getElement().getText())
                .isEqualTo("Revoked");

        test(view.status).selectItem("Expired");
        assertThat(names(view)).containsExactly("expired one");

        test(view.status).selectItem("All");
        assertThat(names(view)).containsExactly("active one", "expired one", "revoked one");
    }

    @Test
    void theColumnsShowNameDescriptionStatusExpiresAndLastUsed() {
        token("ci deploy");
        pats.create(new CreatePatRequest("forever", "", PatDuration.never(), null, List.of()));
        PatListView view = navigate(PatListView.class);

        var grid = test(view.grid);
        assertThat(List.of(
                        grid.getHeaderCell(0),
                        grid.getHeaderCell(1),
                        grid.getHeaderCell(2),
                        grid.getHeaderCell(3),
                        grid.getHeaderCell(4)))
                .containsExactly("Name", "Description", "Status", "Expires", "Last used");
        assertThat(grid.getCellText(0, 1)).isEqualTo("about ci deploy");
        var expires = grid.getCellComponent(0, "expires");
        assertThat(expires.getElement().getText()).isEqualTo("in 30 days");
        assertThat(expires.getElement().getAttribute("title")).endsWith("UTC");
        var never = grid.getCellComponent(1, "expires");
        assertThat(never.getElement().getText()).isEqualTo("Never");
        assertThat(never.getElement().getClassList()).contains("sk-risk");
        assertThat(grid.getCellComponent(0, "lastUsed").getElement().getText()).isEqualTo("Never used");
    }

    @Test
    void theNameSearchAndSortingNarrowAndOrderTheList() {
        token("deploy alpha");
        token("deploy beta");
        token("backup");
        PatListView view = navigate(PatListView.class);
        assertThat(names(view)).containsExactly("backup", "deploy alpha", "deploy beta");

        test(view.search).setValue("DEPLOY");
        assertThat(names(view)).containsExactly("deploy alpha", "deploy beta");

        test(view.grid).sortByColumn("name", SortDirection.DESCENDING);
        assertThat(names(view)).containsExactly("deploy beta", "deploy alpha");
        assertThat(test(view.grid).isColumnSortable("expires")).isTrue();
        assertThat(test(view.grid).isColumnSortable("lastUsed")).isTrue();
    }

    @Test
    void clickingARowOrViewOpensTheDetailPage() {
        long id = token("opened");
        PatListView view = navigate(PatListView.class);

        test(view.grid).clickRow(0);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(PatDetailView.class);
        assertThat(((PatDetailView) UI.getCurrent().getCurrentView()).name.getValue())
                .isEqualTo("opened");

        view = navigate(PatListView.class);
        rowButton(view, 0, "View").click();
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(PatDetailView.class);
        assertThat(((PatDetailView) UI.getCurrent().getCurrentView()).title.getText())
                .isEqualTo("opened");
        assertThat(id).isPositive();
    }

    @Test
    void deletingARowAsksFirstNamingTheToken() {
        token("keep me");
        token("remove me");
        PatListView view = navigate(PatListView.class);

        rowButton(view, 1, "Delete").click();
        ConfirmDialog dialog = find(ConfirmDialog.class).single();
        assertThat(test(dialog).getText()).contains("remove me");
        test(dialog).cancel();
        assertThat(total()).isEqualTo(2);

        rowButton(view, 1, "Delete").click();
        test(find(ConfirmDialog.class).last()).confirm();

        assertThat(names(view)).containsExactly("keep me");
        assertThat(notifications()).contains("Token \"remove me\" deleted");
    }

    @Test
    void deleteAllAsksFirstSayingHowManyTokensGo() {
        token("one");
        long two = token("two");
        pats.revoke(two);
        PatListView view = navigate(PatListView.class);

        test(view.deleteAll).click();
        ConfirmDialog dialog = find(ConfirmDialog.class).single();
        assertThat(test(dialog).getHeader()).isEqualTo("Delete all your tokens?");
        assertThat(test(dialog).getText()).contains("All 2 of your personal access tokens");
        test(dialog).confirm();

        assertThat(total()).isZero();
        assertThat(test(view.grid).size()).isZero();
        assertThat(notifications()).contains("2 tokens deleted");
    }

    @Test
    void deleteAllWithNothingToDeleteIsNotOffered() {
        PatListView view = navigate(PatListView.class);
        test(view.grid).size();
        // issue 11: disabled on an empty table, rather than a notice after the click
        assertThat(view.deleteAll.isEnabled()).isFalse();
        assertThat(find(ConfirmDialog.class).exists()).isFalse();
    }

    private com.vaadin.flow.component.button.ButtonTester<Button> rowButton(PatListView view, int row, String text) {
        Div actions = (Div) test(view.grid).getCellComponent(row, "actions");
        Button button = actions.getChildren()
                .map(Button.class::cast)
                .filter(b -> text.equals(b.getText()))
                .findFirst()
                .orElseThrow();
        return test(button);
    }

    // --- issue 11 ---

    private String emptyState() {
        return find(Div.class)
                .withClassName("sk-empty-state")
                .single()
                .getElement()
                .getTextRecursively();
    }

    @Test
    void aSearchWithoutMatchSaysSoAndOffersToShowAll() {
        token("nightly");
        PatListView view = navigate(PatListView.class);

        test(view.search).setValue("zzz");

        assertThat(test(view.grid).size()).isZero();
        assertThat(emptyState()).contains("No token matches \"zzz\"").doesNotContain("No personal access tokens here");
        assertThat(view.emptyShowAll.isVisible()).isTrue();
        test(view.emptyShowAll).click();
        assertThat(view.status.getValue()).isEqualTo(PatListView.Filter.ALL);
        assertThat(names(view)).containsExactly("nightly");
    }

    @Test
    void aUserWhoseTokensAreAllRevokedOrExpiredIsToldHowManyAndCanShowThem() {
        pats.revoke(token("old one"));
        pats.revoke(token("older one"));
        long expired = token("expired one");
        jdbc.update(
                "UPDATE pat SET expires_at = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(60)),
                expired);

        PatListView view = navigate(PatListView.class);

        assertThat(test(view.grid).size()).isZero();
        assertThat(emptyState())
                .contains("No active tokens", "0 active, 2 revoked, 1 expired")
                .doesNotContain("No personal access tokens here");
        test(view.emptyShowAll).click();
        assertThat(names(view)).hasSize(3);
    }

    @Test
    void deleteAllIsDisabledOnAnEmptyTable() {
        PatListView view = navigate(PatListView.class);
        test(view.grid).size();
        assertThat(view.deleteAll.isEnabled()).isFalse();

        token("one");
        view.grid.getDataProvider().refreshAll();
        test(view.grid).size();
        assertThat(view.deleteAll.isEnabled()).isTrue();
    }

    @Test
    void aRevokedRowSaysWhenItWasRevokedNotWhenItWouldExpire() {
        pats.revoke(token("cut off"));
        PatListView view = navigate(PatListView.class);
        test(view.status).selectItem("Revoked");

        var cell = test(view.grid).getCellComponent(0, "expires");
        assertThat(cell.getElement().getText()).startsWith("Revoked").doesNotContain("in 30 days");
        assertThat(test(view.grid).getCellComponent(0, "status").getElement().getText())
                .isEqualTo("Revoked");
    }

    @Test
    void theRowMenuRevokesAccessAfterAYesAndStartsOnNo() {
        long id = token("row menu");
        PatListView view = navigate(PatListView.class);

        var actions = test(view.grid).getCellComponent(0, "actions");
        var menu =
                find(com.vaadin.flow.component.menubar.MenuBar.class, actions).single();
        assertThat(menu.getItems().getFirst().getAriaLabel()).contains("More actions for row menu");
        new com.vaadin.flow.component.menubar.MenuBarTester<>(menu).clickItem(0, 0);

        ConfirmDialog dialog = find(ConfirmDialog.class).single();
        Button no = find(Button.class, dialog).withText("No").single();
        assertThat(no.getElement().getProperty("autofocus", false)
                        || no.getElement().hasAttribute("autofocus"))
                .as("focus starts on the safe choice")
                .isTrue();
        test(dialog).confirm();

        assertThat(pats.get(id).status()).isEqualTo(dev.scopekeeper.pat.PatStatus.REVOKED);
        assertThat(notifications()).contains("Token \"row menu\" revoked");
    }

    @Test
    void theActionsColumnStaysInViewAndLongNamesHaveATooltip() {
        token("a name far too long to fit in its column of the table without being cut off at the end");
        PatListView view = navigate(PatListView.class);
        assertThat(view.grid.getColumnByKey("actions").isFrozenToEnd()).isTrue();
        assertThat(view.grid.getColumnByKey("name").getTooltipGenerator()).isNotNull();
    }
}
