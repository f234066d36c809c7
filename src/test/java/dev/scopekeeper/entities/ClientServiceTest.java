package dev.scopekeeper.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.entities.ChannelService.ChannelRequest;
import dev.scopekeeper.entities.ClientService.ClientRequest;
import dev.scopekeeper.entities.GroupService.GroupRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ScopekeeperTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientServiceTest {

    @Autowired
    ClientService clients;

    @Autowired
    ChannelService channels;

    @Autowired
    GroupService groups;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestDomains testDomains;

    @Autowired
    JdbcTemplate jdbc;

    UserProfile admin;
    long domain;

    @BeforeAll
    void users() {
        admin = testUsers.create("clients-admin", PlatformRole.ADMIN);
    }

    @BeforeEach
    void freshDomain() {
        domain = testDomains.create(admin, "Clients").id();
    }

    @AfterEach
    void signOut() {
        testUsers.signOut();
    }

    @Test
    void creatingAClientShowsItsSecretOnceAndStoresOnlyTheDigest() {
        IssuedClientSecret issued = clients.create(domain, new ClientRequest(" thermometer ", List.of("lab")));

        assertThat(issued.client().name()).isEqualTo("thermometer");
        assertThat(issued.client().tags()).containsExactly("lab");
        assertThat(issued.client().status()).isEqualTo(Status.ENABLED);
        assertThat(issued.secret()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(issued.toString()).doesNotContain(issued.secret());
        assertThat(Arrays.stream(ClientView.class.getRecordComponents()).map(c -> c.getName()))
                .doesNotContain("secret", "secretDigest");
        Map<String, Object> row = jdbc.queryForMap(
                "select * from client where id = ?", issued.client().id());
        assertThat(row.get("secret_digest")).isEqualTo(ClientSecrets.digest(issued.secret()));
        assertThat(row.values())
                .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(issued.secret()));
    }

    @Test
    void updatingTheSecretReplacesItsDigest() {
        IssuedClientSecret first = clients.create(domain, new ClientRequest("rotating", null));

        IssuedClientSecret second = clients.updateSecret(domain, first.client().id());

        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThat(jdbc.queryForObject(
                        "select secret_digest from client where id = ?",
                        String.class,
                        first.client().id()))
                .isEqualTo(ClientSecrets.digest(second.secret()));
    }

    @Test
    void aClientIsViewedRenamedRetaggedDisabledEnabledAndDeleted() {
        long id = clients.create(domain, new ClientRequest("sensor", null))
                .client()
                .id();

        assertThat(clients.view(domain, id).name()).isEqualTo("sensor");
        assertThat(clients.update(domain, id, "sensor 2").name()).isEqualTo("sensor 2");
        assertThat(clients.updateTags(domain, id, List.of("a", "b", "a")).tags())
                .containsExactly("a", "b");
        assertThat(clients.disable(domain, id).status()).isEqualTo(Status.DISABLED);
        assertThat(clients.enable(domain, id).status()).isEqualTo(Status.ENABLED);
        clients.delete(domain, id);
        assertThatThrownBy(() -> clients.view(domain, id))
                .isInstanceOf(NotFound.class)
                .hasMessage("Client not found");
    }

    @Test
    void aDisabledClientRefusesChangesButCanBeEnabledOrDeleted() {
        long id =
                clients.create(domain, new ClientRequest("off", null)).client().id();
        long channel = channels.create(domain, new ChannelRequest("ch", null)).id();
        long group =
                groups.create(domain, new GroupRequest("g", null, null, null)).id();
        clients.disable(domain, id);

        assertThatThrownBy(() -> clients.update(domain, id, "new"))
                .isInstanceOf(Conflict.class)
                .hasMessage("\"off\" is disabled; enable it before making changes");
        assertThatThrownBy(() -> clients.updateTags(domain, id, List.of("x"))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> clients.updateSecret(domain, id)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> clients.setParentGroup(domain, id, group)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> clients.connectToChannel(domain, id, channel)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> channels.connectClient(domain, channel, id)).isInstanceOf(InvalidInput.class);

        clients.enable(domain, id);
        clients.disable(domain, id);
        clients.delete(domain, id);
        assertThat(clients.list(domain, ListQuery.firstPage()).total()).isZero();
    }

    @Test
    void namesAreRequiredBoundedAndUniquePerDomain() {
        long id = clients.create(domain, new ClientRequest("unique", null))
                .client()
                .id();
        clients.create(domain, new ClientRequest("other", null));
        long otherDomain = testDomains.create(admin, "Elsewhere").id();

        assertThatThrownBy(() -> clients.create(domain, new ClientRequest("unique", null)))
                .isInstanceOfSatisfying(
                        Conflict.class, e -> assertThat(e.field()).isEqualTo("name"))
                .hasMessage("The name \"unique\" is already used in this domain");
        assertThatThrownBy(() -> clients.update(domain, id, "other")).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> clients.create(domain, new ClientRequest("", null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> clients.create(domain, new ClientRequest("n".repeat(101), null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> clients.updateTags(domain, id, List.of(" ")))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("tags"));
        assertThat(clients.create(otherDomain, new ClientRequest("unique", null))
                        .client()
                        .domainId())
                .isEqualTo(otherDomain);
        assertThat(clients.update(domain, id, "unique").name()).isEqualTo("unique");
    }

    @Test
    void clientsConnectToChannelsOfTheirOwnDomainOnly() {
        long client =
                clients.create(domain, new ClientRequest("c", null)).client().id();
        long channel = channels.create(domain, new ChannelRequest("near", null)).id();
        long otherDomain = testDomains.create(admin, "Far").id();
        long farChannel =
                channels.create(otherDomain, new ChannelRequest("far", null)).id();
        long farGroup = groups.create(otherDomain, new GroupRequest("far group", null, null, null))
                .id();

        clients.connectToChannel(domain, client, channel);
        clients.connectToChannel(domain, client, channel);

        assertThat(clients.listConnectedChannels(domain, client, ListQuery.firstPage())
                        .items())
                .extracting(ChannelView::name)
                .containsExactly("near");
        assertThat(channels.listConnectedClients(domain, channel, ListQuery.firstPage())
                        .total())
                .isOne();
        assertThatThrownBy(() -> clients.connectToChannel(domain, client, farChannel))
                .isInstanceOf(NotFound.class)
                .hasMessage("Channel not found");
        assertThatThrownBy(() -> clients.connectToChannel(otherDomain, client, farChannel))
                .isInstanceOf(NotFound.class)
                .hasMessage("Client not found");
        assertThatThrownBy(() -> clients.setParentGroup(domain, client, farGroup))
                .isInstanceOf(NotFound.class)
                .hasMessage("Group not found");
        assertThatThrownBy(() -> clients.view(otherDomain, client)).isInstanceOf(NotFound.class);

        clients.disconnectFromChannel(domain, client, channel);
        assertThat(clients.listConnectedChannels(domain, client, ListQuery.firstPage())
                        .total())
                .isZero();
    }

    @Test
    void deletingAClientRemovesItsConnections() {
        long client =
                clients.create(domain, new ClientRequest("gone", null)).client().id();
        long channel =
                channels.create(domain, new ChannelRequest("stays", null)).id();
        clients.connectToChannel(domain, client, channel);

        clients.delete(domain, client);

        assertThat(jdbc.queryForObject("select count(*) from client_channel where client_id = ?", Long.class, client))
                .isZero();
        assertThat(channels.view(domain, channel).name()).isEqualTo("stays");
    }

    @Test
    void aClientGetsAndLosesItsParentGroup() {
        long client = clients.create(domain, new ClientRequest("child", null))
                .client()
                .id();
        long group = groups.create(domain, new GroupRequest("parent", null, null, null))
                .id();

        assertThat(clients.setParentGroup(domain, client, group).parentGroupId())
                .isEqualTo(group);
        assertThat(clients.removeParentGroup(domain, client).parentGroupId()).isNull();
    }

    @Test
    void theListFiltersByNameTagAndStatusAndPages() {
        for (String name : List.of("alpha", "beta", "gamma", "delta_x")) {
            clients.create(
                    domain,
                    new ClientRequest(
                            name, name.startsWith("a") || name.startsWith("g") ? List.of("greek") : List.of()));
        }
        long beta = clients.list(domain, ListQuery.firstPage().withName("bet"))
                .items()
                .getFirst()
                .id();
        clients.disable(domain, beta);

        assertThat(names(ListQuery.firstPage())).containsExactly("alpha", "beta", "delta_x", "gamma");
        assertThat(names(ListQuery.firstPage().withTag("greek"))).containsExactly("alpha", "gamma");
        assertThat(names(ListQuery.firstPage().withTag("gre"))).isEmpty();
        assertThat(names(ListQuery.firstPage().withStatus(Status.DISABLED))).containsExactly("beta");
        assertThat(names(ListQuery.firstPage().withName("_"))).containsExactly("delta_x");
        var page = clients.list(domain, ListQuery.page(1, 2));
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.offset()).isEqualTo(1);
        assertThat(page.limit()).isEqualTo(2);
        assertThat(page.items()).extracting(ClientView::name).containsExactly("beta", "delta_x");
    }

    private List<String> names(ListQuery query) {
        return clients.list(domain, query).items().stream()
                .map(ClientView::name)
                .toList();
    }
}
