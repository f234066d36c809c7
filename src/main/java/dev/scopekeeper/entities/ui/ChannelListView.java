package dev.scopekeeper.entities.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.entities.ChannelService;
import dev.scopekeeper.entities.ChannelService.ChannelRequest;
import dev.scopekeeper.security.UserService;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** {@code /channels}: the channels of the current domain. */
@Route("channels")
@PermitAll
@Menu(title = "nav.channels", order = 21, icon = "EXCHANGE")
class ChannelListView extends EntityListView {

    private final ChannelService channels;

    ChannelListView(CurrentDomainService currentDomain, UserService users, ChannelService channels) {
        super(currentDomain, users.me().isAdmin(), "channelList", false);
        this.channels = channels;
    }

    @Override
    ListResult<Item> list(long domainId, ListQuery query) {
        ListResult<dev.scopekeeper.entities.ChannelView> page = channels.list(domainId, query);
        return new ListResult<>(
                page.total(),
                page.offset(),
                page.limit(),
                page.items().stream().map(Item::of).toList());
    }

    @Override
    void create(long domainId, String name, String description, List<String> tags) {
        channels.create(domainId, new ChannelRequest(name, tags));
    }

    @Override
    String route() {
        return "channels";
    }
}
