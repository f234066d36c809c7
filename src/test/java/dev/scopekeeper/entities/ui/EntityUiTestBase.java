package dev.scopekeeper.entities.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.TextField;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import org.springframework.beans.factory.annotation.Autowired;

/** A fresh domain per test, its admin signed in; helpers to act on the screens by their labels. */
abstract class EntityUiTestBase extends BrowserlessTestBase {

    @Autowired
    TestDomains testDomains;

    @Autowired
    CurrentDomainService currentDomain;

    UserProfile admin;
    DomainView domain;

    /**
     * A platform admin creates a domain, makes it their current one (they see every domain of the shared test
     * database) and stays signed in.
     */
    void givenADomain() {
        admin = testUsers.create("admin", PlatformRole.ADMIN);
        domain = testDomains.create(admin, "Domain " + TestDomains.uniqueRoute("x"));
        currentDomain.switchDomain(domain.id());
    }

    /** A new user with the role in the domain, signed in. */
    UserProfile signInAsMember(DomainRole role) {
        testUsers.signIn(admin);
        UserProfile member = testUsers.create("member", PlatformRole.USER);
        testDomains.addMember(domain.id(), member, role);
        testUsers.signIn(member);
        return member;
    }

    Button button(String text) {
        return find(Button.class).withText(text).single();
    }

    void click(String buttonText) {
        test(button(buttonText)).click();
    }

    TextField textField(String label) {
        return find(TextField.class).withCaption(label).single();
    }

    void confirm() {
        test(find(ConfirmDialog.class).single()).confirm();
    }
}
