package dev.scopekeeper.entities;

import static dev.scopekeeper.authz.Operation.DOMAINS_CREATE_GROUPS;
import static dev.scopekeeper.authz.Operation.DOMAINS_LIST_GROUPS;
import static dev.scopekeeper.authz.Operation.GROUPS_ADD_CHILDREN_GROUPS;
import static dev.scopekeeper.authz.Operation.GROUPS_ADD_PARENT_GROUP;
import static dev.scopekeeper.authz.Operation.GROUPS_DELETE;
import static dev.scopekeeper.authz.Operation.GROUPS_DISABLE;
import static dev.scopekeeper.authz.Operation.GROUPS_ENABLE;
import static dev.scopekeeper.authz.Operation.GROUPS_LIST_CHILDREN_GROUPS;
import static dev.scopekeeper.authz.Operation.GROUPS_REMOVE_ALL_CHILDREN_GROUPS;
import static dev.scopekeeper.authz.Operation.GROUPS_REMOVE_CHILDREN_GROUPS;
import static dev.scopekeeper.authz.Operation.GROUPS_REMOVE_CHILD_CHANNEL;
import static dev.scopekeeper.authz.Operation.GROUPS_REMOVE_CHILD_CLIENT;
import static dev.scopekeeper.authz.Operation.GROUPS_REMOVE_PARENT_GROUP;
import static dev.scopekeeper.authz.Operation.GROUPS_RETRIEVE_GROUP_HIERARCHY;
import static dev.scopekeeper.authz.Operation.GROUPS_SET_CHILD_CHANNEL;
import static dev.scopekeeper.authz.Operation.GROUPS_SET_CHILD_CLIENT;
import static dev.scopekeeper.authz.Operation.GROUPS_UPDATE;
import static dev.scopekeeper.authz.Operation.GROUPS_UPDATE_TAGS;
import static dev.scopekeeper.authz.Operation.GROUPS_VIEW;

