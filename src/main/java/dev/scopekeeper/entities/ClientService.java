package dev.scopekeeper.entities;

import static dev.scopekeeper.authz.Operation.CLIENTS_CONNECT_TO_CHANNEL;
import static dev.scopekeeper.authz.Operation.CLIENTS_DELETE;
import static dev.scopekeeper.authz.Operation.CLIENTS_DISABLE;
import static dev.scopekeeper.authz.Operation.CLIENTS_DISCONNECT_FROM_CHANNEL;
import static dev.scopekeeper.authz.Operation.CLIENTS_ENABLE;
import static dev.scopekeeper.authz.Operation.CLIENTS_REMOVE_PARENT_GROUP;
import static dev.scopekeeper.authz.Operation.CLIENTS_SET_PARENT_GROUP;
import static dev.scopekeeper.authz.Operation.CLIENTS_UPDATE;
import static dev.scopekeeper.authz.Operation.CLIENTS_UPDATE_SECRET;
import static dev.scopekeeper.authz.Operation.CLIENTS_UPDATE_TAGS;
import static dev.scopekeeper.authz.Operation.CLIENTS_VIEW;
import static dev.scopekeeper.authz.Operation.DOMAINS_CREATE_CLIENTS;
import static dev.scopekeeper.authz.Operation.DOMAINS_LIST_CLIENTS;

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

/** The clients of a domain: one method per {@code clients} operation, plus create_clients and list_clients. */
@Service
@PreAuthorize("isAuthenticated()")
public class ClientService extends EntityServiceBase<Client, ClientView> {

    private final ChannelRepository channels;

    ClientService(
            ClientRepository clients,
            ChannelRepository channels,
            GroupRepository groups,
            DomainAccess access,
            Clock clock) {
        super(EntityType.CLIENTS, clients, groups, access, clock);
        this.channels = channels;
    }

    public record ClientRequest(String name, List<String> tags) {}

    /** domains.create_clients: the answer carries the new secret, the only time it is readable. */
    @RequiresOperation(DOMAINS_CREATE_CLIENTS)
    @Transactional
    public IssuedClientSecret create(long domainId, ClientRequest request) {
        String name = uniqueName(domainId, request.name(), null);
        List<String> tags = Tags.validate(request.tags());
        String secret = ClientSecrets.generate();
        Client client = insert(new Client(domainId, name, tags, ClientSecrets.digest(secret), clock.instant()));
        return new IssuedClientSecret(client.toView(), secret);
    }

    /** domains.list_clients */
    @RequiresOperation(DOMAINS_LIST_CLIENTS)
    @Transactional(readOnly = true)
    public ListResult<ClientView> list(long domainId, ListQuery query) {
        return page(domainId, query, everything());
    }

    @RequiresOperation(CLIENTS_VIEW)
    @Transactional(readOnly = true)
    public ClientView view(long domainId, long clientId) {
        return viewOf(domainId, clientId);
    }

    /** clients.update: the client's name. */
    @RequiresOperation(CLIENTS_UPDATE)
    @Transactional
    public ClientView update(long domainId, long clientId, String name) {
        return renamed(domainId, clientId, name);
    }

    @RequiresOperation(CLIENTS_UPDATE_TAGS)
    @Transactional
    public ClientView updateTags(long domainId, long clientId, List<String> tags) {
        return retagged(domainId, clientId, tags);
    }

    /** clients.update_secret: a new secret replaces the old one at once and is returned this one time. */
    @RequiresOperation(CLIENTS_UPDATE_SECRET)
    @Transactional
    public IssuedClientSecret updateSecret(long domainId, long clientId) {
        Client client = loadChangeable(domainId, clientId);
        String secret = ClientSecrets.generate();
        client.setSecretDigest(ClientSecrets.digest(secret));
        return new IssuedClientSecret(client.toView(), secret);
    }

    @RequiresOperation(CLIENTS_ENABLE)
    @Transactional
    public ClientView enable(long domainId, long clientId) {
        return withStatus(domainId, clientId, Status.ENABLED);
    }

    @RequiresOperation(CLIENTS_DISABLE)
    @Transactional
    public ClientView disable(long domainId, long clientId) {
        return withStatus(domainId, clientId, Status.DISABLED);
    }

    /** clients.delete: also removes its channel connections. */
    @RequiresOperation(CLIENTS_DELETE)
    @Transactional
    public void delete(long domainId, long clientId) {
        deleteEntity(domainId, clientId);
    }

    @RequiresOperation(CLIENTS_SET_PARENT_GROUP)
    @Transactional
    public ClientView setParentGroup(long domainId, long clientId, long groupId) {
        return withParentGroup(domainId, clientId, groupId);
    }

    @RequiresOperation(CLIENTS_REMOVE_PARENT_GROUP)
    @Transactional
    public ClientView removeParentGroup(long domainId, long clientId) {
        return withoutParentGroup(domainId, clientId);
    }

    /** clients.connect_to_channel: both must be enabled and in this domain; connecting twice is harmless. */
    @RequiresOperation(CLIENTS_CONNECT_TO_CHANNEL)
    @Transactional
    public void connectToChannel(long domainId, long clientId, long channelId) {
        Client client = loadChangeable(domainId, clientId);
        Channel channel =
                channels.findByIdAndDomainId(channelId, domainId).orElseThrow(() -> notFound(EntityType.CHANNELS));
        requireEnabled(channel);
        client.connect(channel.getId());
    }

    /** clients.disconnect_from_channel: disconnecting what is not connected is harmless. */
    @RequiresOperation(CLIENTS_DISCONNECT_FROM_CHANNEL)
    @Transactional
    public void disconnectFromChannel(long domainId, long clientId, long channelId) {
        Client client = loadChangeable(domainId, clientId);
        Channel channel =
                channels.findByIdAndDomainId(channelId, domainId).orElseThrow(() -> notFound(EntityType.CHANNELS));
        client.disconnect(channel.getId());
    }

    /** The channels the client is connected to (part of viewing the client), by name. */
    @RequiresOperation(CLIENTS_VIEW)
    @Transactional(readOnly = true)
    public ListResult<ChannelView> listConnectedChannels(long domainId, long clientId, ListQuery query) {
        load(domainId, clientId);
        return page(
                access,
                EntityType.CHANNELS,
                channels,
                domainId,
                query,
                (root, q, cb) -> {
                    var sub = q.subquery(Long.class);
                    var client = sub.from(Client.class);
                    sub.select(client.join("channelIds")).where(cb.equal(client.get("id"), clientId));
                    return root.get("id").in(sub);
                },
                Channel::toView);
    }

    @Override
    protected ClientView toView(Client client) {
        return client.toView();
    }
}
