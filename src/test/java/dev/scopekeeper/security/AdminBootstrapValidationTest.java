package dev.scopekeeper.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.scopekeeper.base.ConfigurationProblem;
import dev.scopekeeper.base.ServiceException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * An unusable SCOPEKEEPER_ADMIN_PASSWORD stops the start with one message naming the variable; it runs
 * as a {@link SmartInitializingSingleton}, i.e. before the web server opens its port.
 */
class AdminBootstrapValidationTest {

    @Test
    void aTooShortAdminPasswordStopsTheStartNamingTheVariable() {
        SetupService setup = mock(SetupService.class);
        when(setup.isSetupComplete()).thenReturn(false);
        when(setup.createFirstAdmin(any()))
                .thenThrow(new ServiceException.InvalidInput("password", "validation.password.short", 12));
        AdminBootstrap bootstrap = new AdminBootstrap(setup, new AdminBootstrap.Properties("ops", "short", null));

        assertThatThrownBy(bootstrap::afterSingletonsInstantiated)
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageStartingWith("SCOPEKEEPER_ADMIN_PASSWORD is not accepted: ")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ConfigurationProblem) e).action())
                        .contains("SCOPEKEEPER_ADMIN_PASSWORD"));
    }
}
