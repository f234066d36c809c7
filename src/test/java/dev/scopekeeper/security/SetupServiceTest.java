package dev.scopekeeper.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.ResetDatabase;
import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.security.SetupService.FirstAdmin;
import dev.scopekeeper.security.SetupService.SetupAlreadyCompleted;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * First-run setup on a fresh database: the shared context's schema is reset to an empty install BEFORE each
 * method (earlier test classes have created users in it).
 */
@ScopekeeperTest
@ResetDatabase(ResetDatabase.When.BEFORE_EACH_TEST_METHOD)
class SetupServiceTest {

    private static final String GOOD_PASSWORD = "a long enough passphrase";

    @Autowired
    SetupService setup;

    @Autowired
    UserRepository users;

    @Autowired
    TestUsers testUsers;

    @Test
    void theFirstAdministratorCanBeCreatedExactlyOnce() {
        assertThat(setup.isSetupComplete()).isFalse();

        UserProfile admin = setup.createFirstAdmin(
                new FirstAdmin("alice", "alice@example.com", "Alice Admin", GOOD_PASSWORD, GOOD_PASSWORD));

        assertThat(admin.role()).isEqualTo(PlatformRole.ADMIN);
        assertThat(admin.displayName()).isEqualTo("Alice Admin");
        assertThat(setup.isSetupComplete()).isTrue();
        assertThat(testUsers.passwordMatches(admin.id(), GOOD_PASSWORD)).isTrue();
        assertThatThrownBy(() -> setup.createFirstAdmin(
                        new FirstAdmin("mallory", "m@example.com", "", GOOD_PASSWORD, GOOD_PASSWORD)))
                .isInstanceOf(SetupAlreadyCompleted.class);
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithTheFieldAtFaultAndCreatesNothing() {
        assertInvalid(new FirstAdmin("", "a@example.com", "", GOOD_PASSWORD, GOOD_PASSWORD), "username");
        assertInvalid(new FirstAdmin("a b", "a@example.com", "", GOOD_PASSWORD, GOOD_PASSWORD), "username");
        assertInvalid(new FirstAdmin("alice", "not-an-email", "", GOOD_PASSWORD, GOOD_PASSWORD), "email");
        assertInvalid(new FirstAdmin("alice", "a@example.com", "", "short", "short"), "password");
        assertInvalid(new FirstAdmin("alice", "a@example.com", "", "aaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaa"), "password");
        assertInvalid(
                new FirstAdmin("alice", "a@example.com", "", "alice's passphrase", "alice's passphrase"), "password");
        assertInvalid(
                new FirstAdmin("alice", "a@example.com", "", GOOD_PASSWORD, GOOD_PASSWORD + "!"), "confirmPassword");

        assertThat(users.count()).isZero();
        assertThat(setup.isSetupComplete()).isFalse();
    }

    @Test
    void twoBrowsersRacingThroughSetupCreateOnlyOneAdministrator() throws Exception {
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<UserProfile>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String name = "racer" + i;
            results.add(pool.submit(() -> {
                start.await();
                return setup.createFirstAdmin(
                        new FirstAdmin(name, name + "@example.com", "", GOOD_PASSWORD, GOOD_PASSWORD));
            }));
        }
        start.countDown();
        int succeeded = 0;
        int refused = 0;
        for (Future<UserProfile> result : results) {
            try {
                result.get();
                succeeded++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(SetupAlreadyCompleted.class);
                refused++;
            }
        }
        pool.shutdown();

        assertThat(succeeded).isEqualTo(1);
        assertThat(refused).isEqualTo(racers - 1);
        assertThat(users.count()).isEqualTo(1);
    }

    private void assertInvalid(FirstAdmin request, String field) {
        assertThatThrownBy(() -> setup.createFirstAdmin(request))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
