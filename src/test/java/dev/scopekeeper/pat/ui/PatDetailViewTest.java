package dev.scopekeeper.pat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H1;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.pat.IssuedPat;
import dev.scopekeeper.pat.PatDetails;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatScopeView;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.PatStatus;
import dev.scopekeeper.pat.ScopeRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The detail page, its status row, the regenerate dialog and the scope grid (Magistrala "View a PAT" …). */
class PatDetailViewTest extends BrowserlessTestBase {

    @Autowired
    PatService pats;

    @Autowired
    TestDomains domains;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ClientService clients;

    UserProfile me;
    long domain;
    long client;

    @BeforeEach
    void anEditorWithAClient() {
        me = testUsers.create("detail", PlatformRole.USER);
        domain = domains.domain("Detail");
        domains.member(domain, me, DomainRole.EDITOR);
        client = domains.client(domain, "boiler");
        testUsers.signIn(me);
    }

    private IssuedPat token(String name, ScopeRequest... scopes) {
        return pats.create(new CreatePatRequest(name, "about " + name, PatDuration.days(30), null, List.of(scopes)));
    }

    private PatDetailView open(long id) {
        return navigate("pats/" + id, PatDetailView.class);
    }

    @Autowired
    jakarta.persistence.EntityManagerFactory entityManagerFactory;

