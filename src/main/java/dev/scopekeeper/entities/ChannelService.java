package dev.scopekeeper.entities;

import static dev.scopekeeper.authz.Operation.CHANNELS_CONNECT_CLIENT;
import static dev.scopekeeper.authz.Operation.CHANNELS_DELETE;
import static dev.scopekeeper.authz.Operation.CHANNELS_DISABLE;
import static dev.scopekeeper.authz.Operation.CHANNELS_DISCONNECT_CLIENT;
import static dev.scopekeeper.authz.Operation.CHANNELS_ENABLE;
import static dev.scopekeeper.authz.Operation.CHANNELS_REMOVE_PARENT_GROUP;
import static dev.scopekeeper.authz.Operation.CHANNELS_SET_PARENT_GROUP;
import static dev.scopekeeper.authz.Operation.CHANNELS_UPDATE;
import static dev.scopekeeper.authz.Operation.CHANNELS_UPDATE_TAGS;
import static dev.scopekeeper.authz.Operation.CHANNELS_VIEW;
import static dev.scopekeeper.authz.Operation.DOMAINS_CREATE_CHANNELS;
import static dev.scopekeeper.authz.Operation.DOMAINS_LIST_CHANNELS;

import dev.scopekeeper.authz.DomainAccess;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.authz.RequiresOperation;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.base.Tags;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The channels of a domain: one method per {@code channels} operation, plus create_channels and list_channels. */
@Service
@PreAuthorize("isAuthenticated()")
public class ChannelService extends EntityServiceBase<Channel, ChannelView> {

    private final ClientRepository clients;

    ChannelService(
            ChannelRepository channels,
            ClientRepository clients,
            GroupRepository groups,
            DomainAccess access,
            Clock clock) {
        super(EntityType.CHANNELS, channels, groups, access, clock);
        this.clients = clients;
    }

    public record ChannelRequest(String name, List<String> tags) {}

    /** domains.create_channels */
    @RequiresOperation(DOMAINS_CREATE_CHANNELS)
    @Transactional
    public ChannelView create(long domainId, ChannelRequest request) {
        String name = uniqueName(domainId, request.name(), null);
        return insert(new Channel(domainId, name, Tags.validate(request.tags()), clock.instant()))
                .toView();
    }

    /** domains.list_channels */
    @RequiresOperation(DOMAINS_LIST_CHANNELS)
    @Transactional(readOnly = true)
    public ListResult<ChannelView> list(long domainId, ListQuery query) {
        return page(domainId, query, everything());
    }

    @RequiresOperation(CHANNELS_VIEW)
    @Transactional(readOnly = true)
    public ChannelView view(long domainId, long channelId) {
        return viewOf(domainId, channelId);
    }

    /** channels.update: the channel's name. */
    @RequiresOperation(CHANNELS_UPDATE)
    @Transactional
    public ChannelView update(long domainId, long channelId, String name) {
        return renamed(domainId, channelId, name);
    }

    @RequiresOperation(CHANNELS_UPDATE_TAGS)
    @Transactional
    public ChannelView updateTags(long domainId, long channelId, List<String> tags) {
        return retagged(domainId, channelId, tags);
    }

    @RequiresOperation(CHANNELS_ENABLE)
    @Transactional
    public ChannelView enable(long domainId, long channelId) {
        return withStatus(domainId, channelId, Status.ENABLED);
    }

    @RequiresOperation(CHANNELS_DISABLE)
    @Transactional
    public ChannelView disable(long domainId, long channelId) {
        return withStatus(domainId, channelId, Status.DISABLED);
    }

    /** channels.delete: also removes its client connections. */
    @RequiresOperation(CHANNELS_DELETE)
    @Transactional
    public void delete(long domainId, long channelId) {
        deleteEntity(domainId, channelId);
    }

    @RequiresOperation(CHANNELS_SET_PARENT_GROUP)
    @Transactional
    public ChannelView setParentGroup(long domainId, long channelId, long groupId) {
        return withParentGroup(domainId, channelId, groupId);
    }

    @RequiresOperation(CHANNELS_REMOVE_PARENT_GROUP)
    @Transactional
    public ChannelView removeParentGroup(long domainId, long channelId) {
        return withoutParentGroup(domainId, channelId);
    }

    /** channels.connect_client: both must be enabled and in this domain; connecting twice is harmless. */
    @RequiresOperation(CHANNELS_CONNECT_CLIENT)
    @Transactional
    public void connectClient(long domainId, long channelId, long clientId) {
        Channel channel = loadChangeable(domainId, channelId);
        Client client = clients.findByIdAndDomainId(clientId, domainId).orElseThrow(() -> notFound(EntityType.CLIENTS));
        requireEnabled(client);
        client.connect(channel.getId());
    }

    /** channels.disconnect_client: disconnecting what is not connected is harmless. */
    @RequiresOperation(CHANNELS_DISCONNECT_CLIENT)
    @Transactional
    public void disconnectClient(long domainId, long channelId, long clientId) {
        Channel channel = loadChangeable(domainId, channelId);
        Client client = clients.findByIdAndDomainId(clientId, domainId).orElseThrow(() -> notFound(EntityType.CLIENTS));
        client.disconnect(channel.getId());
    }

    /** The clients connected to the channel (part of viewing the channel), by name. */
    @RequiresOperation(CHANNELS_VIEW)
    @Transactional(readOnly = true)
    public ListResult<ClientView> listConnectedClients(long domainId, long channelId, ListQuery query) {
        load(domainId, channelId);
        return page(
                access,
                EntityType.CLIENTS,
                clients,
                domainId,
                query,
                (root, q, cb) -> cb.isMember(channelId, root.<java.util.Set<Long>>get("channelIds")),
                Client::toView);
    }

    @Override
    protected ChannelView toView(Channel channel) {
        return channel.toView();
    }
}
