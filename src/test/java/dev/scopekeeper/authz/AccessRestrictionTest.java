package dev.scopekeeper.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.domains.DomainService;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.ClientService.ClientRequest;
import dev.scopekeeper.entities.ClientView;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The extension point personal access tokens plug into: restrictions apply after the role check, lists filter. */
@ScopekeeperTest
class AccessRestrictionTest {

    @Autowired
    FakeTokenRestriction token;

    @Autowired
    ClientService clients;

    @Autowired
    DomainService domains;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestDomains testDomains;

    @AfterEach
    void reset() {
        token.active = false;
        testUsers.signOut();
    }

    @Test
    void aRestrictionNarrowsOperationsAndListsBeyondTheRole() {
        UserProfile admin = testUsers.create("restricted", PlatformRole.ADMIN);
        DomainView domain = testDomains.create(admin, "Restricted");
        DomainView other = testDomains.create(admin, "Unscoped");
        long allowed = clients.create(domain.id(), new ClientRequest("allowed", null))
                .client()
                .id();
        long hidden = clients.create(domain.id(), new ClientRequest("hidden", null))
                .client()
                .id();

        token.operations = Set.of(Operation.CLIENTS_VIEW, Operation.DOMAINS_LIST_CLIENTS, Operation.DOMAINS_LIST);
        token.clientIds = Set.of(allowed);
        token.domainIds = Set.of(domain.id());
        token.active = true;

        assertThat(clients.view(domain.id(), allowed).name()).isEqualTo("allowed");
        assertThatThrownBy(() -> clients.view(domain.id(), hidden)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> clients.update(domain.id(), allowed, "renamed"))
                .isInstanceOf(Forbidden.class);
        var list = clients.list(domain.id(), ListQuery.firstPage());
        assertThat(list.total()).isOne();
        assertThat(list.items()).extracting(ClientView::id).containsExactly(allowed);
        assertThat(domains.list(ListQuery.firstPage()).items())
                .extracting(DomainView::id)
                .containsExactly(domain.id())
                .doesNotContain(other.id());
        assertThatThrownBy(() ->
                        domains.create(new DomainService.DomainRequest("No", TestDomains.uniqueRoute("no"), null)))
                .isInstanceOf(Forbidden.class);

        token.active = false;
        assertThat(clients.list(domain.id(), ListQuery.firstPage()).total()).isEqualTo(2);
    }
}
