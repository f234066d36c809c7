package dev.scopekeeper.base.ui;

import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.verify;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.security.PlatformRole;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The popover's {@code Sign out} hands over to Spring Security's logout. (The mock servlet session
 * cannot be invalidated mid-request the way Tomcat's can; the browser journey proves the real effect.)
 */
class SignOutTest extends BrowserlessTestBase {

    @MockitoSpyBean
    AuthenticationContext authenticationContext;

    @Test
    void signOutInThePopoverEndsTheSession() {
        signInAsNew("bye", PlatformRole.USER);
        navigate(HomeView.class);
        doNothing().when(authenticationContext).logout();
        Popover popover = find(Popover.class).single();

        test(find(Button.class, popover).withText("Sign out").single()).click();

        verify(authenticationContext).logout();
    }
}
