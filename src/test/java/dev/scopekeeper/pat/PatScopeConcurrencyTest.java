package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13: 20 concurrent additions of one scope to one token all succeed (a scope already present is ignored,
 * as documented) and leave exactly one row; before, 9 of 20 answered 500 with a duplicate key.
 */
@ApiTest
class PatScopeConcurrencyTest extends ApiTestBase {

    private static final int CALLERS = 20;

    @Autowired
    PatService pats;

    @Autowired
    JdbcTemplate jdbc;

    UserProfile owner;
    long domain;
    long client;

    @BeforeEach
    void ownerWithADomainAndAClient() {
        owner = users.create("scoper", PlatformRole.USER);
        domain = domains.domain("Scopes");
        domains.member(domain, owner, DomainRole.EDITOR);
        client = domains.client(domain, "meter");
    }

    @Test
    void twentyConcurrentApiAdditionsOfOneScopeAllAnswer200AndLeaveOneRow() throws Exception {
        String token = api.accessToken(owner);
        long id = createPat();
        Map<String, Object> scope = Map.of(
                "domain_id",
                domain,
                "entity_type",
                "clients",
                "operation",
                "view",
                "entity_id",
                String.valueOf(client));

        List<Response> responses = concurrently(
                () -> api.patch("/api/v1/pats/" + id + "/scope/add", token, Map.of("scopes", List.of(scope))));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("scopes").size()).isEqualTo(1);
        });
        assertThat(scopeRows(id)).isEqualTo(1);
    }

    @Test
    void twentyConcurrentServiceAdditionsOfOneScopeAllSucceedAndLeaveOneRow() throws Exception {
        long id = createPat();
        ScopeRequest scope = new ScopeRequest(domain, "clients", "*", "*");

        List<PatDetails> results = concurrently(() -> {
            users.signIn(owner);
            try {
                return pats.addScopes(id, List.of(scope));
            } finally {
                users.signOut();
            }
        });

        assertThat(results).allSatisfy(details -> assertThat(details.scopes()).hasSize(1));
        assertThat(scopeRows(id)).isEqualTo(1);
    }

    private long createPat() {
        users.signIn(owner);
        try {
            return pats.create(new CreatePatRequest("contended", "", PatDuration.days(7), null, List.of()))
                    .pat()
                    .id();
        } finally {
            users.signOut();
        }
    }

    private int scopeRows(long patId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM pat_scope WHERE pat_id = ?", Integer.class, patId);
    }

    /** Runs the call on 20 threads released at once; every call's result, or the test fails with its error. */
    private static <T> List<T> concurrently(Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
