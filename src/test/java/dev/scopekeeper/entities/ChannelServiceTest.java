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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ScopekeeperTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelServiceTest {

    @Autowired
    ChannelService channels;

    @Autowired
    ClientService clients;

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
        admin = testUsers.create("channels-admin", PlatformRole.ADMIN);
    }

    @BeforeEach
    void freshDomain() {
        domain = testDomains.create(admin, "Channels").id();
    }

    @AfterEach
    void signOut() {
        testUsers.signOut();
    }

    @Test
    void aChannelIsCreatedViewedRenamedRetaggedDisabledEnabledAndDeleted() {
        ChannelView created = channels.create(domain, new ChannelRequest("telemetry", List.of("iot")));
        long id = created.id();

        assertThat(channels.view(domain, id)).isEqualTo(created);
        assertThat(channels.update(domain, id, "telemetry 2").name()).isEqualTo("telemetry 2");
        assertThat(channels.updateTags(domain, id, List.of("x")).tags()).containsExactly("x");
        assertThat(channels.disable(domain, id).status()).isEqualTo(Status.DISABLED);
        assertThat(channels.enable(domain, id).status()).isEqualTo(Status.ENABLED);
        assertThat(channels.list(domain, ListQuery.firstPage()).items())
                .extracting(ChannelView::id)
                .containsExactly(id);
        channels.delete(domain, id);
        assertThatThrownBy(() -> channels.view(domain, id))
                .isInstanceOf(NotFound.class)
                .hasMessage("Channel not found");
    }

    @Test
    void aChannelConnectsAndDisconnectsClientsOfItsDomain() {
        long channel = channels.create(domain, new ChannelRequest("bus", null)).id();
        long client = clients.create(domain, new ClientRequest("device", null))
                .client()
                .id();
        long otherDomain = testDomains.create(admin, "Other").id();
        long farClient = clients.create(otherDomain, new ClientRequest("far", null))
                .client()
                .id();

        channels.connectClient(domain, channel, client);
        assertThat(channels.listConnectedClients(domain, channel, ListQuery.firstPage())
                        .items())
                .extracting(ClientView::name)
                .containsExactly("device");
        assertThatThrownBy(() -> channels.connectClient(domain, channel, farClient))
                .isInstanceOf(NotFound.class)
                .hasMessage("Client not found");

        channels.disconnectClient(domain, channel, client);
        assertThat(channels.listConnectedClients(domain, channel, ListQuery.firstPage())
                        .total())
                .isZero();
    }

    @Test
    void deletingAChannelRemovesItsConnections() {
        long channel =
                channels.create(domain, new ChannelRequest("doomed", null)).id();
        long client = clients.create(domain, new ClientRequest("survivor", null))
                .client()
                .id();
        clients.connectToChannel(domain, client, channel);

        channels.delete(domain, channel);

        assertThat(jdbc.queryForObject("select count(*) from client_channel where channel_id = ?", Long.class, channel))
                .isZero();
        assertThat(clients.listConnectedChannels(domain, client, ListQuery.firstPage())
                        .total())
                .isZero();
    }

    @Test
    void aDisabledChannelRefusesChangesAndConnections() {
        long channel =
                channels.create(domain, new ChannelRequest("paused", null)).id();
        long client = clients.create(domain, new ClientRequest("device", null))
                .client()
                .id();
        long group =
                groups.create(domain, new GroupRequest("g", null, null, null)).id();
        channels.disable(domain, channel);

        assertThatThrownBy(() -> channels.update(domain, channel, "x")).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> channels.updateTags(domain, channel, List.of()))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> channels.setParentGroup(domain, channel, group))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> clients.connectToChannel(domain, client, channel))
                .isInstanceOf(Conflict.class)
                .hasMessage("\"paused\" is disabled; enable it before making changes");
        channels.delete(domain, channel);
    }

    @Test
    void channelNamesAreUniquePerDomainAndParentsComeFromTheSameDomain() {
        long channel = channels.create(domain, new ChannelRequest("dup", null)).id();
        long group = groups.create(domain, new GroupRequest("parent", null, null, null))
                .id();
        long otherDomain = testDomains.create(admin, "Other").id();
        long farGroup = groups.create(otherDomain, new GroupRequest("far", null, null, null))
                .id();

        assertThatThrownBy(() -> channels.create(domain, new ChannelRequest("dup", null)))
                .isInstanceOfSatisfying(
                        Conflict.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> channels.create(domain, new ChannelRequest(null, null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> channels.setParentGroup(domain, channel, farGroup))
                .isInstanceOf(NotFound.class);
        assertThat(channels.setParentGroup(domain, channel, group).parentGroupId())
                .isEqualTo(group);
        assertThat(channels.removeParentGroup(domain, channel).parentGroupId()).isNull();
    }
}
