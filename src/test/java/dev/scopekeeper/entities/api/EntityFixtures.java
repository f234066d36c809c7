package dev.scopekeeper.entities.api;

import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.domains.InvitationService;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.entities.ChannelService;
import dev.scopekeeper.entities.ChannelService.ChannelRequest;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.ClientService.ClientRequest;
import dev.scopekeeper.entities.GroupService;
import dev.scopekeeper.entities.GroupService.GroupRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * A fresh domain with one of everything, created through the real services, for API tests that call
 * every endpoint (see {@link EntityEndpoints}).
 */
@Component
public class EntityFixtures {

    /**
     * The ids of one domain's things: group {@code groupId} is the parent of {@code childGroupId}, of client
     * {@code clientId} and of channel {@code channelId}; the client is connected to the channel; {@code
     * otherGroupId} has no parent; {@code memberId} is a viewer of the domain; {@code inviteeId} is a user who
     * is neither member nor invited; {@code invitationId} is a pending invitation of yet another user.
     */
    public record Fixture(
            long domainId,
            long groupId,
            long childGroupId,
            long otherGroupId,
            long clientId,
            long channelId,
            long memberId,
            long inviteeId,
            long invitationId) {

        /** The id of the fixture's entity of that type (the domain for {@code domains}). */
        public long entityId(EntityType type) {
            return switch (type) {
                case CLIENTS -> clientId;
                case CHANNELS -> channelId;
                case GROUPS -> groupId;
                case DOMAINS -> domainId;
            };
        }
    }

    private final TestDomains testDomains;
    private final TestUsers testUsers;
    private final InvitationService invitations;
    private final GroupService groups;
    private final ClientService clients;
    private final ChannelService channels;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    EntityFixtures(
            TestDomains testDomains,
            TestUsers testUsers,
            InvitationService invitations,
            GroupService groups,
            ClientService clients,
            ChannelService channels,
            ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.testDomains = testDomains;
        this.testUsers = testUsers;
        this.invitations = invitations;
        this.groups = groups;
        this.clients = clients;
        this.channels = channels;
        this.strategy = strategy;
    }

    /** {@code owner} (a platform ADMIN) creates the domain and becomes its admin; {@code viewer} joins as viewer. */
    public Fixture create(UserProfile owner, UserProfile viewer) {
        useThisContextsSecurityContext();
        try {
            long domain = testDomains
                    .create(owner, "Fixture " + TestDomains.uniqueRoute("f"))
                    .id();
            testDomains.addMember(domain, viewer, DomainRole.VIEWER);
            long group = groups.create(domain, new GroupRequest("group", "the parent", List.of("g"), null))
                    .id();
            long child = groups.create(domain, new GroupRequest("child", "", List.of(), group))
                    .id();
            long other = groups.create(domain, new GroupRequest("other", "", List.of(), null))
                    .id();
            long client = clients.create(domain, new ClientRequest("client", List.of("c")))
                    .client()
                    .id();
            clients.setParentGroup(domain, client, group);
            long channel = channels.create(domain, new ChannelRequest("channel", List.of("h")))
                    .id();
            channels.setParentGroup(domain, channel, group);
            clients.connectToChannel(domain, client, channel);
            UserProfile invitee = testUsers.create("invitee", PlatformRole.USER);
            UserProfile invited = testUsers.create("invited", PlatformRole.USER);
            long invitation = invitations
                    .sendInvitation(domain, invited.id(), DomainRole.EDITOR)
                    .id();
            return new Fixture(domain, group, child, other, client, channel, viewer.id(), invitee.id(), invitation);
        } finally {
            testUsers.signOut();
        }
    }

    /**
     * Every Spring context started in the test JVM installs its own strategy (Vaadin's, with its own
     * thread-local) as the static one that {@link TestUsers#signIn} writes to; this context's method security
     * reads its own bean. After another context started, the two differ, so point the static one back here.
     */
    private void useThisContextsSecurityContext() {
        SecurityContextHolderStrategy mine = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        if (SecurityContextHolder.getContextHolderStrategy() != mine) {
            SecurityContextHolder.setContextHolderStrategy(mine);
        }
    }
}
