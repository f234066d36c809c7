package dev.scopekeeper.domains.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.textfield.TextField;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A domain admin's "Add member" invites someone who is not a member yet; they are not a member until they accept. */
class DomainMemberInvitationViewTest extends BrowserlessTestBase {

    @Autowired
    TestDomains testDomains;

    @Test
    void aDomainAdminsAddMemberSendsAnInvitation() {
        UserProfile root = testUsers.create("padmin", PlatformRole.ADMIN);
        DomainView domain = testDomains.create(root, "Consent " + System.nanoTime());
        UserProfile dana = testUsers.create("dana", PlatformRole.USER);
        testDomains.addMember(domain.id(), dana, DomainRole.ADMIN);
        UserProfile newcomer = testUsers.create("newcomer", PlatformRole.USER);
        testUsers.signIn(dana);
        DomainDetailView view = navigate("domains/" + domain.id(), DomainDetailView.class);
        test(view.tabs).select("Members");
        TextField username = find(TextField.class).withCaption("Username").single();
        assertThat(username.getHelperText())
                .isEqualTo("Someone who is not a member yet gets an invitation to accept"
                        + " (platform administrators add them directly)");

        test(username).setValue(newcomer.username());
        test(view.memberRole).selectItem("Editor");
        test(view.addMember).click();

        assertThat(notifications())
                .contains("Invitation sent to " + newcomer.username() + "; they become a member when they accept it");
        assertThat(test(view.memberGrid).size()).as("root and dana only").isEqualTo(2);
    }
}
