package dev.scopekeeper.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.ResetDatabase;
import dev.scopekeeper.base.ui.NotFoundView;
import dev.scopekeeper.security.SetupService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** First run in the browser: every page leads to /setup until the first administrator exists. */
@ResetDatabase(ResetDatabase.When.BEFORE_EACH_TEST_METHOD)
class SetupViewTest extends BrowserlessTestBase {

    @Autowired
    SetupService setup;

    @Test
    void onAFreshInstallEveryPageLeadsToSetup() {
        navigate("login", SetupView.class);
        assertThat(getCurrentView()).isInstanceOf(SetupView.class);

        navigate("profile", SetupView.class);
        assertThat(getCurrentView()).isInstanceOf(SetupView.class);
    }

    @Test
    void aWeakPasswordIsShownAtTheFieldAndNothingIsCreated() {
        SetupView view = navigate(SetupView.class);
        test(view.username).setValue("alice");
        test(view.email).setValue("alice@example.com");
        test(view.password).setValue("short");
        test(view.confirmPassword).setValue("short");

        test(find(Button.class).withText("Create administrator").single()).click();

        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).isEqualTo("Password must be at least 12 characters");
        assertThat(setup.isSetupComplete()).isFalse();
    }

    @Test
    void mismatchedConfirmationIsShownAtTheConfirmField() {
        SetupView view = navigate(SetupView.class);
        test(view.username).setValue("alice");
        test(view.email).setValue("alice@example.com");
        test(view.password).setValue("a long enough passphrase");
        test(view.confirmPassword).setValue("a different passphrase");

        test(view.create).click();

        assertThat(view.confirmPassword.isInvalid()).isTrue();
        assertThat(view.confirmPassword.getErrorMessage()).isEqualTo("Passwords do not match");
    }

    @Test
    void creatingTheFirstAdministratorSignsInAndClosesSetupForGood() {
        SetupView view = navigate(SetupView.class);
        test(view.username).setValue("alice");
        test(view.email).setValue("alice@example.com");
        test(view.displayName).setValue("Alice Admin");
        test(view.password).setValue("a long enough passphrase");
        test(view.confirmPassword).setValue("a long enough passphrase");

        test(view.create).click();

        assertThat(notifications()).contains("Administrator alice created. You are signed in.");
        assertThat(setup.isSetupComplete()).isTrue();

        navigate("setup", NotFoundView.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }
}