    /** Statements prepared while the page opens (Hibernate's statistics, on for that call only). */
    private long statementsToOpen(long id) {
        var statistics =
                entityManagerFactory.unwrap(org.hibernate.SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        try {
            open(id);
            return statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    @Test
    void theScopeGridOfTwentyScopesIsBuiltFromTheLoadedTokenAtTheCostOfOne() {
        List<ScopeRequest> twenty = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(new ScopeRequest(
                    domain, "clients", "view", Long.toString(domains.client(domain, "valve " + (char) ('a' + i)))));
        }
        long many = token("many", twenty.toArray(ScopeRequest[]::new)).pat().id();
        long one = token("one", new ScopeRequest(domain, "clients", "view", Long.toString(client)))
                .pat()
                .id();
        open(one); // the first navigation of a UI warms what every page loads once

        long oneScope = statementsToOpen(one);
        long twentyScopes = statementsToOpen(many);

        PatDetailView view = find(PatDetailView.class).single();
        var grid = test(view.scopeGrid);
        assertThat(grid.size()).isEqualTo(20);
        assertThat(java.util.stream.IntStream.range(0, 20).mapToObj(row -> grid.getCellText(row, 3)))
                .contains("valve a", "valve t")
                .allSatisfy(name -> assertThat(name).startsWith("valve "));
        assertThat(twentyScopes).isEqualTo(oneScope);
    }

    @Test
    void theDetailPageShowsTheFieldsButNeverTheSecret() {
        long id = token("reader", new ScopeRequest(domain, "clients", "view", Long.toString(client)))
                .pat()
                .id();
        PatDetailView view = open(id);

        assertThat(view.title.getText()).isEqualTo("reader");
        assertThat(view.badge.getText()).isEqualTo("Active");
        assertThat(view.owner.getValue()).isEqualTo(me.username());
        assertThat(view.createdBy.getValue()).isEqualTo(me.username());
        assertThat(view.issued.getValue()).endsWith("UTC");
        assertThat(view.expires.getValue()).startsWith("in 30 days");
        assertThat(view.lastUsed.getValue()).isEqualTo("Never used");
        assertThat(view.secretPanel).isNull();
    }

    @Test
    void nameAndDescriptionAreEditedInPlace() {
        long id = token("old name").pat().id();
        token("taken");
        PatDetailView view = open(id);

        test(view.name).setValue("new name");
        assertThat(pats.get(id).name()).isEqualTo("new name");
        assertThat(view.title.getText()).isEqualTo("new name");
        assertThat(notifications()).contains("Name saved");

        test(view.description).setValue("a better description");
        assertThat(pats.get(id).description()).isEqualTo("a better description");
        assertThat(notifications()).contains("Description saved");

        test(view.name).setValue("taken");
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).isEqualTo("You already have a token named \"taken\"");
        assertThat(pats.get(id).name()).isEqualTo("new name");
    }

    @Test
    void revokeAsksForConfirmationAndYesRevokes() {
        long id = token("to revoke").pat().id();
        PatDetailView view = open(id);

        test(view.revoke).click();
        ConfirmDialog dialog = find(ConfirmDialog.class).single();
        assertThat(test(dialog).getHeader()).isEqualTo("Revoke \"to revoke\"?");
        test(dialog).cancel();
        assertThat(pats.get(id).status()).isEqualTo(PatStatus.ACTIVE);

        test(view.revoke).click();
        ConfirmDialog again = find(ConfirmDialog.class).last();
        assertThat(again.getElement().getProperty("confirmText")).isEqualTo("Yes");
        test(again).confirm();

        assertThat(pats.get(id).status()).isEqualTo(PatStatus.REVOKED);
        assertThat(view.badge.getText()).isEqualTo("Revoked");
        assertThat(view.revoke.isEnabled()).isFalse();
        assertThat(notifications()).contains("Token \"to revoke\" revoked");
    }

    @Test
    void regeneratingARevokedTokenAsksForADurationAndShowsTheNewSecret() {
        IssuedPat issued = token("to regenerate", new ScopeRequest(domain, "clients", "*", "*"));
        long id = issued.pat().id();
        pats.revoke(id);
        PatDetailView view = open(id);
        assertThat(view.secretPanel).isNull();

        test(view.regenerate).click();
        Dialog dialog = find(Dialog.class).single();
        DurationField duration = find(DurationField.class).from(dialog).single();
        assertThat(test(duration.duration).getSuggestions()).contains("1 day", "90 days", "Custom date", "Never");
        test(duration.duration).selectItem("90 days");
        test(find(Button.class).from(dialog).withText("Regenerate").single()).click();

        PatDetails regenerated = pats.get(id);
        assertThat(regenerated.status()).isEqualTo(PatStatus.ACTIVE);
        assertThat(Duration.between(Instant.now(), regenerated.expiresAt()).toDays())
                .isBetween(89L, 90L);
        assertThat(regenerated.scopes()).hasSize(1);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(view.secretPanel).isNotNull();
        test(view.secretPanel.reveal).click();
        assertThat(view.secretPanel.token.getValue()).startsWith("pat_").isNotEqualTo(issued.secret());
        assertThat(view.badge.getText()).isEqualTo("Active");
        assertThat(notifications()).contains("Token \"to regenerate\" regenerated: copy its new secret now");
    }

    @Test
    void anExpiredTokenIsRegeneratedFromTheExpiredFilter() {
        long id = token("expired").pat().id();
        jdbc.update(
                "UPDATE pat SET expires_at = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(60)),
                id);
        PatListView list = navigate(PatListView.class);
        test(list.status).selectItem("Expired");
        test(list.grid).clickRow(0);
        PatDetailView view = (PatDetailView) UI.getCurrent().getCurrentView();
        assertThat(view.badge.getText()).isEqualTo("Expired");

        test(view.regenerate).click();
        Dialog dialog = find(Dialog.class).single();
        test(find(Button.class).from(dialog).withText("Regenerate").single()).click();

        assertThat(pats.get(id).status()).isEqualTo(PatStatus.ACTIVE);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(view.secretPanel).isNotNull();
    }

    @Test
    void theEyeButtonShowsAndHidesTheSecretAndNamesWhatItDoes() {
        PatCreateView create = navigate(PatCreateView.class);
        test(create.name).setValue("eye");
        test(create.create).click();
        PatDetailView view = (PatDetailView) UI.getCurrent().getCurrentView();
        SecretPanel panel = view.secretPanel;

        assertThat(panel.reveal.getElement().getAttribute("aria-label")).isEqualTo("Show token");
        assertThat(panel.copy.getElement().getAttribute("aria-label")).isEqualTo("Copy token");
        test(panel.reveal).click();
        assertThat(panel.reveal.getElement().getAttribute("aria-label")).isEqualTo("Hide token");
        assertThat(panel.token.getValue()).startsWith("pat_");
        test(panel.reveal).click();
        assertThat(panel.token.getValue()).contains("••••");
        assertThat(panel.getElement().getTextRecursively()).contains("will not be shown again");

        UI.getCurrent().navigate("pats");
        UI.getCurrent().navigate("pats/" + viewId(view));
        assertThat(find(SecretPanel.class).exists()).isFalse();
    }

    private long viewId(PatDetailView view) {
        return pats.list(PatService.PatQuery.firstPage()).items().stream()
                .filter(p -> p.name().equals(view.name.getValue()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void theScopeGridShowsNamesAndScopesAreAddedThroughTheDialog() {
        long id = token("scopes", new ScopeRequest(domain, "clients", "view", Long.toString(client)))
                .pat()
                .id();
        PatDetailView view = open(id);
        var grid = test(view.scopeGrid);
        assertThat(List.of(grid.getHeaderCell(0), grid.getHeaderCell(1), grid.getHeaderCell(2), grid.getHeaderCell(3)))
                .containsExactly("Domain", "Entity type", "Operation", "Entity");
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 1)).isEqualTo("Clients");
        assertThat(grid.getCellText(0, 2)).isEqualTo("view");
        assertThat(grid.getCellText(0, 3)).isEqualTo("boiler");

        test(view.addScope).click();
        Dialog dialog = find(Dialog.class).single();
        ScopesEditor editor = find(ScopesEditor.class).from(dialog).single();
        ScopesEditor.Row row = editor.scopeRows.getFirst();
        test(row.entityType).selectItem("Channels");
        test(row.allOperations).click();
        test(find(Button.class).from(dialog).withText("Add").single()).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(grid.size()).isEqualTo(2);
        assertThat(pats.get(id).scopes())
                .extracting(s -> s.entityType() + ":" + s.operation() + ":" + s.entity())
                .containsExactlyInAnyOrder("clients:view:" + client, "channels:*:*");
        assertThat(notifications()).contains("Scopes added");
    }

    @Test
    void aScopeRefusedWhileTheDialogWasOpenIsShownAtItsRowByName() {
        long id = token("late scope").pat().id();
        PatDetailView view = open(id);
        test(view.addScope).click();
        Dialog dialog = find(Dialog.class).single();
        ScopesEditor.Row row =
                find(ScopesEditor.class).from(dialog).single().scopeRows.getFirst();
        String domainName = row.domain.getValue().name();
        test(row.operations).selectItem("view");
        test(row.entity).selectItem("boiler");
        domains.as(domains.adminOf(domain), () -> {
            clients.delete(domain, client);
            return null;
        });

        test(find(Button.class).from(dialog).withText("Add").single()).click();

        assertThat(row.entity.isInvalid()).isTrue();
        assertThat(row.entity.getErrorMessage())
                .isEqualTo("\"boiler\" no longer exists in \"" + domainName + "\": choose another, or Any");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(pats.get(id).scopes()).isEmpty();
    }

    @Test
    void anIncompleteScopeInTheDialogIsMarkedAndNotAdded() {
        long id = token("dialog errors").pat().id();
        PatDetailView view = open(id);
        test(view.addScope).click();
        Dialog dialog = find(Dialog.class).single();
        test(find(Button.class).from(dialog).withText("Add").single()).click();

        ScopesEditor.Row row =
                find(ScopesEditor.class).from(dialog).single().scopeRows.getFirst();
        assertThat(row.operations.isInvalid()).isTrue();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(pats.get(id).scopes()).isEmpty();
    }

    @Test
    void aTrashButtonDeletesOneScopeAndDeleteAllAsksFirst() {
        long id = token(
                        "trash",
                        new ScopeRequest(domain, "clients", "view", "*"),
                        new ScopeRequest(domain, "clients", "update", "*"),
                        new ScopeRequest(domain, "groups", "*", "*"))
                .pat()
                .id();
        PatDetailView view = open(id);
        var grid = test(view.scopeGrid);
        assertThat(grid.size()).isEqualTo(3);

        Button trash = (Button) grid.getCellComponent(0, "actions");
        PatScopeView first = grid.getRow(0);
        assertThat(trash.getElement().getAttribute("aria-label"))
                .startsWith("Delete scope Clients · " + first.operation() + " · Any");
        test(trash).click();
        assertThat(pats.get(id).scopes()).hasSize(2).doesNotContain(first);
        assertThat(grid.size()).isEqualTo(2);
        assertThat(find(com.vaadin.flow.component.notification.Notification.class)
                        .all()
                        .getLast()
                        .getElement()
                        .getTextRecursively())
                .contains("Scope deleted: Clients · " + first.operation() + " · Any");

        test(view.deleteAllScopes).click();
        ConfirmDialog dialog = find(ConfirmDialog.class).single();
        assertThat(test(dialog).getText()).contains("All 2 scopes are removed");
        test(dialog).confirm();

        assertThat(pats.get(id).scopes()).isEmpty();
        assertThat(grid.size()).isZero();
    }

    @Test
    void someoneElsesTokenLooksExactlyLikeAMissingOne() {
        long theirs = token("not yours").pat().id();
        signInAsNew("other", PlatformRole.ADMIN);

        UI.getCurrent().navigate("pats/" + theirs);
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(PatDetailView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo("Not found");
        String theirPage = UI.getCurrent().getElement().getTextRecursively();

        UI.getCurrent().navigate("pats/999999999");
        assertThat(find(H1.class).single().getText()).isEqualTo("Not found");
        assertThat(UI.getCurrent().getElement().getTextRecursively()).isEqualTo(theirPage);
        assertThat(theirPage).doesNotContain("not yours");
    }

    // --- issue 11 ---

    @Test
    void theDetailPageShowsTheHintAndWhenTheTokenWasRevoked() {
        IssuedPat issued = token("hinted");
        PatDetailView view = open(issued.pat().id());
        String secret = issued.secret();
        assertThat(view.hint.getValue())
                .isEqualTo(issued.pat().secretHint())
                .startsWith(secret.substring(0, 8))
                .endsWith(secret.substring(secret.length() - 4));
        assertThat(view.revokedAt.isVisible()).isFalse();

        pats.revoke(issued.pat().id());
        view = open(issued.pat().id());
        assertThat(view.revokedAt.isVisible()).isTrue();
        assertThat(view.revokedAt.getValue()).endsWith("UTC");
        assertThat(view.description).isInstanceOf(com.vaadin.flow.component.textfield.TextArea.class);
    }

    @Test
    void aDeletedScopeCanBePutBackFromTheNotice() {
        long id = token(
                        "undo",
                        new ScopeRequest(domain, "clients", "view", Long.toString(client)),
                        new ScopeRequest(domain, "channels", "*", "*"))
                .pat()
                .id();
        PatDetailView view = open(id);
        var grid = test(view.scopeGrid);
        List<Button> trash = java.util.stream.IntStream.range(0, grid.size())
                .mapToObj(i -> (Button) grid.getCellComponent(i, "actions"))
                .toList();
        assertThat(trash).hasSize(2);
        assertThat(trash.getFirst().getAriaLabel().orElseThrow())
                .as("says which scope it deletes")
                .contains("Detail");

        test(trash.getFirst()).click();
        assertThat(pats.get(id).scopes()).hasSize(1);
        var notice = find(com.vaadin.flow.component.notification.Notification.class)
                .all()
                .getLast();
        Button undo = find(Button.class, notice).withText("Undo").single();
        test(undo).click();

        assertThat(pats.get(id).scopes()).hasSize(2);
    }

    @Test
    void revokeAsksWithFocusOnNo() {
        long id = token("careful").pat().id();
        PatDetailView view = open(id);
        test(view.revoke).click();
        ConfirmDialog dialog = find(ConfirmDialog.class).single();
        Button no = find(Button.class, dialog).withText("No").single();
        assertThat(no.getElement().getProperty("autofocus", false)
                        || no.getElement().hasAttribute("autofocus"))
                .isTrue();
        test(no).click();
        assertThat(pats.get(id).status()).isEqualTo(PatStatus.ACTIVE);
    }
}
