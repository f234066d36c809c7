package dev.scopekeeper.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.base.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue is exactly the Magistrala guide's "Available scope entities" lists. */
class OperationCatalogueTest {

    private static final Map<EntityType, List<String>> GUIDE = Map.of(
            EntityType.CLIENTS,
                    List.of(
                            "view",
                            "update",
                            "update_tags",
                            "update_secret",
                            "enable",
                            "disable",
                            "delete",
                            "set_parent_group",
                            "remove_parent_group",
                            "connect_to_channel",
                            "disconnect_from_channel"),
            EntityType.CHANNELS,
                    List.of(
                            "view",
                            "update",
                            "update_tags",
                            "enable",
                            "disable",
                            "delete",
                            "set_parent_group",
                            "remove_parent_group",
                            "connect_client",
                            "disconnect_client"),
            EntityType.GROUPS,
                    List.of(
                            "view",
                            "update",
                            "update_tags",
                            "enable",
                            "disable",
                            "delete",
                            "retrieve_group_hierarchy",
                            "add_parent_group",
                            "remove_parent_group",
                            "add_children_groups",
                            "remove_children_groups",
                            "remove_all_children_groups",
                            "list_children_groups",
                            "set_child_client",
                            "remove_child_client",
                            "set_child_channel",
                            "remove_child_channel"),
            EntityType.DOMAINS,
                    List.of(
                            "create",
                            "update",
                            "read",
                            "enable",
                            "disable",
                            "list",
                            "send_invitation",
                            "list_invitation",
                            "list_domain_invitation",
                            "delete_invitation",
                            "create_clients",
                            "list_clients",
                            "create_channels",
                            "list_channels",
                            "create_groups",
                            "list_groups"));

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void eachEntityTypeHasExactlyTheGuidesOperationsInItsOrder(EntityType type) {
        assertThat(type.operations()).extracting(Operation::wireName).containsExactlyElementsOf(GUIDE.get(type));
    }

    @Test
    void wireNamesOfTypesAreThoseOfTheScopeFormat() {
        assertThat(Arrays.stream(EntityType.values()).map(EntityType::wireName))
                .containsExactly("clients", "channels", "groups", "domains");
        assertThat(EntityType.fromWire("groups")).contains(EntityType.GROUPS);
        assertThat(EntityType.fromWire("Groups")).isEmpty();
        assertThat(EntityType.fromWire("users")).isEmpty();
    }

    @Test
    void anOperationIsFoundByTypeAndWireNameOnly() {
        assertThat(Operation.find(EntityType.CLIENTS, "update_secret")).contains(Operation.CLIENTS_UPDATE_SECRET);
        assertThat(Operation.find(EntityType.CHANNELS, "view")).contains(Operation.CHANNELS_VIEW);
        assertThat(Operation.find(EntityType.CHANNELS, "update_secret")).isEmpty();
        assertThat(Operation.find(EntityType.DOMAINS, "*")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void everyOperationHasADescriptionAndAConsistentRule(Operation op) {
        assertThat(Messages.get(op.descriptionKey()))
                .isNotEqualTo(op.descriptionKey())
                .isNotBlank();
        assertThat(op.descriptionKey()).isEqualTo("operation." + op.entityType().wireName() + "." + op.wireName());
        if (op.minimumRole() == DomainRole.VIEWER) {
            assertThat(op.isReadOnly()).as("viewer operations only read").isTrue();
        }
        if (!op.isReadOnly()) {
            assertThat(op.minimumRole()).as("changes need at least an editor").isNotEqualTo(DomainRole.VIEWER);
        }
    }

    @Test
    void descriptionsAreTheGuidesTexts() {
        assertThat(Messages.get(Operation.CLIENTS_VIEW.descriptionKey())).isEqualTo("View a client");
        assertThat(Messages.get(Operation.GROUPS_REMOVE_ALL_CHILDREN_GROUPS.descriptionKey()))
                .isEqualTo("Remove all child groups");
        assertThat(Messages.get(Operation.DOMAINS_LIST_INVITATION.descriptionKey()))
                .isEqualTo("List invitations sent by the user");
    }

    @Test
    void theRoleRuleOfTheIssue() {
        assertThat(Arrays.stream(Operation.values()).filter(op -> op.minimumRole() == DomainRole.VIEWER))
                .extracting(op -> op.entityType().wireName() + "." + op.wireName())
                .containsExactlyInAnyOrder(
                        "clients.view",
                        "channels.view",
                        "groups.view",
                        "groups.retrieve_group_hierarchy",
                        "groups.list_children_groups",
                        "domains.read",
                        "domains.list",
                        "domains.list_invitation",
                        "domains.list_clients",
                        "domains.list_channels",
                        "domains.list_groups");
        assertThat(Arrays.stream(Operation.values()).filter(op -> op.minimumRole() == DomainRole.ADMIN))
                .extracting(Operation::wireName)
                .containsExactlyInAnyOrder(
                        "create",
                        "update",
                        "enable",
                        "disable",
                        "send_invitation",
                        "list_domain_invitation",
                        "delete_invitation");
        assertThat(Arrays.stream(Operation.values()).filter(Operation::isPlatformAdminOnly))
                .containsExactly(Operation.DOMAINS_CREATE);
        assertThat(Arrays.stream(Operation.values()).filter(op -> !op.isDomainBound()))
                .containsExactlyInAnyOrder(
                        Operation.DOMAINS_CREATE, Operation.DOMAINS_LIST, Operation.DOMAINS_LIST_INVITATION);
    }

    @Test
    void rolesAreOrderedAndHaveWireNames() {
        assertThat(DomainRole.ADMIN.atLeast(DomainRole.EDITOR)).isTrue();
        assertThat(DomainRole.EDITOR.atLeast(DomainRole.EDITOR)).isTrue();
        assertThat(DomainRole.VIEWER.atLeast(DomainRole.EDITOR)).isFalse();
        assertThat(Arrays.stream(DomainRole.values()).map(DomainRole::wireName))
                .containsExactly("viewer", "editor", "admin");
        assertThat(DomainRole.fromWire("editor")).contains(DomainRole.EDITOR);
    }
}
