package dev.scopekeeper.entities.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import com.vaadin.flow.router.Route;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.entities.ChannelService;
import dev.scopekeeper.entities.ChannelView;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.ClientView;
import dev.scopekeeper.entities.GroupHierarchy;
import dev.scopekeeper.entities.GroupService;
import dev.scopekeeper.entities.GroupView;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code /groups/{id}}: a group, its place in the hierarchy (a tree from its top-most ancestor, children loaded
 * lazily), its child groups, and the clients and channels it holds.
 */
@Route("groups")
@PermitAll
class GroupDetailView extends EntityDetailView {

    private final GroupService groupService;
    private final ClientService clients;
    private final ChannelService channels;
    final TreeGrid<GroupView> hierarchy = new TreeGrid<>();
    final Button removeAllChildren = new Button();
    LinkSection<GroupView> children;
    LinkSection<ClientView> childClients;
    LinkSection<ChannelView> childChannels;

    GroupDetailView(
            CurrentDomainService currentDomain, GroupService groups, ClientService clients, ChannelService channels) {
        super(currentDomain, groups, "groupDetail", true);
        this.groupService = groups;
        this.clients = clients;
        this.channels = channels;
    }

    @Override
    protected Component[] extraSections() {
        long domainId = domain.id();
        long groupId = item.id();
        hierarchy.addHierarchyColumn(GroupView::name).setHeader(getTranslation("entityList.name"));
        hierarchy
                .addColumn(g -> getTranslation("status." + g.status().wireName()))
                .setHeader(getTranslation("entityList.status"));
        hierarchy.addThemeVariants(GridVariant.NO_BORDER);
        hierarchy.setAllRowsVisible(true);
        hierarchy.setAriaLabel(getTranslation("groupDetail.hierarchy"));
        hierarchy.addItemClickListener(e -> {
            if (e.getItem().id() != groupId) {
                getUI().ifPresent(ui -> ui.navigate("groups/" + e.getItem().id()));
            }
        });
        hierarchy.addClassName("sk-link-grid");
        Section tree = section("groupDetail.hierarchy", hierarchy);

        children = new LinkSection<>(
                new LinkSection.Spec<>(
                        "groupDetail.children",
                        GroupView::name,
                        GroupView::id,
                        (offset, limit) ->
                                groupService.listChildrenGroups(domainId, groupId, ListQuery.page(offset, limit)),
                        (offset, limit, filter) ->
                                groupService.list(domainId, new ListQuery(offset, limit, filter, null, null)),
                        childId -> groupService.addChildrenGroups(domainId, groupId, List.of(childId)),
                        childId -> groupService.removeChildrenGroups(domainId, groupId, List.of(childId))),
                canEdit);
        removeAllChildren.setText(getTranslation("groupDetail.removeAllChildren"));
        removeAllChildren.addThemeVariants(ButtonVariant.ERROR);
        removeAllChildren.setVisible(canEdit);
        removeAllChildren.addClickListener(e -> Feedback.confirm(
                getTranslation("groupDetail.removeAllChildren.title", item.name()),
                getTranslation("groupDetail.removeAllChildren.text"),
                getTranslation("groupDetail.removeAllChildren"),
                () -> {
                    try {
                        int count = groupService.removeAllChildrenGroups(domainId, groupId);
                        Feedback.success("groupDetail.removeAllChildren.done", count);
                        refreshLinks();
                    } catch (ServiceException ex) {
                        new FieldErrors(this::getTranslation).show(ex);
                    }
                }));
        children.controls.add(removeAllChildren);
        children.grid.getDataProvider().addDataProviderListener(e -> refreshTree());

        childClients = new LinkSection<>(
                new LinkSection.Spec<>(
                        "groupDetail.clients",
                        ClientView::name,
                        ClientView::id,
                        null,
                        (offset, limit, filter) ->
                                clients.list(domainId, new ListQuery(offset, limit, filter, null, null)),
                        clientId -> groupService.setChildClient(domainId, groupId, clientId),
                        clientId -> groupService.removeChildClient(domainId, groupId, clientId)),
                canEdit);
        childChannels = new LinkSection<>(
                new LinkSection.Spec<>(
                        "groupDetail.channels",
                        ChannelView::name,
                        ChannelView::id,
                        null,
                        (offset, limit, filter) ->
                                channels.list(domainId, new ListQuery(offset, limit, filter, null, null)),
                        channelId -> groupService.setChildChannel(domainId, groupId, channelId),
                        channelId -> groupService.removeChildChannel(domainId, groupId, channelId)),
                canEdit);
        refreshTree();
        return new Component[] {tree, children, childClients, childChannels};
    }

    private void refreshLinks() {
        children.grid.getDataProvider().refreshAll();
    }

    /** The tree starts at the top-most ancestor; the path down to this group is expanded. */
    private void refreshTree() {
        long domainId = domain.id();
        GroupHierarchy path = groupService.retrieveGroupHierarchy(domainId, item.id(), 1);
        GroupView root = path.ancestors().isEmpty()
                ? path.group().group()
                : path.ancestors().getFirst();
        hierarchy.setDataProvider(new AbstractBackEndHierarchicalDataProvider<GroupView, Void>() {
            @Override
            public int getChildCount(HierarchicalQuery<GroupView, Void> query) {
                return query.getParent() == null
                        ? 1
                        : (int) groupService
                                .listChildrenGroups(domainId, query.getParent().id(), ListQuery.page(0, 1))
                                .total();
            }

            @Override
            public boolean hasChildren(GroupView group) {
                return groupService
                                .listChildrenGroups(domainId, group.id(), ListQuery.page(0, 1))
                                .total()
                        > 0;
            }

            @Override
            protected Stream<GroupView> fetchChildrenFromBackEnd(HierarchicalQuery<GroupView, Void> query) {
                if (query.getParent() == null) {
                    return Stream.of(root);
                }
                return Feedback.fetch(
                        query.getOffset(),
                        query.getLimit(),
                        (offset, limit) -> groupService.listChildrenGroups(
                                domainId, query.getParent().id(), ListQuery.page(offset, limit)));
            }
        });
        hierarchy.expand(path.ancestors());
        hierarchy.select(path.group().group());
    }

    @Override
    protected void show(Item shown) {
        super.show(shown);
        if (children != null) {
            refreshTree();
        }
    }

    @Override
    String route() {
        return "groups";
    }

    @Override
    Item load(long domainId, long id) {
        return Item.of(groupService.view(domainId, id));
    }

    @Override
    Item rename(long domainId, long id, String name, String description) {
        return Item.of(groupService.update(domainId, id, name, description));
    }

    @Override
    Item saveTags(long domainId, long id, List<String> tags) {
        return Item.of(groupService.updateTags(domainId, id, tags));
    }

    @Override
    Item enable(long domainId, long id) {
        return Item.of(groupService.enable(domainId, id));
    }

    @Override
    Item disable(long domainId, long id) {
        return Item.of(groupService.disable(domainId, id));
    }

    @Override
    void delete(long domainId, long id) {
        groupService.delete(domainId, id);
    }

    @Override
    Item setParent(long domainId, long id, long groupId) {
        return Item.of(groupService.addParentGroup(domainId, id, groupId));
    }

    @Override
    Item removeParent(long domainId, long id) {
        return Item.of(groupService.removeParentGroup(domainId, id));
    }
}
