package dev.scopekeeper.authz;

import static dev.scopekeeper.authz.DomainRole.ADMIN;
import static dev.scopekeeper.authz.DomainRole.EDITOR;
import static dev.scopekeeper.authz.DomainRole.VIEWER;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one catalogue of operations (Magistrala guide, "Available scope entities"): each belongs to an
 * entity type, has the guide's wire name, the weakest domain role allowed to perform it, and whether it
 * only reads. Services, the PAT scope editor, the API docs and the tests all read this enum.
 */
public enum Operation {
    CLIENTS_VIEW(EntityType.CLIENTS, "view", VIEWER),
    CLIENTS_UPDATE(EntityType.CLIENTS, "update", EDITOR),
    CLIENTS_UPDATE_TAGS(EntityType.CLIENTS, "update_tags", EDITOR),
    CLIENTS_UPDATE_SECRET(EntityType.CLIENTS, "update_secret", EDITOR),
    CLIENTS_ENABLE(EntityType.CLIENTS, "enable", EDITOR),
    CLIENTS_DISABLE(EntityType.CLIENTS, "disable", EDITOR),
    CLIENTS_DELETE(EntityType.CLIENTS, "delete", EDITOR),
    CLIENTS_SET_PARENT_GROUP(EntityType.CLIENTS, "set_parent_group", EDITOR),
    CLIENTS_REMOVE_PARENT_GROUP(EntityType.CLIENTS, "remove_parent_group", EDITOR),
    CLIENTS_CONNECT_TO_CHANNEL(EntityType.CLIENTS, "connect_to_channel", EDITOR),
    CLIENTS_DISCONNECT_FROM_CHANNEL(EntityType.CLIENTS, "disconnect_from_channel", EDITOR),

    CHANNELS_VIEW(EntityType.CHANNELS, "view", VIEWER),
    CHANNELS_UPDATE(EntityType.CHANNELS, "update", EDITOR),
    CHANNELS_UPDATE_TAGS(EntityType.CHANNELS, "update_tags", EDITOR),
    CHANNELS_ENABLE(EntityType.CHANNELS, "enable", EDITOR),
    CHANNELS_DISABLE(EntityType.CHANNELS, "disable", EDITOR),
    CHANNELS_DELETE(EntityType.CHANNELS, "delete", EDITOR),
    CHANNELS_SET_PARENT_GROUP(EntityType.CHANNELS, "set_parent_group", EDITOR),
    CHANNELS_REMOVE_PARENT_GROUP(EntityType.CHANNELS, "remove_parent_group", EDITOR),
    CHANNELS_CONNECT_CLIENT(EntityType.CHANNELS, "connect_client", EDITOR),
    CHANNELS_DISCONNECT_CLIENT(EntityType.CHANNELS, "disconnect_client", EDITOR),

    GROUPS_VIEW(EntityType.GROUPS, "view", VIEWER),
    GROUPS_UPDATE(EntityType.GROUPS, "update", EDITOR),
    GROUPS_UPDATE_TAGS(EntityType.GROUPS, "update_tags", EDITOR),
    GROUPS_ENABLE(EntityType.GROUPS, "enable", EDITOR),
    GROUPS_DISABLE(EntityType.GROUPS, "disable", EDITOR),
    GROUPS_DELETE(EntityType.GROUPS, "delete", EDITOR),
    GROUPS_RETRIEVE_GROUP_HIERARCHY(EntityType.GROUPS, "retrieve_group_hierarchy", VIEWER),
    GROUPS_ADD_PARENT_GROUP(EntityType.GROUPS, "add_parent_group", EDITOR),
    GROUPS_REMOVE_PARENT_GROUP(EntityType.GROUPS, "remove_parent_group", EDITOR),
    GROUPS_ADD_CHILDREN_GROUPS(EntityType.GROUPS, "add_children_groups", EDITOR),
    GROUPS_REMOVE_CHILDREN_GROUPS(EntityType.GROUPS, "remove_children_groups", EDITOR),
    GROUPS_REMOVE_ALL_CHILDREN_GROUPS(EntityType.GROUPS, "remove_all_children_groups", EDITOR),
    GROUPS_LIST_CHILDREN_GROUPS(EntityType.GROUPS, "list_children_groups", VIEWER),
    GROUPS_SET_CHILD_CLIENT(EntityType.GROUPS, "set_child_client", EDITOR),
    GROUPS_REMOVE_CHILD_CLIENT(EntityType.GROUPS, "remove_child_client", EDITOR),
    GROUPS_SET_CHILD_CHANNEL(EntityType.GROUPS, "set_child_channel", EDITOR),
    GROUPS_REMOVE_CHILD_CHANNEL(EntityType.GROUPS, "remove_child_channel", EDITOR),

