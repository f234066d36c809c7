package dev.scopekeeper.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.security.Credentials;
import dev.scopekeeper.security.SessionSignIn;
import dev.scopekeeper.security.SetupService;
import dev.scopekeeper.security.SetupService.FirstAdmin;
import dev.scopekeeper.security.SetupService.SetupAlreadyCompleted;

/** First run only: create the first administrator, then sign in as them. Gone (404) afterwards. */
@Route(value = "setup", autoLayout = false)
@AnonymousAllowed
class SetupView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final SetupService setup;
    private final SessionSignIn signIn;
    final TextField username = new TextField();
    final EmailField email = new EmailField();
    final TextField displayName = new TextField();
    final PasswordField password = new PasswordField();
    final PasswordField confirmPassword = new PasswordField();
    final Button create = new Button();
    private final FieldErrors errors;

    SetupView(SetupService setup, SessionSignIn signIn) {
        this.setup = setup;
        this.signIn = signIn;
        addClassName("sk-setup-view");
        username.setLabel(getTranslation("setup.username"));
        username.setRequiredIndicatorVisible(true);
        username.setHelperText(getTranslation("setup.username.help"));
        username.setAutofocus(true);
        email.setLabel(getTranslation("setup.email"));
        email.setRequiredIndicatorVisible(true);
        displayName.setLabel(getTranslation("setup.displayName"));
        password.setLabel(getTranslation("setup.password"));
        password.setRequiredIndicatorVisible(true);
        password.setHelperText(getTranslation("setup.password.help", Credentials.PASSWORD_MIN));
        confirmPassword.setLabel(getTranslation("setup.confirmPassword"));
        confirmPassword.setRequiredIndicatorVisible(true);
        create.setText(getTranslation("setup.create"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(e -> submit());
        errors = new FieldErrors(this::getTranslation)
                .bind("username", username)
                .bind("email", email)
                .bind("displayName", displayName)
                .bind("password", password)
                .bind("confirmPassword", confirmPassword);

        FormLayout form = new FormLayout(username, email, displayName, password, confirmPassword);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new H1(getTranslation("setup.title")), new Paragraph(getTranslation("setup.intro")), form, create);
    }

    private void submit() {
        errors.clear();
        try {
            var admin = setup.createFirstAdmin(new FirstAdmin(
                    username.getValue(),
                    email.getValue(),
                    displayName.getValue(),
                    password.getValue(),
                    confirmPassword.getValue()));
            signIn.signIn(admin.username());
            Feedback.show(getTranslation("setup.done", admin.username()), null);
            getUI().ifPresent(ui -> ui.navigate(""));
        } catch (SetupAlreadyCompleted e) {
            Feedback.show(getTranslation(e.messageKey()), null);
            getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        } catch (ServiceException.InvalidInput e) {
            errors.show(e);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (setup.isSetupComplete()) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("setup.pageTitle");
    }
}
