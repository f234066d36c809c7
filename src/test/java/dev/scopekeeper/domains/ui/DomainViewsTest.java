package dev.scopekeeper.domains.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.base.ui.NotFoundView;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.domains.DomainService;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.domains.MemberService;
import dev.scopekeeper.domains.MemberView;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** /domains, /domains/{id} and the current-domain selector in the header. */
class DomainViewsTest extends BrowserlessTestBase {

    @Autowired
    DomainService domains;

    @Autowired
    CurrentDomainService currentDomain;

    @Autowired
    MemberService members;

    @Autowired
    TestDomains testDomains;

    @Test
    void aPlatformAdminCreatesADomainAndARouteErrorIsShownAtTheField() {
        signInAsNew("padmin", PlatformRole.ADMIN);
        navigate(DomainListView.class);

        test(find(Button.class).withText("Create domain").single()).click();
        test(field("Name")).setValue("Team Alpha");
        test(field("Route")).setValue("Not A Route");
        test(find(Button.class).withText("Create").single()).click();
        assertThat(field("Route").getErrorMessage())
                .isEqualTo(
                        "Use 1 to 64 lower-case letters, digits or dashes, starting and ending with a letter or digit");

        String route = TestDomains.uniqueRoute("alpha");
        test(field("Route")).setValue(route);
        test(field("Tags")).setValue("prod, eu");
        test(find(Button.class).withText("Create").single()).click();

        assertThat(notifications()).contains("Domain Team Alpha created");
        DomainView created = domains.list(new ListQuery(0, 100, "Team Alpha", null, null)).items().stream()
                .filter(d -> d.route().equals(route))
                .findFirst()
                .orElseThrow();
        assertThat(created.tags()).containsExactly("prod", "eu");
        assertThat(created.myRole()).isEqualTo(DomainRole.ADMIN);
    }

