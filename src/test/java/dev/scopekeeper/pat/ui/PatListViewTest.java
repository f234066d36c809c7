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
                .pat().id();
    }

    private List<String> names(PatListView view) {
        var grid = test(view.grid);
        return IntStream.range(0, grid.size()).mapToObj(i -> grid.getRow(i).name()).toList();
    }

    private long total() {
        return pats.list(new PatQuery(Optional.empty(), null, 0, 1, SortBy.NAME, false)).total();
    }

    @Test
    void withoutTokensAnEmptyStateExplainsPatsAndOffersCreatePat() {
        PatListView view = navigate(PatListView.class);

        assertThat(test(view.grid).size()).isZero();
        assertThat(find(Div.class).withClassName("sk-empty-state").single().getElement().getTextRecursively())
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
        jdbc.update("UPDATE pat SET expires_at = ? WHERE id = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(3600)),
                expired);

        PatListView view = navigate(PatListView.class);
        assertThat(view.status.getValue()).isEqualTo(PatListView.Filter.ACTIVE);
        assertThat(test(view.status).getSuggestions()).containsExactly("Active", "Revoked", "Expired", "All");
        assertThat(names(view)).containsExactly("active one");

        test(view.status).selectItem("Revoked");
        assertThat(names(view)).containsExactly("revoked one");
        assertThat(test(view.grid).getCellComponent(0, "status").getElement().getText()).isEqualTo("Revoked");

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
        assertThat(List.of(grid.getHeaderCell(0), grid.getHeaderCell(1), grid.getHeaderCell(2), grid.getHeaderCell(3),
                grid.getHeaderCell(4))).containsExactly("Name", "Description", "Status", "Expires", "Last used");
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
        assertThat(((PatDetailView) UI.getCurrent().getCurrentView()).name.getValue()).isEqualTo("opened");

        view = navigate(PatListView.class);
        rowButton(view, 0, "View").click();
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(PatDetailView.class);
        assertThat(((PatDetailView) UI.getCurrent().getCurrentView()).title.getText()).isEqualTo("opened");
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
    void deleteAllWithNothingToDeleteSaysSo() {
        PatListView view = navigate(PatListView.class);
        test(view.deleteAll).click();
        assertThat(find(ConfirmDialog.class).exists()).isFalse();
        assertThat(notifications()).contains("You have no tokens to delete");
    }

    private com.vaadin.flow.component.button.ButtonTester<Button> rowButton(PatListView view, int row, String text) {
        Div actions = (Div) test(view.grid).getCellComponent(row, "actions");
        Button button = actions.getChildren().map(Button.class::cast).filter(b -> text.equals(b.getText()))
                .findFirst().orElseThrow();
        return test(button);
    }

}