    /** Not bound to an existing domain; platform administrators only. */
    DOMAINS_CREATE(EntityType.DOMAINS, "create", ADMIN, false, true),
    DOMAINS_UPDATE(EntityType.DOMAINS, "update", ADMIN),
    DOMAINS_READ(EntityType.DOMAINS, "read", VIEWER),
    DOMAINS_ENABLE(EntityType.DOMAINS, "enable", ADMIN),
    DOMAINS_DISABLE(EntityType.DOMAINS, "disable", ADMIN),
    /** Not bound to one domain: lists the caller's domains. */
    DOMAINS_LIST(EntityType.DOMAINS, "list", VIEWER),
    DOMAINS_SEND_INVITATION(EntityType.DOMAINS, "send_invitation", ADMIN),
    /** Not bound to one domain: the invitations the caller sent. */
    DOMAINS_LIST_INVITATION(EntityType.DOMAINS, "list_invitation", VIEWER),
    DOMAINS_LIST_DOMAIN_INVITATION(EntityType.DOMAINS, "list_domain_invitation", ADMIN, true, false),
    DOMAINS_DELETE_INVITATION(EntityType.DOMAINS, "delete_invitation", ADMIN),
    DOMAINS_CREATE_CLIENTS(EntityType.DOMAINS, "create_clients", EDITOR),
    DOMAINS_LIST_CLIENTS(EntityType.DOMAINS, "list_clients", VIEWER),
    DOMAINS_CREATE_CHANNELS(EntityType.DOMAINS, "create_channels", EDITOR),
    DOMAINS_LIST_CHANNELS(EntityType.DOMAINS, "list_channels", VIEWER),
    DOMAINS_CREATE_GROUPS(EntityType.DOMAINS, "create_groups", EDITOR),
    DOMAINS_LIST_GROUPS(EntityType.DOMAINS, "list_groups", VIEWER);

    private final EntityType entityType;
    private final String wireName;
    private final DomainRole minimumRole;
    private final boolean readOnly;
    private final boolean platformAdminOnly;

    /** The common case: exactly the viewer operations are read-only. */
    Operation(EntityType entityType, String wireName, DomainRole minimumRole) {
        this(entityType, wireName, minimumRole, minimumRole == VIEWER, false);
    }

    Operation(
            EntityType entityType,
            String wireName,
            DomainRole minimumRole,
            boolean readOnly,
            boolean platformAdminOnly) {
        this.entityType = entityType;
        this.wireName = wireName;
        this.minimumRole = minimumRole;
        this.readOnly = readOnly;
        this.platformAdminOnly = platformAdminOnly;
    }

    public EntityType entityType() {
        return entityType;
    }

    /** The guide's name, e.g. {@code update_tags}; unique within the entity type. */
    public String wireName() {
        return wireName;
    }

    /** The weakest domain role that may perform this operation. */
    public DomainRole minimumRole() {
        return minimumRole;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** Only platform administrators may perform it, whatever their domain role ({@code domains.create}). */
    public boolean isPlatformAdminOnly() {
        return platformAdminOnly;
    }

    /**
     * False for the operations that do not act inside one existing domain ({@code domains.create},
     * {@code domains.list}, {@code domains.list_invitation}); see {@link DomainAccess#requireUnbound}.
     */
    public boolean isDomainBound() {
        return this != DOMAINS_CREATE && this != DOMAINS_LIST && this != DOMAINS_LIST_INVITATION;
    }

    /** Translation key of the guide's description, e.g. {@code operation.clients.view}. */
    public String descriptionKey() {
        return "operation." + entityType.wireName() + "." + wireName;
    }

    public static Optional<Operation> find(EntityType type, String wireName) {
        return Arrays.stream(values())
                .filter(op -> op.entityType == type && op.wireName.equals(wireName))
                .findFirst();
    }
}
