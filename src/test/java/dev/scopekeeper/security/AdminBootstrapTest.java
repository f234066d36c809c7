package dev.scopekeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ResetDatabase;
import dev.scopekeeper.ScopekeeperTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Headless installs create the first administrator from SCOPEKEEPER_ADMIN_* at start-up. The test contexts are
 * started with {@code scopekeeper.admin.*} set (application-test.properties); the database is reset to an empty
 * install and the start-up runners run again, so earlier test classes cannot have changed the outcome.
 */
@ScopekeeperTest
@ResetDatabase(runStartUp = true)
class AdminBootstrapTest {

    @Autowired
    UserRepository users;

    @Autowired
    SetupService setup;

    @Autowired
    TestUsers testUsers;

    @Test
    void theAdministratorFromTheEnvironmentExistsAndSetupIsClosed() {
        User admin = users.findByUsername("grace").orElseThrow();

        assertThat(admin.getRole()).isEqualTo(PlatformRole.ADMIN);
        assertThat(admin.getEmail()).isEqualTo("grace@example.com");
        assertThat(testUsers.passwordMatches(admin.getId(), "compiler pioneer 1952"))
                .isTrue();
        assertThat(setup.isSetupComplete()).isTrue();
    }
}
