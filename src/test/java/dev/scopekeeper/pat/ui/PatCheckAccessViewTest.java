package dev.scopekeeper.pat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.ScopeRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The detail page's Effective column, its "nothing effective" banner and the Check access panel. */
class PatCheckAccessViewTest extends BrowserlessTestBase {

    @Autowired
    PatService pats;

    @Autowired
    TestDomains domains;

    UserProfile me;
    long kitchen;
    long fridge;

    @BeforeEach
    void anEditorOfKitchenWithAFridge() {
        me = testUsers.create("checker", PlatformRole.USER);
        kitchen = domains.domain("Kitchen");
        domains.member(kitchen, me, DomainRole.EDITOR);
        fridge = domains.client(kitchen, "fridge");
        testUsers.signIn(me);
    }

    private long token(ScopeRequest... scopes) {
        return pats.create(
                        new CreatePatRequest("t" + System.nanoTime(), "", PatDuration.days(30), null, List.of(scopes)))
                .pat()
                .id();
    }

    private PatDetailView open(long id) {
        return navigate("pats/" + id, PatDetailView.class);
    }

    private String effectiveCell(PatDetailView view, int row) {
        return ((Span) test(view.scopeGrid).getCellComponent(row, "effective")).getText();
    }

    @Test
    void aScopeBeyondTheOwnersRoleSaysSoByNameAndTheBannerSaysTheTokenCanDoNothing() {
        long id = token(new ScopeRequest(kitchen, "clients", "update_tags", String.valueOf(fridge)));
        PatDetailView view = open(id);
        assertThat(effectiveCell(view, 0)).isEqualTo("Effective");
        assertThat(view.noneEffective.isVisible()).isFalse();

        testUsers.signOut();
        domains.member(kitchen, me, DomainRole.VIEWER);
        testUsers.signIn(me);
        view = open(id);

        String domainName = pats.get(id).scopes().getFirst().domainName();
        assertThat(effectiveCell(view, 0)).isEqualTo("Not effective: the owner is a viewer in " + domainName);
        assertThat(view.noneEffective.isVisible()).isTrue();
        assertThat(view.noneEffective.getText()).startsWith("No scope of this token is effective");
    }

    @Test
    void aDeniedRequestLineIsExplainedAndAddThisScopeMakesItAllowed() {
        long id = token(new ScopeRequest(kitchen, "clients", "view", String.valueOf(fridge)));
        PatDetailView view = open(id);
        CheckAccessPanel panel = view.checkAccess;

        test(panel.requestLine).setValue("PATCH /api/v1/domains/" + kitchen + "/clients/" + fridge + "/tags");
        test(panel.checkLine).click();

        assertThat(panel.result.isVisible()).isTrue();
        assertThat(panel.verdict.getText()).isEqualTo("Denied");
        assertThat(panel.detail.getText()).startsWith("Denied: no scope of the token allows clients:update_tags");
        assertThat(panel.closest.getText()).contains("view");
        assertThat(panel.addSuggested.isVisible()).isTrue();

        test(panel.addSuggested).click();

        assertThat(pats.get(id).scopes())
                .anySatisfy(s -> assertThat(s.operation() + "/" + s.entity()).isEqualTo("update_tags/" + fridge));
        assertThat(panel.verdict.getText()).isEqualTo("Allowed");
        assertThat(panel.addSuggested.isVisible()).isFalse();
        assertThat(test(view.scopeGrid).size()).isEqualTo(2);
    }

    @Test
    void thePickerAsksForOneOperationAndASecondPickReplacesTheFirst() {
        PatDetailView view = open(token(new ScopeRequest(kitchen, "clients", "view", String.valueOf(fridge))));
        CheckAccessPanel panel = view.checkAccess;
        assertThat(panel.pickers.scopeRows).hasSize(1);
        ScopesEditor.Row row = panel.pickers.scopeRows.getFirst();
        assertThat(row.remove.isVisible()).as("no row to remove in a question").isFalse();
        assertThat(row.allOperations.isVisible()).isFalse();
        assertThat(panel.pickers.addRow.isVisible()).isFalse();
        assertThat(row.operations.getHelperText()).isEqualTo("The one operation the request would perform");

        test(row.operations).selectItem("view");
        test(row.operations).selectItem("update_tags");

        assertThat(row.operations.getValue()).containsExactly(Operation.CLIENTS_UPDATE_TAGS);
        test(panel.checkChoice).click();
        assertThat(panel.verdict.getText()).isEqualTo("Denied");
        assertThat(panel.detail.getText()).startsWith("Denied: no scope of the token allows clients:update_tags");
    }

    @Test
    void anUnknownPathIsMarkedAtTheRequestLine() {
        PatDetailView view = open(token(new ScopeRequest(kitchen, "clients", "view", "*")));

        test(view.checkAccess.requestLine).setValue("GET /api/v1/toasters");
        test(view.checkAccess.checkLine).click();

        assertThat(view.checkAccess.requestLine.isInvalid()).isTrue();
        assertThat(view.checkAccess.requestLine.getErrorMessage()).isEqualTo("No endpoint of the API has this path");
        assertThat(view.checkAccess.result.isVisible()).isFalse();
    }

