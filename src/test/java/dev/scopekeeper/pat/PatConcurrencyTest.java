package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.base.api.ApiClient;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

/** Parallel regenerate and revoke on one token leave exactly one working secret, or none. */
@ApiTest
class PatConcurrencyTest {

    @Autowired
    PatService pats;

    @Autowired
    TestUsers users;

    @Autowired
    ApiClient api;

    @RepeatedTest(3)
    void racingRegeneratesAndRevokesLeaveAtMostOneValidSecret() throws Exception {
        UserProfile owner = users.create("racer", PlatformRole.USER);
        users.signIn(owner);
        IssuedPat original = pats.create(new CreatePatRequest("contended", "", PatDuration.days(7), null, List.of()));
        users.signOut();
        long id = original.pat().id();

        List<String> secrets = Collections.synchronizedList(new ArrayList<>(List.of(original.secret())));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            boolean revoke = i % 3 == 0;
            pool.submit(() -> {
                users.signIn(owner);
                try {
                    start.await();
                    if (revoke) {
                        pats.revoke(id);
                    } else {
                        secrets.add(pats.regenerate(id, PatDuration.days(7)).secret());
                    }
                } catch (OptimisticLockingFailureException lostTheRace) {
                    // the other writer won; this one changed nothing
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    users.signOut();
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        // a valid PAT is recognised (then refused with 403 for managing tokens); any other gets 401
        long working = secrets.stream()
                .filter(secret -> api.get("/api/v1/pats", secret).status() == 403)
                .count();
        users.signIn(owner);
        PatStatus status = pats.get(id).status();
        users.signOut();
        assertThat(working).isLessThanOrEqualTo(1);
        assertThat(working).isEqualTo(status == PatStatus.ACTIVE ? 1 : 0);
    }
}
