package dev.scopekeeper.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.ResetDatabase;
import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.security.UserAdministrationService.NewUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** An empty database for this class: the last-administrator rule depends on every administrator there is. */
@ScopekeeperTest
@ResetDatabase
class UserAdministrationServiceTest {

    @Autowired
    UserAdministrationService administration;

    @Autowired
    UserRepository users;

    @Autowired
    TestUsers testUsers;

    @AfterEach
    void signOut() {
        testUsers.signOut();
    }

    @Test
    void onlyAdministratorsAdministerUsers() {
        UserProfile user = testUsers.create("plain", PlatformRole.USER);

        assertThatThrownBy(() -> administration.disable(user.id()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        testUsers.signIn(user);
        assertThatThrownBy(() -> administration.create(
                        new NewUser("someone", "s@example.com", "a long enough passphrase", PlatformRole.USER)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.disable(user.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.enable(user.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabledEvenFromAStaleSession() {
        UserProfile first = testUsers.create("first-admin", PlatformRole.ADMIN);
        UserProfile second = testUsers.create("second-admin", PlatformRole.ADMIN);
        users.findAll().stream()
                .filter(admin -> admin.getId() != first.id() && admin.getId() != second.id())
                .forEach(admin -> testUsers.setEnabled(admin.getId(), false));
        testUsers.signIn(first);
        // Meanwhile the second administrator disabled the first, whose session still says ADMIN.
        testUsers.setEnabled(first.id(), false);

        assertThatThrownBy(() -> administration.disable(second.id()))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.getMessage())
                        .isEqualTo("This is the last enabled administrator; enable or create another "
                                + "administrator first"));
        assertThat(users.findById(second.id()).orElseThrow().isEnabled()).isTrue();

        testUsers.setEnabled(first.id(), true);
        assertThat(administration.disable(second.id()).enabled()).isFalse();
    }
}