    @Test
    void aRefusedRequestLineTakesTheEarlierVerdictAway() {
        long id = token(new ScopeRequest(kitchen, "clients", "view", String.valueOf(fridge)));
        CheckAccessPanel panel = open(id).checkAccess;
        test(panel.requestLine).setValue("GET /api/v1/domains/" + kitchen + "/clients/" + fridge);
        test(panel.checkLine).click();
        assertThat(panel.verdict.getText()).isEqualTo("Allowed");
        assertThat(panel.result.isVisible()).isTrue();

        test(panel.requestLine).setValue("GET /api/v1/toasters");
        test(panel.checkLine).click();

        assertThat(panel.requestLine.isInvalid()).isTrue();
        assertThat(panel.result.isVisible())
                .as("the Allowed of the earlier request is not shown beside the refused one")
                .isFalse();

        test(panel.requestLine).setValue("GET /api/v1/domains/" + kitchen + "/clients/" + fridge);
        test(panel.checkLine).click();
        assertThat(panel.result.isVisible()).isTrue();
        test(panel.requestLine).setValue("nonsense");
        test(panel.checkLine).click();
        assertThat(panel.requestLine.getErrorMessage()).startsWith("Give a method and a path");
        assertThat(panel.result.isVisible()).isFalse();
    }

    @Test
    void aPickWithoutAnOperationTakesTheEarlierVerdictAwayAndAsksForTheOperation() {
        CheckAccessPanel panel =
                open(token(new ScopeRequest(kitchen, "clients", "view", String.valueOf(fridge)))).checkAccess;
        ScopesEditor.Row row = panel.pickers.scopeRows.getFirst();
        test(row.operations).selectItem("view");
        test(panel.checkChoice).click();
        assertThat(panel.result.isVisible()).isTrue();

        row.operations.clear();
        test(panel.checkChoice).click();

        assertThat(panel.result.isVisible()).isFalse();
        assertThat(row.operations.isInvalid()).isTrue();
        assertThat(row.operations.getErrorMessage()).isEqualTo("Choose the operation the request would perform");
    }

    @Test
    void askingAboutAnyClientWhenTheScopesNameOneSaysSoWithoutAnEmptyId() {
        long id = token(new ScopeRequest(kitchen, "clients", "view", String.valueOf(fridge)));
        CheckAccessPanel panel = open(id).checkAccess;
        ScopesEditor.Row row = panel.pickers.scopeRows.getFirst();
        test(row.operations).selectItem("view");
        assertThat(row.entity.getValue().isAny()).isTrue();

        test(panel.checkChoice).click();

        String domainName = pats.get(id).scopes().getFirst().domainName();
        assertThat(panel.verdict.getText()).isEqualTo("Denied");
        assertThat(panel.detail.getText())
                .isEqualTo("Denied: the token's clients:view scopes reach only particular clients, not all clients in "
                        + domainName)
                .doesNotContain("#");
    }

    @Test
    void anIdTooLargeForAnIdIsCalledThatNotAnythingButNumbers() {
        CheckAccessPanel panel = open(token(new ScopeRequest(kitchen, "clients", "view", "*"))).checkAccess;

        test(panel.requestLine).setValue("GET /api/v1/domains/" + kitchen + "/clients/12345678901234567890123");
        test(panel.checkLine).click();

        assertThat(panel.requestLine.isInvalid()).isTrue();
        assertThat(panel.requestLine.getErrorMessage())
                .isEqualTo("An id in the path is too large: ids go up to 9223372036854775807");
    }

    @Test
    void aPathWithDotDotIsRefusedForWhatItIs() {
        CheckAccessPanel panel = open(token(new ScopeRequest(kitchen, "clients", "view", "*"))).checkAccess;

        test(panel.requestLine).setValue("GET /api/v1/domains/" + kitchen + "/clients/../" + fridge);
        test(panel.checkLine).click();

        assertThat(panel.requestLine.getErrorMessage())
                .isEqualTo("The path must not contain \u201c..\u201d: the server refuses such a request before any"
                        + " token is checked");
        assertThat(panel.result.isVisible()).isFalse();
    }

    @Test
    void theClosestScopeAndTheOfferedOneNameTheClientAndTheDomain() {
        long oven = domains.client(kitchen, "oven");
        long id = token(new ScopeRequest(kitchen, "clients", "view", String.valueOf(fridge)));
        String domainName = pats.get(id).scopes().getFirst().domainName();
        CheckAccessPanel panel = open(id).checkAccess;

        test(panel.requestLine).setValue("PATCH /api/v1/domains/" + kitchen + "/clients/" + oven + "/tags");
        test(panel.checkLine).click();

        assertThat(panel.closest.getText())
                .isEqualTo("Closest scope of this token: Clients \u00b7 view \u00b7 fridge \u00b7 " + domainName);
        assertThat(panel.addSuggested.getElement().getAttribute("aria-label"))
                .isEqualTo("Add this scope: Clients \u00b7 update_tags \u00b7 oven \u00b7 " + domainName);
    }
}
