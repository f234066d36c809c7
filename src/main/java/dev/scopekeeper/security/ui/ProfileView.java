package dev.scopekeeper.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.base.ui.ProfileSection;
import dev.scopekeeper.security.Credentials;
import dev.scopekeeper.security.UserProfile;
import dev.scopekeeper.security.UserService;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

/** The signed-in user's own account: display name, e-mail and password (current password required). */
@Route("profile")
@PermitAll
class ProfileView extends Main implements HasDynamicTitle {

    private final UserService users;
    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final EmailField email = new EmailField();
    final Button save = new Button();
    final PasswordField currentPassword = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField confirmPassword = new PasswordField();
    final Button changePassword = new Button();
    private final FieldErrors profileErrors;
    private final FieldErrors passwordErrors;

    ProfileView(UserService users, ObjectProvider<ProfileSection> sections) {
        this.users = users;
        addClassName("sk-page");
        UserProfile me = users.me();

        username.setLabel(getTranslation("profile.username"));
        username.setValue(me.username());
        username.setReadOnly(true);
        displayName.setLabel(getTranslation("profile.displayName"));
        displayName.setValue(me.displayName());
        displayName.setMaxLength(100);
        email.setLabel(getTranslation("profile.email"));
        email.setValue(me.email());
        email.setRequiredIndicatorVisible(true);
        save.setText(getTranslation("profile.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> saveProfile());
        profileErrors = new FieldErrors(this::getTranslation)
                .bind("displayName", displayName)
                .bind("email", email);

        currentPassword.setLabel(getTranslation("profile.currentPassword"));
        newPassword.setLabel(getTranslation("profile.newPassword"));
        newPassword.setHelperText(getTranslation("setup.password.help", Credentials.PASSWORD_MIN));
        confirmPassword.setLabel(getTranslation("profile.confirmPassword"));
        changePassword.setText(getTranslation("profile.changePassword"));
        changePassword.addClickListener(e -> changePassword());
        passwordErrors = new FieldErrors(this::getTranslation)
                .bind("currentPassword", currentPassword)
                .bind("newPassword", newPassword)
                .bind("confirmPassword", confirmPassword);

        FormLayout details = new FormLayout(username, displayName, email);
        FormLayout password = new FormLayout(currentPassword, newPassword, confirmPassword);
        add(
                new H1(getTranslation("profile.title")),
                new Section(new H2(getTranslation("profile.details")), details, save),
                new Section(new H2(getTranslation("profile.password")), password, changePassword));
        sections.orderedStream().map(ProfileSection::create).forEach(this::add);
    }

    private void saveProfile() {
        profileErrors.clear();
        try {
            UserProfile updated = users.updateProfile(displayName.getValue(), email.getValue());
            displayName.setValue(updated.displayName());
            email.setValue(updated.email());
            Feedback.show(getTranslation("profile.saved"), NotificationVariant.SUCCESS);
        } catch (ServiceException e) {
            profileErrors.show(e);
        }
    }

    private void changePassword() {
        passwordErrors.clear();
        try {
            users.changePassword(currentPassword.getValue(), newPassword.getValue(), confirmPassword.getValue());
            currentPassword.clear();
            newPassword.clear();
            confirmPassword.clear();
            Feedback.show(getTranslation("profile.passwordChanged"), NotificationVariant.SUCCESS);
        } catch (ServiceException e) {
            passwordErrors.show(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("profile.pageTitle");
    }
}
