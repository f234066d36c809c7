package dev.scopekeeper.entities.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.entities.ChannelService;
import dev.scopekeeper.entities.ChannelView;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.GroupService;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** {@code /clients/{id}}: a client, its secret rotation and its channel connections. */
@Route("clients")
@PermitAll
class ClientDetailView extends EntityDetailView {

    private final ClientService clients;
    private final ChannelService channels;
    final Button regenerate = new Button();
    LinkSection<ChannelView> connections;

    ClientDetailView(
            CurrentDomainService currentDomain, GroupService groups, ClientService clients, ChannelService channels) {
        super(currentDomain, groups, "clientDetail", false);
        this.clients = clients;
        this.channels = channels;
    }

    @Override
    protected Component[] extraActions() {
        regenerate.setText(getTranslation("clientDetail.regenerate"));
        regenerate.setIcon(VaadinIcon.REFRESH.create());
        regenerate.addClickListener(e -> Feedback.confirm(
                getTranslation("clientDetail.regenerate.title", item.name()),
                getTranslation("clientDetail.regenerate.text"),
                getTranslation("clientDetail.regenerate"),
                () -> {
                    try {
                        new SecretDialog(clients.updateSecret(domain.id(), item.id())).open();
                    } catch (ServiceException ex) {
                        new FieldErrors(this::getTranslation).show(ex);
                    }
                }));
        return new Component[] {regenerate};
    }

    @Override
    protected Component[] extraSections() {
        long domainId = domain.id();
        long clientId = item.id();
        connections = new LinkSection<>(
                new LinkSection.Spec<>(
                        "clientDetail.channels",
                        ChannelView::name,
                        ChannelView::id,
                        (offset, limit) ->
                                clients.listConnectedChannels(domainId, clientId, ListQuery.page(offset, limit)),
                        (offset, limit, filter) ->
                                channels.list(domainId, new ListQuery(offset, limit, filter, null, null)),
                        channelId -> clients.connectToChannel(domainId, clientId, channelId),
                        channelId -> clients.disconnectFromChannel(domainId, clientId, channelId)),
                canEdit);
        return new Component[] {connections};
    }

    @Override
    String route() {
        return "clients";
    }

    @Override
    Item load(long domainId, long id) {
        return Item.of(clients.view(domainId, id));
    }

    @Override
    Item rename(long domainId, long id, String name, String description) {
        return Item.of(clients.update(domainId, id, name));
    }

    @Override
    Item saveTags(long domainId, long id, List<String> tags) {
        return Item.of(clients.updateTags(domainId, id, tags));
    }

    @Override
    Item enable(long domainId, long id) {
        return Item.of(clients.enable(domainId, id));
    }

    @Override
    Item disable(long domainId, long id) {
        return Item.of(clients.disable(domainId, id));
    }

    @Override
    void delete(long domainId, long id) {
        clients.delete(domainId, id);
    }

    @Override
    Item setParent(long domainId, long id, long groupId) {
        return Item.of(clients.setParentGroup(domainId, id, groupId));
    }

    @Override
    Item removeParent(long domainId, long id) {
        return Item.of(clients.removeParentGroup(domainId, id));
    }
}
