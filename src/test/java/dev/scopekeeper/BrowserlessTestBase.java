package dev.scopekeeper;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Browserless view tests on the real services and database, signed in as a freshly created user. */
@ScopekeeperTest
public abstract class BrowserlessTestBase extends SpringBrowserlessTest {

    @Autowired
    protected TestUsers testUsers;

    protected UserProfile signInAsNew(String prefix, PlatformRole role) {
        UserProfile user = testUsers.create(prefix, role);
        testUsers.signIn(user);
        return user;
    }

    protected List<String> notifications() {
        return find(Notification.class).all().stream()
                .map(n -> test(n).getText())
                .toList();
    }

    @AfterEach
    void signOutAfterTest() {
        testUsers.signOut();
    }
}
