package dev.scopekeeper.entities.api;

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

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scopekeeper.authz.RequiresOperation;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.api.ListParams;
import dev.scopekeeper.base.api.ListResponses;
import dev.scopekeeper.entities.GroupService;
import dev.scopekeeper.entities.GroupService.GroupRequest;
import dev.scopekeeper.entities.GroupView;
import dev.scopekeeper.entities.api.EntityJson.ChannelResponse;
import dev.scopekeeper.entities.api.EntityJson.ClientResponse;
import dev.scopekeeper.entities.api.EntityJson.GroupList;
import dev.scopekeeper.entities.api.EntityJson.GroupResponse;
import dev.scopekeeper.entities.api.EntityJson.GroupsResponse;
import dev.scopekeeper.entities.api.EntityJson.HierarchyResponse;
import dev.scopekeeper.entities.api.EntityJson.ParentBody;
import dev.scopekeeper.entities.api.EntityJson.TagsBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The groups of a domain and their hierarchy: one endpoint per {@code groups} operation, plus create_groups
 * and list_groups.
 */
@RestController
@RequestMapping("/api/v1/domains/{domainId}/groups")
@Tag(name = "Groups")
class GroupController {

    record GroupBody(
            @Size(max = Names.NAME_MAX) String name,
            @Size(max = Names.DESCRIPTION_MAX) String description,
            List<String> tags,
            @JsonProperty("parent_id") Long parentId) {}

    /** Omitted fields keep their values. */
    record GroupUpdateBody(String name, String description) {}

    /** The child groups to add or remove (Magistrala's {@code {"groups": [...]}}). */
    record ChildrenBody(
            @NotEmpty @Size(max = GroupService.MAX_CHILDREN_PER_CALL) List<@NotNull Long> groups) {}

    private final GroupService groups;

    GroupController(GroupService groups) {
        this.groups = groups;
    }

    @RequiresOperation(DOMAINS_CREATE_GROUPS)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<GroupResponse> create(@PathVariable long domainId, @RequestBody GroupBody body) {
        GroupView created = groups.create(
                domainId, new GroupRequest(body.name(), body.description(), body.tags(), body.parentId()));
        return ResponseEntity.created(URI.create("/api/v1/domains/" + domainId + "/groups/" + created.id()))
                .body(GroupResponse.of(created));
    }

    @RequiresOperation(DOMAINS_LIST_GROUPS)
    @GetMapping
    GroupList list(@PathVariable long domainId, @ParameterObject ListParams params) {
        return ListResponses.of(groups.list(domainId, params.toQuery()), GroupResponse::of, GroupList::new);
    }

    @RequiresOperation(GROUPS_VIEW)
    @GetMapping("/{id}")
    GroupResponse view(@PathVariable long domainId, @PathVariable long id) {
        return GroupResponse.of(groups.view(domainId, id));
    }

    @RequiresOperation(GROUPS_UPDATE)
    @Operation(summary = "Update a group's name and description (omitted fields keep their values)")
    @PatchMapping("/{id}")
    GroupResponse update(@PathVariable long domainId, @PathVariable long id, @RequestBody GroupUpdateBody body) {
        return GroupResponse.of(groups.updateGiven(domainId, id, body.name(), body.description()));
    }

    @RequiresOperation(GROUPS_UPDATE_TAGS)
    @PatchMapping("/{id}/tags")
    GroupResponse updateTags(@PathVariable long domainId, @PathVariable long id, @Valid @RequestBody TagsBody body) {
        return GroupResponse.of(groups.updateTags(domainId, id, body.tags()));
    }

    @RequiresOperation(GROUPS_ENABLE)
    @PostMapping("/{id}/enable")
    GroupResponse enable(@PathVariable long domainId, @PathVariable long id) {
        return GroupResponse.of(groups.enable(domainId, id));
    }

    @RequiresOperation(GROUPS_DISABLE)
    @PostMapping("/{id}/disable")
    GroupResponse disable(@PathVariable long domainId, @PathVariable long id) {
        return GroupResponse.of(groups.disable(domainId, id));
    }

