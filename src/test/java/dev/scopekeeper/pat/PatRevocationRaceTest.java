package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Issue 12's lost revocation: a revoke racing another change that evicts the same owner's tokens (here an
 * endless stream of owner evictions, as an administrator enabling the owner sends) and authentications that
 * load the token. A load that read the row before the revoke committed must never be stored after the
 * eviction: once {@code revoke} has returned, no authentication with the token succeeds, in any trial.
 */
@ScopekeeperTest
class PatRevocationRaceTest {

    private static final int TRIALS = 200;

    @Autowired
    PatService pats;

    @Autowired
    PatAuthenticator authenticator;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TestUsers users;

    @Test
    void noAuthenticationSucceedsAfterRevokeReturnsWhateverRacesIt() throws Exception {
        UserProfile owner = users.create("raced", PlatformRole.USER);
        int successesAfterRevoke = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            users.signIn(owner);
            IssuedPat issued =
                    pats.create(new CreatePatRequest("race " + trial, "", PatDuration.days(7), null, List.of()));
            String secret = issued.secret();
            long id = issued.pat().id();
            assertThat(authenticates(secret)).isTrue();

            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean revoked = new AtomicBoolean();
            int[] lateSuccesses = new int[1];
            CountDownLatch running = new CountDownLatch(3);
            Thread evictor = new Thread(() -> {
                running.countDown();
                while (!stop.get()) {
                    events.publishEvent(new PatEvents.OwnerChanged(owner.id()));
                }
            });
            Thread[] loaders = new Thread[2];
            for (int i = 0; i < loaders.length; i++) {
                loaders[i] = new Thread(() -> {
                    running.countDown();
                    while (!stop.get()) {
                        boolean before = revoked.get();
                        if (authenticates(secret) && before) {
                            synchronized (lateSuccesses) {
                                lateSuccesses[0]++;
                            }
                        }
                    }
                });
            }
            evictor.start();
            for (Thread loader : loaders) {
                loader.start();
            }
            running.await();
            pats.revoke(id);
            revoked.set(true);
            if (authenticates(secret)) {
                successesAfterRevoke++;
            }
            Thread.sleep(3);
            stop.set(true);
            evictor.join();
            for (Thread loader : loaders) {
                loader.join();
            }
            if (authenticates(secret)) {
                successesAfterRevoke++;
            }
            successesAfterRevoke += lateSuccesses[0];
        }
        users.signOut();
        assertThat(successesAfterRevoke).isZero();
    }

    private boolean authenticates(String secret) {
        try {
            authenticator.authenticate(new BearerTokenAuthenticationToken(secret));
            return true;
        } catch (AuthenticationException refused) {
            return false;
        }
    }
}
