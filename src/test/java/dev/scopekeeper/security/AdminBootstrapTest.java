package dev.scopekeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ScopekeeperTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Headless installs create the first administrator from SCOPEKEEPER_ADMIN_* at start-up. */
@ScopekeeperTest
@TestPropertySource(properties = {
        "scopekeeper.admin.username=ops-admin",
        "scopekeeper.admin.password=bootstrap passphrase 42",
        "scopekeeper.admin.email=ops@example.com",
})
class AdminBootstrapTest {

    @Autowired
    UserRepository users;
    @Autowired
    SetupService setup;
    @Autowired
    TestUsers testUsers;

    @Test
    void theAdministratorFromTheEnvironmentExistsAndSetupIsClosed() {
        User admin = users.findByUsername("ops-admin").orElseThrow();

        assertThat(admin.getRole()).isEqualTo(PlatformRole.ADMIN);
        assertThat(admin.getEmail()).isEqualTo("ops@example.com");
        assertThat(testUsers.passwordMatches(admin.getId(), "bootstrap passphrase 42")).isTrue();
        assertThat(setup.isSetupComplete()).isTrue();
    }
}
