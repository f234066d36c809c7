package dev.scopekeeper.entities.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.entities.GroupService;
import dev.scopekeeper.entities.GroupService.GroupRequest;
import dev.scopekeeper.security.UserService;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** {@code /groups}: the groups of the current domain (each group's page shows its place in the hierarchy). */
@Route("groups")
@PermitAll
@Menu(title = "nav.groups", order = 22, icon = "FOLDER_O")
class GroupListView extends EntityListView {

    private final GroupService groups;

    GroupListView(CurrentDomainService currentDomain, UserService users, GroupService groups) {
        super(currentDomain, users.me().isAdmin(), "groupList", true);
        this.groups = groups;
    }

    @Override
    ListResult<Item> list(long domainId, ListQuery query) {
        ListResult<dev.scopekeeper.entities.GroupView> page = groups.list(domainId, query);
        return new ListResult<>(
                page.total(),
                page.offset(),
                page.limit(),
                page.items().stream().map(Item::of).toList());
    }

    @Override
    void create(long domainId, String name, String description, List<String> tags) {
        groups.create(domainId, new GroupRequest(name, description, tags, null));
    }

    @Override
    String route() {
        return "groups";
    }
}
