package dev.scopekeeper.security;

import dev.scopekeeper.base.ConfigurationProblem;
import dev.scopekeeper.base.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Headless installs: with {@code SCOPEKEEPER_ADMIN_USERNAME}, {@code _PASSWORD} and {@code _EMAIL}
 * set, the first administrator is created at start-up when no user exists yet. Ignored afterwards.
 *
 * <p>Runs once every bean exists but before the web server opens its port, so {@code /login} never
 * answers before the administrator is there, and invalid settings stop the start with one message
 * ({@link ConfigurationProblem}) instead of after pages were already served.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final SetupService setup;
    private final Properties properties;

    AdminBootstrap(SetupService setup, Properties properties) {
        this.setup = setup;
        this.properties = properties;
    }

    @ConfigurationProperties(prefix = "scopekeeper.admin")
    record Properties(String username, String password, String email) {
        @Override
        public String toString() {
            return "Properties[username=" + username + ", email=" + email + "]";
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!StringUtils.hasText(properties.username()) || setup.isSetupComplete()) {
            return;
        }
        String email = StringUtils.hasText(properties.email())
                ? properties.email()
                : properties.username() + "@localhost.localdomain";
        try {
            setup.createFirstAdmin(new SetupService.FirstAdmin(
                    properties.username(), email, properties.username(), properties.password(), properties.password()));
        } catch (ServiceException.InvalidInput e) {
            throw new ConfigurationProblem(
                    "SCOPEKEEPER_ADMIN_" + variable(e.field()) + " is not accepted: " + e.getMessage(),
                    "Fix SCOPEKEEPER_ADMIN_" + variable(e.field()) + " (the same rules as the /setup "
                            + "form) or unset SCOPEKEEPER_ADMIN_USERNAME to create the first administrator at /setup.");
        }
        log.info("Created the first administrator '{}' from SCOPEKEEPER_ADMIN_USERNAME", properties.username());
    }

    private static String variable(String field) {
        return switch (field == null ? "" : field) {
            case "username", "displayName" -> "USERNAME";
            case "email" -> "EMAIL";
            default -> "PASSWORD";
        };
    }
}