    @Test
    void aUserSeesOnlyTheirDomainsWithTheirRoleAndCannotCreate() {
        UserProfile admin = testUsers.create("padmin", PlatformRole.ADMIN);
        DomainView domain = testDomains.create(admin, "Shared " + System.nanoTime());
        testDomains.create(admin, "Hidden " + System.nanoTime());
        UserProfile user = testUsers.create("user", PlatformRole.USER);
        testDomains.addMember(domain.id(), user, DomainRole.EDITOR);
        testUsers.signIn(user);

        DomainListView view = navigate(DomainListView.class);

        assertThat(view.create.isVisible()).isFalse();
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).name()).isEqualTo(domain.name());
        assertThat(test(view.grid).getCellText(0, 3)).isEqualTo("Editor");
    }

    @Test
    void theHeaderSelectorSwitchesTheCurrentDomainAndRemembersIt() {
        UserProfile admin = testUsers.create("padmin", PlatformRole.ADMIN);
        DomainView first = testDomains.create(admin, "AAA first " + System.nanoTime());
        DomainView second = testDomains.create(admin, "AAB second " + System.nanoTime());
        UserProfile user = testUsers.create("user", PlatformRole.USER);
        testDomains.addMember(first.id(), user, DomainRole.VIEWER);
        testDomains.addMember(second.id(), user, DomainRole.EDITOR);
        testUsers.signIn(user);
        navigate("clients", com.vaadin.flow.component.Component.class);

        @SuppressWarnings("unchecked")
        ComboBox<DomainView> selector =
                find(ComboBox.class).withAriaLabel("Current domain").single();
        assertThat(selector.getValue().id()).isEqualTo(first.id());

        test(selector).selectItem(second.name());

        assertThat(notifications()).contains("Current domain: " + second.name());
        assertThat(currentDomain.currentDomain().orElseThrow().id()).isEqualTo(second.id());
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ClientListView");
        navigate(DomainListView.class);
        assertThat(((DomainView) find(ComboBox.class)
                                .withAriaLabel("Current domain")
                                .single()
                                .getValue())
                        .id())
                .isEqualTo(second.id());
    }

    @Test
    void aDomainAdminUpdatesAndDisablesTheDomainAfterConfirmation() {
        UserProfile admin = testUsers.create("padmin", PlatformRole.ADMIN);
        DomainView domain = testDomains.create(admin, "Beta " + System.nanoTime());
        DomainDetailView view = navigate("domains/" + domain.id(), DomainDetailView.class);

        test(field("Name")).setValue("Beta renamed");
        test(find(Button.class).withText("Save").single()).click();
        assertThat(notifications()).contains("Domain Beta renamed saved");
        assertThat(view.title.getText()).isEqualTo("Beta renamed");

        test(view.disable).click();
        ConfirmDialog dialog = find(ConfirmDialog.class).single();
        assertThat(test(dialog).getHeader()).isEqualTo("Disable domain \"Beta renamed\"?");
        test(dialog).confirm();
        assertThat(domains.read(domain.id()).status()).isEqualTo(Status.DISABLED);
        assertThat(view.status.getText()).isEqualTo("Disabled");

        test(view.enable).click();
        assertThat(domains.read(domain.id()).status()).isEqualTo(Status.ENABLED);
    }

    @Test
    void aDomainAdminHasAnAccessTokensTab() {
        UserProfile admin = testUsers.create("padmin", PlatformRole.ADMIN);
        DomainView domain = testDomains.create(admin, "Tokens " + System.nanoTime());

        DomainDetailView view = navigate("domains/" + domain.id(), DomainDetailView.class);
        test(view.tabs).select("Access tokens");

        assertThat(find(dev.scopekeeper.pat.ui.DomainAccessTokensPanel.class).exists())
                .isTrue();
    }

    @Test
    void aViewerHasNoAccessTokensTab() {
        UserProfile admin = testUsers.create("padmin", PlatformRole.ADMIN);
        DomainView domain = testDomains.create(admin, "Tokens " + System.nanoTime());
        UserProfile viewer = testUsers.create("watcher", PlatformRole.USER);
        testDomains.addMember(domain.id(), viewer, DomainRole.VIEWER);
        testUsers.signIn(viewer);

        navigate("domains/" + domain.id(), DomainDetailView.class);

        assertThat(find(dev.scopekeeper.pat.ui.DomainAccessTokensPanel.class).exists())
                .isFalse();
        assertThat(find(com.vaadin.flow.component.tabs.Tab.class).all())
                .extracting(t -> t.getLabel())
                .doesNotContain("Access tokens")
                .contains("Settings");
    }

    @Test
    void membersAreAddedGivenAnotherRoleAndRemovedAfterConfirmation() {
        UserProfile admin = testUsers.create("padmin", PlatformRole.ADMIN);
        DomainView domain = testDomains.create(admin, "Gamma " + System.nanoTime());
        UserProfile user = testUsers.create("newbie", PlatformRole.USER);
        testUsers.signIn(admin);
        DomainDetailView view = navigate("domains/" + domain.id(), DomainDetailView.class);
        test(view.tabs).select("Members");

        test(find(TextField.class).withCaption("Username").single()).setValue(user.username());
        test(view.memberRole).selectItem("Editor");
        test(view.addMember).click();

        assertThat(notifications()).contains(user.username() + " is a member now");
        assertThat(test(view.memberGrid).size()).isEqualTo(2);
        int row = rowOf(view, user.id());
        @SuppressWarnings("unchecked")
        Select<DomainRole> role = (Select<DomainRole>) test(view.memberGrid).getCellComponent(row, 3);
        test(role).selectItem("Viewer");
        assertThat(roleOf(domain, user)).isEqualTo(DomainRole.VIEWER);

        Button remove = (Button) test(view.memberGrid).getCellComponent(rowOf(view, user.id()), 4);
        assertThat(remove.getAriaLabel()).contains("Remove " + user.username() + " from the domain");
        test(remove).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertThat(test(view.memberGrid).size()).isEqualTo(1);
    }

    @Test
    void anUnknownUserIdIsShownAtTheField() {
        UserProfile admin = testUsers.create("padmin", PlatformRole.ADMIN);
        DomainView domain = testDomains.create(admin, "Delta " + System.nanoTime());
        DomainDetailView view = navigate("domains/" + domain.id(), DomainDetailView.class);
        test(view.tabs).select("Members");

        TextField username = find(TextField.class).withCaption("Username").single();
        test(username).setValue("nobody-by-that-name");
        test(find(Button.class).withText("Add member").single()).click();

        assertThat(username.getErrorMessage()).isEqualTo("No such user");
    }

    @Test
    void anInvitationIsSentAcceptedByTheInviteeAndAnotherDeleted() {
        UserProfile admin = testUsers.create("padmin", PlatformRole.ADMIN);
        DomainView domain = testDomains.create(admin, "Epsilon " + System.nanoTime());
        UserProfile invitee = testUsers.create("invitee", PlatformRole.USER);
        UserProfile other = testUsers.create("other", PlatformRole.USER);
        testUsers.signIn(admin);
        DomainDetailView view = navigate("domains/" + domain.id(), DomainDetailView.class);
        test(view.tabs).select("Invitations");

        test(field("Username")).setValue(invitee.username());
        test(view.invitationRole).selectItem("Editor");
        test(view.sendInvitation).click();
        assertThat(notifications()).contains("Invitation sent to " + invitee.username());
        test(field("Username")).setValue(other.username());
        test(view.sendInvitation).click();
        assertThat(test(view.invitationGrid).size()).isEqualTo(2);

        test(field("Username")).setValue("nobody-" + System.nanoTime());
        test(view.sendInvitation).click();
        assertThat(field("Username").getErrorMessage()).isEqualTo("No such user");

        int otherRow = test(view.invitationGrid).getRow(0).inviteeUsername().equals(other.username()) ? 0 : 1;
        test((Button) test(view.invitationGrid).getCellComponent(otherRow, 4)).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertThat(test(view.invitationGrid).size()).isEqualTo(1);

        testUsers.signIn(invitee);
        DomainListView list = navigate(DomainListView.class);
        assertThat(list.invitationSection.isVisible()).isTrue();
        assertThat(test(list.invitations).getRow(0).domainName()).isEqualTo(domain.name());
        var answer = test(list.invitations).getCellComponent(0, 3);
        test(find(Button.class, answer).withText("Accept").single()).click();

        assertThat(notifications()).contains("You joined " + domain.name());
        assertThat(list.invitationSection.isVisible()).isFalse();
        assertThat(test(list.grid).getRow(0).name()).isEqualTo(domain.name());
        assertThat(test(list.grid).getCellText(0, 3)).isEqualTo("Editor");
    }

    @Test
    void aViewerSeesTheDomainReadOnlyAndNoInvitations() {
        UserProfile admin = testUsers.create("padmin", PlatformRole.ADMIN);
        DomainView domain = testDomains.create(admin, "Zeta " + System.nanoTime());
        UserProfile viewer = testUsers.create("viewer", PlatformRole.USER);
        testDomains.addMember(domain.id(), viewer, DomainRole.VIEWER);
        testUsers.signIn(viewer);

        DomainDetailView view = navigate("domains/" + domain.id(), DomainDetailView.class);

        assertThat(view.name.isReadOnly()).isTrue();
        assertThat(view.save.isVisible()).isFalse();
        assertThat(view.disable.isVisible()).isFalse();
        test(view.tabs).select("Members");
        assertThat(view.addMember.getParent().orElseThrow().isVisible()).isFalse();
        assertThat(test(view.memberGrid).size()).isEqualTo(2);
    }

    @Test
    void aDomainTheUserDoesNotBelongToIsNotFound() {
        UserProfile admin = testUsers.create("padmin", PlatformRole.ADMIN);
        DomainView domain = testDomains.create(admin, "Eta " + System.nanoTime());
        signInAsNew("outsider", PlatformRole.USER);

        navigate("domains/" + domain.id(), NotFoundView.class);
    }

    private TextField field(String label) {
        return find(TextField.class).withCaption(label).single();
    }

    private int rowOf(DomainDetailView view, long userId) {
        for (int i = 0; i < test(view.memberGrid).size(); i++) {
            if (test(view.memberGrid).getRow(i).userId() == userId) {
                return i;
            }
        }
        throw new AssertionError("no row for " + userId);
    }

    private DomainRole roleOf(DomainView domain, UserProfile user) {
        return members.listMembers(domain.id(), 0, 100).items().stream()
                .filter(m -> m.userId() == user.id())
                .map(MemberView::role)
                .findFirst()
                .orElseThrow();
    }
}
