package dev.scopekeeper.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.popover.Popover;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.base.ui.RecordingAuthenticationContext;
import dev.scopekeeper.security.PlatformRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The popover's {@code Sign out} hands over to Spring Security's logout. (The mock servlet session
 * cannot be invalidated mid-request the way Tomcat's can; the browser journey proves the real effect.)
 */
class SignOutTest extends BrowserlessTestBase {

    @Autowired
    RecordingAuthenticationContext authenticationContext;

    @AfterEach
    void performLogoutsAgain() {
        authenticationContext.stopRecording();
    }

    @Test
    void signOutInThePopoverEndsTheSession() {
        signInAsNew("bye", PlatformRole.USER);
        navigate(HomeView.class);
        authenticationContext.recordLogoutsInsteadOfPerformingThem();
        Popover popover = find(Popover.class).single();

        test(find(Button.class, popover).withText("Sign out").single()).click();

        assertThat(authenticationContext.recordedLogouts())
                .as("logout() called exactly once")
                .isEqualTo(1);
    }
}
