package dev.scopekeeper.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.security.PlatformRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginViewTest extends BrowserlessTestBase {

    @BeforeEach
    void anAdministratorExists() {
        testUsers.create("admin", PlatformRole.ADMIN);
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() {
        navigate("profile", LoginView.class);

        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        LoginForm form = find(LoginForm.class).single();
        assertThat(form.isError()).isFalse();
        assertThat(form.getAction()).isEqualTo("login");
    }

    @Test
    void aFailedSignInShowsAGenericErrorThatDoesNotSayWhetherTheUserExists() {
        navigate(LoginView.class);
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        LoginForm form = find(LoginForm.class).single();

        assertThat(form.isError()).isTrue();
        assertThat(String.valueOf(form.getElement().getPropertyRaw("i18n")))
                .contains("Incorrect username or password")
                .doesNotContain("not found", "unknown user");
    }
}
