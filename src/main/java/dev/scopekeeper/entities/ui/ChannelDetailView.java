package dev.scopekeeper.entities.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.entities.ChannelService;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.ClientView;
import dev.scopekeeper.entities.GroupService;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** {@code /channels/{id}}: a channel and the clients connected to it. */
@Route("channels")
@PermitAll
class ChannelDetailView extends EntityDetailView {

    private final ChannelService channels;
    private final ClientService clients;
    LinkSection<ClientView> connections;

    ChannelDetailView(
            CurrentDomainService currentDomain, GroupService groups, ChannelService channels, ClientService clients) {
        super(currentDomain, groups, "channelDetail", false);
        this.channels = channels;
        this.clients = clients;
    }

    @Override
    protected Component[] extraSections() {
        long domainId = domain.id();
        long channelId = item.id();
        connections = new LinkSection<>(
                new LinkSection.Spec<>(
                        "channelDetail.clients",
                        ClientView::name,
                        ClientView::id,
                        (offset, limit) ->
                                channels.listConnectedClients(domainId, channelId, ListQuery.page(offset, limit)),
                        (offset, limit, filter) ->
                                clients.list(domainId, new ListQuery(offset, limit, filter, null, null)),
                        clientId -> channels.connectClient(domainId, channelId, clientId),
                        clientId -> channels.disconnectClient(domainId, channelId, clientId)),
                canEdit);
        return new Component[] {connections};
    }

    @Override
    String route() {
        return "channels";
    }

    @Override
    Item load(long domainId, long id) {
        return Item.of(channels.view(domainId, id));
    }

    @Override
    Item rename(long domainId, long id, String name, String description) {
        return Item.of(channels.update(domainId, id, name));
    }

    @Override
    Item saveTags(long domainId, long id, List<String> tags) {
        return Item.of(channels.updateTags(domainId, id, tags));
    }

    @Override
    Item enable(long domainId, long id) {
        return Item.of(channels.enable(domainId, id));
    }

    @Override
    Item disable(long domainId, long id) {
        return Item.of(channels.disable(domainId, id));
    }

    @Override
    void delete(long domainId, long id) {
        channels.delete(domainId, id);
    }

    @Override
    Item setParent(long domainId, long id, long groupId) {
        return Item.of(channels.setParentGroup(domainId, id, groupId));
    }

    @Override
    Item removeParent(long domainId, long id) {
        return Item.of(channels.removeParentGroup(domainId, id));
    }
}
