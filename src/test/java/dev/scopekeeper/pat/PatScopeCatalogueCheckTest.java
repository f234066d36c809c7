package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.ConfigurationProblem;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored scopes are checked against the operation catalogue at start-up: the check bean is run directly (no
 * restart), inside a test transaction that is rolled back, so the orphan rows never reach other tests.
 */
@ApiTest
class PatScopeCatalogueCheckTest {

    @Autowired
    PatScopeCatalogueCheck check;

    @Autowired
    PatService pats;

    @Autowired
    TestUsers users;

    @Autowired
    TestDomains domains;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        users.signOut();
    }

    private long tokenIn(long domain) {
        UserProfile owner = users.create("orphans", PlatformRole.USER);
        domains.member(domain, owner, DomainRole.EDITOR);
        users.signIn(owner);
        return pats.create(new CreatePatRequest(
                        "catalogued",
                        "",
                        PatDuration.days(30),
                        null,
                        List.of(
                                new ScopeRequest(domain, "clients", "view", null),
                                new ScopeRequest(domain, "groups", "*", null))))
                .pat()
                .id();
    }

    @Test
    void scopesOfTheCatalogueAndStarPassTheCheck() {
        tokenIn(domains.domain("Catalogued"));

        assertThatCode(check::check).doesNotThrowAnyException();
    }

    @Test
    @Transactional
    void aStoredOperationTheCatalogueDoesNotHaveStopsTheStartNamingIt() {
        long domain = domains.domain("Orphaned");
        long pat = tokenIn(domain);
        String insert =
                "INSERT INTO pat_scope (pat_id, domain_id, entity_type, operation, entity) VALUES (?, ?, ?, ?, ?)";
        jdbc.update(insert, pat, domain, "clients", "frobnicate", "*");
        jdbc.update(insert, pat, domain, "clients", "frobnicate", "7");
        jdbc.update(insert, pat, domain, "gadgets", "view", "*");

        assertThatThrownBy(check::check)
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("not in the operation catalogue")
                .hasMessageContaining("clients:frobnicate (2 scopes)")
                .hasMessageContaining("gadgets:view (1 scope)")
                .hasMessageNotContaining("clients:view")
                .satisfies(e -> assertThat(((ConfigurationProblem) e).action()).contains("Liquibase changeset"));
    }
}