    @RequiresOperation(GROUPS_DELETE)
    @Operation(summary = "Delete a group; its child groups, clients and channels stay, without a parent")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long domainId, @PathVariable long id) {
        groups.delete(domainId, id);
    }

    @RequiresOperation(GROUPS_RETRIEVE_GROUP_HIERARCHY)
    @Operation(summary = "Retrieve the group hierarchy: the group's ancestors and its descendants down to `depth`")
    @GetMapping("/{id}/hierarchy")
    HierarchyResponse hierarchy(
            @PathVariable long domainId,
            @PathVariable long id,
            @Parameter(description = "Descendant levels, 1 to " + GroupService.MAX_HIERARCHY_DEPTH)
                    @RequestParam(defaultValue = "1")
                    int depth) {
        return HierarchyResponse.of(depth, groups.retrieveGroupHierarchy(domainId, id, depth));
    }

    @RequiresOperation(GROUPS_ADD_PARENT_GROUP)
    @Operation(summary = "Assign a parent group (refused if it would make a cycle)")
    @PostMapping("/{id}/parent")
    GroupResponse addParentGroup(
            @PathVariable long domainId, @PathVariable long id, @Valid @RequestBody ParentBody body) {
        return GroupResponse.of(groups.addParentGroup(domainId, id, body.parentId()));
    }

    @RequiresOperation(GROUPS_REMOVE_PARENT_GROUP)
    @DeleteMapping("/{id}/parent")
    GroupResponse removeParentGroup(@PathVariable long domainId, @PathVariable long id) {
        return GroupResponse.of(groups.removeParentGroup(domainId, id));
    }

    @RequiresOperation(GROUPS_ADD_CHILDREN_GROUPS)
    @PostMapping("/{id}/children")
    GroupsResponse addChildren(
            @PathVariable long domainId, @PathVariable long id, @Valid @RequestBody ChildrenBody body) {
        return new GroupsResponse(groups.addChildrenGroups(domainId, id, body.groups()).stream()
                .map(GroupResponse::of)
                .toList());
    }

    @RequiresOperation(GROUPS_REMOVE_CHILDREN_GROUPS)
    @DeleteMapping("/{id}/children")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeChildren(@PathVariable long domainId, @PathVariable long id, @Valid @RequestBody ChildrenBody body) {
        groups.removeChildrenGroups(domainId, id, body.groups());
    }

    @RequiresOperation(GROUPS_REMOVE_ALL_CHILDREN_GROUPS)
    @DeleteMapping("/{id}/children/all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeAllChildren(@PathVariable long domainId, @PathVariable long id) {
        groups.removeAllChildrenGroups(domainId, id);
    }

    @RequiresOperation(GROUPS_LIST_CHILDREN_GROUPS)
    @GetMapping("/{id}/children")
    GroupList listChildren(@PathVariable long domainId, @PathVariable long id, @ParameterObject ListParams params) {
        return ListResponses.of(
                groups.listChildrenGroups(domainId, id, params.toQuery()), GroupResponse::of, GroupList::new);
    }

    @RequiresOperation(GROUPS_SET_CHILD_CLIENT)
    @PostMapping("/{id}/clients/{clientId}")
    ClientResponse setChildClient(@PathVariable long domainId, @PathVariable long id, @PathVariable long clientId) {
        return ClientResponse.of(groups.setChildClient(domainId, id, clientId));
    }

    @RequiresOperation(GROUPS_REMOVE_CHILD_CLIENT)
    @DeleteMapping("/{id}/clients/{clientId}")
    ClientResponse removeChildClient(@PathVariable long domainId, @PathVariable long id, @PathVariable long clientId) {
        return ClientResponse.of(groups.removeChildClient(domainId, id, clientId));
    }

    @RequiresOperation(GROUPS_SET_CHILD_CHANNEL)
    @PostMapping("/{id}/channels/{channelId}")
    ChannelResponse setChildChannel(@PathVariable long domainId, @PathVariable long id, @PathVariable long channelId) {
        return ChannelResponse.of(groups.setChildChannel(domainId, id, channelId));
    }

    @RequiresOperation(GROUPS_REMOVE_CHILD_CHANNEL)
    @DeleteMapping("/{id}/channels/{channelId}")
    ChannelResponse removeChildChannel(
            @PathVariable long domainId, @PathVariable long id, @PathVariable long channelId) {
        return ChannelResponse.of(groups.removeChildChannel(domainId, id, channelId));
    }
}
