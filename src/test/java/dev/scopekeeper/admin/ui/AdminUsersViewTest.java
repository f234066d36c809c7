package dev.scopekeeper.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import org.junit.jupiter.api.Test;

class AdminUsersViewTest extends BrowserlessTestBase {

    private Button dialogButton(String text) {
        return find(Button.class).withText(text).single();
    }

    @Test
    void anAdministratorFindsAUserAndDisablesThemAfterConfirming() {
        signInAsNew("uadmin", PlatformRole.ADMIN);
        UserProfile victim = testUsers.create("victim", PlatformRole.USER);
        AdminUsersView view = navigate(AdminUsersView.class);

        test(view.search).setValue(victim.username());
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, test(view.grid).getColumnPosition("status")))
                .isEqualTo("Enabled");
        assertThat(test(view.grid).getCellText(0, test(view.grid).getColumnPosition("tokens")))
                .isEqualTo("0");
        assertThat(view.toggleEnabled.isEnabled()).isFalse();

        test(view.grid).select(0);
        assertThat(view.toggleEnabled.getText()).isEqualTo("Disable");
        test(view.toggleEnabled).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getText()).contains(victim.username(), "every token of theirs stops working");
        test(confirm).confirm();

        assertThat(notifications()).contains("User " + victim.username() + " disabled");
        assertThat(test(view.grid).getCellText(0, test(view.grid).getColumnPosition("status")))
                .isEqualTo("Disabled");
    }

    @Test
    void aRefusedChangeIsExplainedAndNothingChanges() {
        UserProfile admin = signInAsNew("self", PlatformRole.ADMIN);
        AdminUsersView view = navigate(AdminUsersView.class);
        test(view.search).setValue(admin.username());
        test(view.grid).select(0);

        test(view.toggleEnabled).click();
        test(find(ConfirmDialog.class).single()).confirm();

        assertThat(notifications()).contains("You cannot disable your own account");
        assertThat(test(view.grid).getCellText(0, test(view.grid).getColumnPosition("status")))
                .isEqualTo("Enabled");
    }

    @Test
    void anAdministratorPromotesAUserAfterConfirming() {
        signInAsNew("promoter", PlatformRole.ADMIN);
        UserProfile user = testUsers.create("rising", PlatformRole.USER);
        AdminUsersView view = navigate(AdminUsersView.class);
        test(view.search).setValue(user.username());
        test(view.grid).select(0);
        assertThat(view.changeRole.getText()).isEqualTo("Make administrator");

        test(view.changeRole).click();
        test(find(ConfirmDialog.class).single()).confirm();

        assertThat(notifications()).contains("Role of " + user.username() + " changed");
        assertThat(test(view.grid).getCellText(0, test(view.grid).getColumnPosition("role")))
                .isEqualTo("Administrator");
    }

    @Test
    void regularUsersCannotOpenTheScreen() {
        signInAsNew("regular", PlatformRole.USER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> navigate(AdminUsersView.class))
                .isInstanceOf(Exception.class);
    }

    @Test
    void anAdministratorCreatesAUserAndResetsTheirPassword() {
        signInAsNew("creator", PlatformRole.ADMIN);
        AdminUsersView view = navigate(AdminUsersView.class);
        String username = "made-" + System.nanoTime() % 1_000_000;

        test(view.create).click();
        Dialog dialog = find(Dialog.class).single();
        test(find(TextField.class).from(dialog).single()).setValue(username);
        test(find(EmailField.class).from(dialog).single()).setValue(username + "@example.com");
        test(find(PasswordField.class).from(dialog).single()).setValue("short");
        test(dialogButton("Create")).click();
        assertThat(find(PasswordField.class).from(dialog).single().getErrorMessage())
                .isEqualTo("Password must be at least 12 characters");
        test(find(PasswordField.class).from(dialog).single()).setValue("a proper passphrase");
        test(dialogButton("Create")).click();
        assertThat(notifications()).contains("User " + username + " created");

        test(view.search).setValue(username);
        test(view.grid).select(0);
        test(view.resetPassword).click();
        Dialog reset = find(Dialog.class).single();
        test(find(PasswordField.class).from(reset).single()).setValue("another proper passphrase");
        test(dialogButton("Set password")).click();
        assertThat(notifications()).contains("Password of " + username + " reset");
    }
}
