package dev.scopekeeper.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Headless installs: with {@code SCOPEKEEPER_ADMIN_USERNAME}, {@code _PASSWORD} and {@code _EMAIL}
 * set, the first administrator is created at start-up when no user exists yet. Ignored afterwards.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

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
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(properties.username()) || setup.isSetupComplete()) {
            return;
        }
        String email = StringUtils.hasText(properties.email()) ? properties.email()
                : properties.username() + "@localhost.localdomain";
        setup.createFirstAdmin(new SetupService.FirstAdmin(properties.username(), email, properties.username(),
                properties.password(), properties.password()));
        log.info("Created the first administrator '{}' from SCOPEKEEPER_ADMIN_USERNAME", properties.username());
    }
}
