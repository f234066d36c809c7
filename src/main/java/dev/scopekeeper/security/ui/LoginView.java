package dev.scopekeeper.security.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.scopekeeper.security.SetupService;
import dev.scopekeeper.security.SignInFailureHandler;

/** Sign-in form posting to Spring Security. The error never says whether the username exists. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();
    private final SetupService setup;
    private final AuthenticationContext authenticationContext;

    LoginView(SetupService setup, AuthenticationContext authenticationContext) {
        this.setup = setup;
        this.authenticationContext = authenticationContext;
        addClassName("sk-login-view");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n(false));
        add(login);
    }

    /** The form's texts; {@code databaseUnavailable}: its error says the password could not be checked. */
    private LoginI18n i18n(boolean databaseUnavailable) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation(databaseUnavailable ? "login.unavailable.title" : "login.error.title"));
        error.setMessage(getTranslation(databaseUnavailable ? "login.unavailable.message" : "login.error.message"));
        error.setUsername(getTranslation("login.error.usernameRequired"));
        error.setPassword(getTranslation("login.error.passwordRequired"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!setup.isSetupComplete()) {
            event.forwardTo(SetupView.class);
            return;
        }
        if (authenticationContext.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey(SignInFailureHandler.UNAVAILABLE)) {
            login.setI18n(i18n(true));
            login.setError(true);
        } else {
            login.setError(parameters.containsKey("error"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.pageTitle");
    }
}
