package dev.scopekeeper.entities.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.entities.ChannelView;
import dev.scopekeeper.entities.ClientView;
import dev.scopekeeper.entities.GroupHierarchy;
import dev.scopekeeper.entities.GroupView;
import dev.scopekeeper.entities.IssuedClientSecret;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of clients, channels and groups, and the request bodies their endpoints share. */
final class EntityJson {

    private EntityJson() {}

    /** A client; {@code secret} only in the answers of create and update_secret, the one time it is readable. */
    record ClientResponse(
            long id,
            @JsonProperty("domain_id") long domainId,
            String name,
            List<String> tags,

            @Schema(allowableValues = {"enabled", "disabled"})
            String status,

            @JsonProperty("parent_id") Long parentId,
            @JsonProperty("created_at") Instant createdAt,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Only in the answers of create and update_secret")
            String secret) {

        static ClientResponse of(ClientView v) {
            return new ClientResponse(
                    v.id(),
                    v.domainId(),
                    v.name(),
                    v.tags(),
                    v.status().wireName(),
                    v.parentGroupId(),
                    v.createdAt(),
                    null);
        }

        static ClientResponse of(IssuedClientSecret issued) {
            ClientView v = issued.client();
            return new ClientResponse(
                    v.id(),
                    v.domainId(),
                    v.name(),
                    v.tags(),
                    v.status().wireName(),
                    v.parentGroupId(),
                    v.createdAt(),
                    issued.secret());
        }

        @Override
        public String toString() {
            return "ClientResponse[id=" + id + ", name=" + name + ", secret=<hidden>]";
        }
    }

    record ClientList(long total, int offset, int limit, List<ClientResponse> clients) {}

    record ChannelResponse(
            long id,
            @JsonProperty("domain_id") long domainId,
            String name,
            List<String> tags,

            @Schema(allowableValues = {"enabled", "disabled"})
            String status,

            @JsonProperty("parent_id") Long parentId,
            @JsonProperty("created_at") Instant createdAt) {

        static ChannelResponse of(ChannelView v) {
            return new ChannelResponse(
                    v.id(), v.domainId(), v.name(), v.tags(), v.status().wireName(), v.parentGroupId(), v.createdAt());
        }
    }

    record ChannelList(long total, int offset, int limit, List<ChannelResponse> channels) {}

    record GroupResponse(
            long id,
            @JsonProperty("domain_id") long domainId,
            String name,
            String description,
            List<String> tags,

            @Schema(allowableValues = {"enabled", "disabled"})
            String status,

            @JsonProperty("parent_id") Long parentId,
            @JsonProperty("created_at") Instant createdAt) {

        static GroupResponse of(GroupView v) {
            return new GroupResponse(
                    v.id(),
                    v.domainId(),
                    v.name(),
                    v.description(),
                    v.tags(),
                    v.status().wireName(),
                    v.parentGroupId(),
                    v.createdAt());
        }
    }

    record GroupList(long total, int offset, int limit, List<GroupResponse> groups) {}

    /** The groups add_children_groups changed. */
    record GroupsResponse(List<GroupResponse> groups) {}

    /** A group's ancestors (root first) and the group with its descendants down to {@code depth} levels. */
    record HierarchyResponse(int depth, List<GroupResponse> ancestors, Node group) {

        /** A group's fields plus its {@code children}. */
        record Node(@JsonUnwrapped GroupResponse group, List<Node> children) {

            static Node of(GroupHierarchy.Node node) {
                return new Node(
                        GroupResponse.of(node.group()),
                        node.children().stream().map(Node::of).toList());
            }
        }

        static HierarchyResponse of(int depth, GroupHierarchy hierarchy) {
            return new HierarchyResponse(
                    depth, hierarchy.ancestors().stream().map(GroupResponse::of).toList(), Node.of(hierarchy.group()));
        }
    }

    /** update (clients, channels): the new name. */
    record NameBody(@NotBlank @Size(max = Names.NAME_MAX) String name) {}

    /** update_tags: the complete new list of tags. */
    record TagsBody(@NotNull List<String> tags) {}

    /** set_parent_group / add_parent_group. */
    record ParentBody(@NotNull @JsonProperty("parent_id") Long parentId) {}

    record ChannelIdBody(
            @NotNull @JsonProperty("channel_id") Long channelId) {}

    record ClientIdBody(@NotNull @JsonProperty("client_id") Long clientId) {}
}