import dev.scopekeeper.authz.DomainAccess;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.authz.RequiresOperation;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.ListSpecs;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.base.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The groups of a domain and their hierarchy: one method per {@code groups} operation, plus create_groups and
 * list_groups. The hierarchy never has cycles; deleting a group leaves its children without a parent.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class GroupService extends EntityServiceBase<Group, GroupView> {

    /** Deepest descendant level {@link #retrieveGroupHierarchy} returns. */
    public static final int MAX_HIERARCHY_DEPTH = 10;
    /** Most groups one add/remove_children_groups call takes. */
    public static final int MAX_CHILDREN_PER_CALL = 100;
    /** Guard against corrupt data while walking up: deeper than this is treated as a cycle. */
    private static final int MAX_ANCESTORS = 1000;

    private final ClientRepository clients;
    private final ChannelRepository channels;

    GroupService(
            GroupRepository groups,
            ClientRepository clients,
            ChannelRepository channels,
            DomainAccess access,
            Clock clock) {
        super(EntityType.GROUPS, groups, groups, access, clock);
        this.clients = clients;
        this.channels = channels;
    }

    /** A new group; {@code parentGroupId} may be null. */
    public record GroupRequest(String name, String description, List<String> tags, Long parentGroupId) {}

    /** domains.create_groups */
    @RequiresOperation(DOMAINS_CREATE_GROUPS)
    @Transactional
    public GroupView create(long domainId, GroupRequest request) {
        String name = uniqueName(domainId, request.name(), null);
        Group group = new Group(
                domainId,
                name,
                Names.description("description", request.description()),
                Tags.validate(request.tags()),
                clock.instant());
        if (request.parentGroupId() != null) {
            group.setParentGroupId(findGroup(domainId, request.parentGroupId()).getId());
        }
        return insert(group).toView();
    }

    /** domains.list_groups */
    @RequiresOperation(DOMAINS_LIST_GROUPS)
    @Transactional(readOnly = true)
    public ListResult<GroupView> list(long domainId, ListQuery query) {
        return page(domainId, query, everything());
    }

    @RequiresOperation(GROUPS_VIEW)
    @Transactional(readOnly = true)
    public GroupView view(long domainId, long groupId) {
        return viewOf(domainId, groupId);
    }

    /** groups.update: name and description. */
    @RequiresOperation(GROUPS_UPDATE)
    @Transactional
    public GroupView update(long domainId, long groupId, String name, String description) {
        Group group = loadChangeable(domainId, groupId);
        group.rename(uniqueName(domainId, name, groupId));
        group.setDescription(Names.description("description", description));
        return group.toView();
    }

    /**
     * groups.update as the API's PATCH sends it: a name or description left out (null) keeps its value. Reading
     * it is part of the update (whose answer shows the group anyway), so it needs no {@code groups.view}.
     */
    @RequiresOperation(GROUPS_UPDATE)
    @Transactional
    public GroupView updateGiven(long domainId, long groupId, String name, String description) {
        GroupView current = toView(load(domainId, groupId));
        return update(
                domainId,
                groupId,
                name == null ? current.name() : name,
                description == null ? current.description() : description);
    }

    @RequiresOperation(GROUPS_UPDATE_TAGS)
    @Transactional
    public GroupView updateTags(long domainId, long groupId, List<String> tags) {
        return retagged(domainId, groupId, tags);
    }

    @RequiresOperation(GROUPS_ENABLE)
    @Transactional
    public GroupView enable(long domainId, long groupId) {
        return withStatus(domainId, groupId, Status.ENABLED);
    }

    @RequiresOperation(GROUPS_DISABLE)
    @Transactional
    public GroupView disable(long domainId, long groupId) {
        return withStatus(domainId, groupId, Status.DISABLED);
    }

    /** groups.delete: child groups, clients and channels stay, without a parent. */
    @RequiresOperation(GROUPS_DELETE)
    @Transactional
    public void delete(long domainId, long groupId) {
        deleteEntity(domainId, groupId);
    }

    /**
     * groups.retrieve_group_hierarchy: the group's ancestors (root first) and its descendants down to
     * {@code depth} levels (1..{@value #MAX_HIERARCHY_DEPTH}).
     */
    @RequiresOperation(GROUPS_RETRIEVE_GROUP_HIERARCHY)
    @Transactional(readOnly = true)
    public GroupHierarchy retrieveGroupHierarchy(long domainId, long groupId, int depth) {
        Group group = load(domainId, groupId);
        if (depth < 1 || depth > MAX_HIERARCHY_DEPTH) {
            throw new InvalidInput("depth", "group.depth", MAX_HIERARCHY_DEPTH);
        }
        // a caller narrowed to some groups (a PAT's scopes) sees only those, above and below
        java.util.function.Predicate<Group> visible = access.visibleEntityIds(domainId, EntityType.GROUPS)
                .<java.util.function.Predicate<Group>>map(ids -> g -> ids.contains(g.getId()))
                .orElse(g -> true);
        List<GroupView> ancestors = new ArrayList<>();
        for (Group parent = parentOf(group); parent != null; parent = parentOf(parent)) {
            if (visible.test(parent)) {
                ancestors.add(parent.toView());
            }
        }
        Collections.reverse(ancestors);
        return new GroupHierarchy(ancestors, subtree(group, depth, visible));
    }

    /** One query per level, never per node. */
    private GroupHierarchy.Node subtree(Group root, int depth, java.util.function.Predicate<Group> visible) {
        Map<Long, List<Group>> childrenByParent = new java.util.HashMap<>();
        List<Long> level = List.of(root.getId());
        for (int i = 0; i < depth && !level.isEmpty(); i++) {
            List<Group> children =
                    groups.findByDomainIdAndParentGroupIdInOrderByName(root.getDomainId(), level).stream()
                            .filter(visible)
                            .toList();
            children.forEach(c -> childrenByParent
                    .computeIfAbsent(c.getParentGroupId(), k -> new ArrayList<>())
                    .add(c));
            level = children.stream().map(Group::getId).toList();
        }
        return node(root, childrenByParent);
    }

    private static GroupHierarchy.Node node(Group group, Map<Long, List<Group>> childrenByParent) {
        return new GroupHierarchy.Node(
                group.toView(),
                childrenByParent.getOrDefault(group.getId(), List.of()).stream()
                        .map(child -> node(child, childrenByParent))
                        .toList());
    }

    private Group parentOf(Group group) {
        return group.getParentGroupId() == null
                ? null
                : groups.findByIdAndDomainId(group.getParentGroupId(), group.getDomainId())
                        .orElse(null);
    }

    /** groups.add_parent_group: refused when the parent is this group or one of its descendants. */
    @RequiresOperation(GROUPS_ADD_PARENT_GROUP)
    @Transactional
    public GroupView addParentGroup(long domainId, long groupId, long parentGroupId) {
        return withParentGroup(domainId, groupId, parentGroupId);
    }

    @Override
    protected void attach(Group group, Group parent) {
        int steps = 0;
        for (Group ancestor = parent; ancestor != null; ancestor = parentOf(ancestor)) {
            if (Objects.equals(ancestor.getId(), group.getId()) || ++steps > MAX_ANCESTORS) {
                throw new InvalidInput("parentGroupId", "group.cycle", group.getName(), parent.getName());
            }
        }
        group.setParentGroupId(parent.getId());
    }

    @RequiresOperation(GROUPS_REMOVE_PARENT_GROUP)
    @Transactional
    public GroupView removeParentGroup(long domainId, long groupId) {
        return withoutParentGroup(domainId, groupId);
    }

    /** groups.add_children_groups: each child must be in this domain, enabled, and not create a cycle. */
    @RequiresOperation(GROUPS_ADD_CHILDREN_GROUPS)
    @Transactional
    public List<GroupView> addChildrenGroups(long domainId, long groupId, List<Long> childGroupIds) {
        Group parent = loadChangeable(domainId, groupId);
        List<Group> children = children(domainId, childGroupIds);
        for (Group child : children) {
            requireEnabled(child);
            attach(child, parent);
        }
        return children.stream().map(Group::toView).toList();
    }

    /** groups.remove_children_groups: each given group must currently be a child of this one. */
    @RequiresOperation(GROUPS_REMOVE_CHILDREN_GROUPS)
    @Transactional
    public void removeChildrenGroups(long domainId, long groupId, List<Long> childGroupIds) {
        loadChangeable(domainId, groupId);
        List<Group> children = children(domainId, childGroupIds);
        for (Group child : children) {
            requireEnabled(child);
            requireChildOf(child, groupId, "childGroupIds");
            child.setParentGroupId(null);
        }
    }

    /** groups.remove_all_children_groups: the child groups stay, without a parent. */
    @RequiresOperation(GROUPS_REMOVE_ALL_CHILDREN_GROUPS)
    @Transactional
    public int removeAllChildrenGroups(long domainId, long groupId) {
        loadChangeable(domainId, groupId);
        return groups.detachChildren(domainId, groupId);
    }

    /** groups.list_children_groups: the direct children, by name. */
    @RequiresOperation(GROUPS_LIST_CHILDREN_GROUPS)
    @Transactional(readOnly = true)
    public ListResult<GroupView> listChildrenGroups(long domainId, long groupId, ListQuery query) {
        load(domainId, groupId);
        return page(domainId, query, ListSpecs.equal("parentGroupId", groupId));
    }

    /** groups.set_child_client: the client's parent group becomes this group. */
    @RequiresOperation(GROUPS_SET_CHILD_CLIENT)
    @Transactional
    public ClientView setChildClient(long domainId, long groupId, long clientId) {
        Group group = loadChangeable(domainId, groupId);
        Client client = clients.findByIdAndDomainId(clientId, domainId).orElseThrow(() -> notFound(EntityType.CLIENTS));
        requireEnabled(client);
        client.setParentGroupId(group.getId());
        return client.toView();
    }

    @RequiresOperation(GROUPS_REMOVE_CHILD_CLIENT)
    @Transactional
    public ClientView removeChildClient(long domainId, long groupId, long clientId) {
        loadChangeable(domainId, groupId);
        Client client = clients.findByIdAndDomainId(clientId, domainId).orElseThrow(() -> notFound(EntityType.CLIENTS));
        requireEnabled(client);
        requireChildOf(client, groupId, "clientId");
        client.setParentGroupId(null);
        return client.toView();
    }

    /** groups.set_child_channel: the channel's parent group becomes this group. */
    @RequiresOperation(GROUPS_SET_CHILD_CHANNEL)
    @Transactional
    public ChannelView setChildChannel(long domainId, long groupId, long channelId) {
        Group group = loadChangeable(domainId, groupId);
        Channel channel =
                channels.findByIdAndDomainId(channelId, domainId).orElseThrow(() -> notFound(EntityType.CHANNELS));
        requireEnabled(channel);
        channel.setParentGroupId(group.getId());
        return channel.toView();
    }

    @RequiresOperation(GROUPS_REMOVE_CHILD_CHANNEL)
    @Transactional
    public ChannelView removeChildChannel(long domainId, long groupId, long channelId) {
        loadChangeable(domainId, groupId);
        Channel channel =
                channels.findByIdAndDomainId(channelId, domainId).orElseThrow(() -> notFound(EntityType.CHANNELS));
        requireEnabled(channel);
        requireChildOf(channel, groupId, "channelId");
        channel.setParentGroupId(null);
        return channel.toView();
    }

    private List<Group> children(long domainId, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInput("childGroupIds", "group.children.required");
        }
        if (ids.size() > MAX_CHILDREN_PER_CALL) {
            throw new InvalidInput("childGroupIds", "group.children.tooMany", MAX_CHILDREN_PER_CALL);
        }
        return new LinkedHashSet<>(ids)
                .stream()
                        .map(id -> findGroup(domainId, Objects.requireNonNull(id)))
                        .collect(Collectors.toList());
    }

    private static void requireChildOf(DomainEntity entity, long groupId, String field) {
        if (!Objects.equals(entity.getParentGroupId(), groupId)) {
            throw new InvalidInput(field, "group.notAChild", entity.getName());
        }
    }

    @Override
    protected GroupView toView(Group group) {
        return group.toView();
    }
}
