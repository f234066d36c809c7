package dev.scopekeeper.entities.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.ClientService.ClientRequest;
import dev.scopekeeper.security.UserService;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** {@code /clients}: the clients of the current domain. A new client's secret is shown once, right after create. */
@Route("clients")
@PermitAll
@Menu(title = "nav.clients", order = 20, icon = "CONNECT")
class ClientListView extends EntityListView {

    private final ClientService clients;

    ClientListView(CurrentDomainService currentDomain, UserService users, ClientService clients) {
        super(currentDomain, users.me().isAdmin(), "clientList", false);
        this.clients = clients;
    }

    @Override
    ListResult<Item> list(long domainId, ListQuery query) {
        ListResult<dev.scopekeeper.entities.ClientView> page = clients.list(domainId, query);
        return new ListResult<>(
                page.total(),
                page.offset(),
                page.limit(),
                page.items().stream().map(Item::of).toList());
    }

    @Override
    void create(long domainId, String name, String description, List<String> tags) {
        new SecretDialog(clients.create(domainId, new ClientRequest(name, tags))).open();
    }

    @Override
    String route() {
        return "clients";
    }
}
