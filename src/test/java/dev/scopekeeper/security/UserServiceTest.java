package dev.scopekeeper.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

@ScopekeeperTest
class UserServiceTest {

    @Autowired
    UserService userService;

    @Autowired
    TestUsers testUsers;

    @AfterEach
    void signOut() {
        testUsers.signOut();
    }

    @Test
    void nobodyCanReadOrChangeAnAccountWithoutSigningIn() {
        assertThatThrownBy(() -> userService.me()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> userService.updateProfile("x", "x@example.com"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void aUserChangesTheirDisplayNameAndEmail() {
        UserProfile user = testUsers.create("profile", PlatformRole.USER);
        testUsers.signIn(user);

        UserProfile updated = userService.updateProfile("  Pat Example ", "pat@example.org");

        assertThat(updated.displayName()).isEqualTo("Pat Example");
        assertThat(userService.me().email()).isEqualTo("pat@example.org");
    }

    @Test
    void anInvalidEmailIsRefusedAndNothingChanges() {
        UserProfile user = testUsers.create("profile", PlatformRole.USER);
        testUsers.signIn(user);

        assertThatThrownBy(() -> userService.updateProfile("New Name", "nope"))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(userService.me().displayName()).isEqualTo(user.displayName());
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        UserProfile user = testUsers.create("pw", PlatformRole.USER);
        testUsers.signIn(user);

        assertThatThrownBy(
                        () -> userService.changePassword("wrong", "a brand new passphrase", "a brand new passphrase"))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("currentPassword"));
        assertThatThrownBy(() -> userService.changePassword(TestUsers.PASSWORD, "short", "short"))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("newPassword"));
        assertThatThrownBy(() -> userService.changePassword(
                        TestUsers.PASSWORD, "a brand new passphrase", "a different passphrase"))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("confirmPassword"));
        assertThat(testUsers.passwordMatches(user.id(), TestUsers.PASSWORD)).isTrue();

        userService.changePassword(TestUsers.PASSWORD, "a brand new passphrase", "a brand new passphrase");

        assertThat(testUsers.passwordMatches(user.id(), "a brand new passphrase"))
                .isTrue();
    }
}
