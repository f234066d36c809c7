package dev.scopekeeper.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * attack2: the facts a personal access token's first use preloads ({@link AccessFactsCache#principalPreloading})
 * must not be older than the last change that evicted them.
 *
 * <p>The PAT authenticator loads a token in one read-only transaction: first the token by digest (on MariaDB's
 * REPEATABLE READ this fixes the transaction's snapshot), then its owner with the facts of its scopes' domains,
 * for which {@code principalPreloading} takes the cache's stamp only then. A demotion committed (and evicted)
 * between the two reads is older than the stamp, so the facts read in the old snapshot (the old role) are stored
 * after the eviction and serve every read-only check of that user in that domain (any token, the user's own
 * bearer token) until the next change or the 30 s time-to-live. Seen from outside: while a user's tokens are being
 * reloaded, {@code GET /api/v1/domains/{id}/invitations} (admins only) still answered 200 to a request started
 * 10-50 ms after the demotion to viewer had returned. Here the first read of the transaction stands for the token
 * query.
 */
@ScopekeeperTest
class AccessFactsPreloadSnapshotTest {

    @Autowired
    AccessFactsCache facts;

    @Autowired
    TestUsers users;

    @Autowired
    TestDomains domains;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aDemotionCommittedWhileATokenIsLoadingIsNotUndoneByThePreloadedFacts() {
        UserProfile owner = users.create("preload", PlatformRole.USER);
        long domain = domains.domain("Preload");
        domains.member(domain, owner, DomainRole.ADMIN);

        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> {
            jdbc.queryForObject("select count(*) from pat", Long.class); // the token by digest: fixes the snapshot
            CompletableFuture.runAsync(() -> domains.member(domain, owner, DomainRole.VIEWER))
                    .join(); // the demotion commits and evicts before the owner and facts are read
            facts.principalPreloading(owner.id(), Set.of(domain));
        });

        assertThat(facts.of(owner.id(), domain).memberRole())
                .as("the owner's cached role after the demotion to viewer returned")
                .isEqualTo(DomainRole.VIEWER);
    }
}
