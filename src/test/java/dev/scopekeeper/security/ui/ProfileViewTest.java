package dev.scopekeeper.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import dev.scopekeeper.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProfileViewTest extends BrowserlessTestBase {

    @Autowired
    UserService userService;

    @Test
    void aUserChangesDisplayNameAndEmail() {
        UserProfile user = signInAsNew("prof", PlatformRole.USER);
        ProfileView view = navigate(ProfileView.class);
        assertThat(view.username.getValue()).isEqualTo(user.username());
        assertThat(view.username.isReadOnly()).isTrue();

        test(view.displayName).setValue("Robin Example");
        test(view.email).setValue("robin@example.org");
        test(view.save).click();

        assertThat(notifications()).contains("Profile saved");
        assertThat(userService.me().displayName()).isEqualTo("Robin Example");
        assertThat(userService.me().email()).isEqualTo("robin@example.org");
    }

    @Test
    void anInvalidEmailIsShownAtTheFieldAndNotSaved() {
        UserProfile user = signInAsNew("prof", PlatformRole.USER);
        ProfileView view = navigate(ProfileView.class);

        test(view.email).setValue("robin-at-example");
        test(view.save).click();

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("Enter a valid email address, like name@example.com");
        assertThat(userService.me().email()).isEqualTo(user.email());
    }

    @Test
    void changingThePasswordRequiresTheCurrentPassword() {
        UserProfile user = signInAsNew("prof", PlatformRole.USER);
        ProfileView view = navigate(ProfileView.class);

        test(view.currentPassword).setValue("not my password");
        test(view.newPassword).setValue("a completely new passphrase");
        test(view.confirmPassword).setValue("a completely new passphrase");
        test(view.changePassword).click();

        assertThat(view.currentPassword.getErrorMessage()).isEqualTo("Current password is incorrect");
        assertThat(testUsers.passwordMatches(user.id(), TestUsers.PASSWORD)).isTrue();

        test(view.currentPassword).setValue(TestUsers.PASSWORD);
        test(view.changePassword).click();

        assertThat(notifications()).contains("Password changed");
        assertThat(testUsers.passwordMatches(user.id(), "a completely new passphrase"))
                .isTrue();
        assertThat(view.currentPassword.getValue()).isEmpty();
    }
}
