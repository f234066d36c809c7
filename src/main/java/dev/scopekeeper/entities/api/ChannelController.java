package dev.scopekeeper.entities.api;

import static dev.scopekeeper.authz.Operation.CHANNELS_CONNECT_CLIENT;
import static dev.scopekeeper.authz.Operation.CHANNELS_DELETE;
import static dev.scopekeeper.authz.Operation.CHANNELS_DISABLE;
import static dev.scopekeeper.authz.Operation.CHANNELS_DISCONNECT_CLIENT;
import static dev.scopekeeper.authz.Operation.CHANNELS_ENABLE;
import static dev.scopekeeper.authz.Operation.CHANNELS_REMOVE_PARENT_GROUP;
import static dev.scopekeeper.authz.Operation.CHANNELS_SET_PARENT_GROUP;
import static dev.scopekeeper.authz.Operation.CHANNELS_UPDATE;
import static dev.scopekeeper.authz.Operation.CHANNELS_UPDATE_TAGS;
import static dev.scopekeeper.authz.Operation.CHANNELS_VIEW;
import static dev.scopekeeper.authz.Operation.DOMAINS_CREATE_CHANNELS;
import static dev.scopekeeper.authz.Operation.DOMAINS_LIST_CHANNELS;

import dev.scopekeeper.authz.RequiresOperation;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.api.ListParams;
import dev.scopekeeper.base.api.ListResponses;
import dev.scopekeeper.entities.ChannelService;
import dev.scopekeeper.entities.ChannelService.ChannelRequest;
import dev.scopekeeper.entities.ChannelView;
import dev.scopekeeper.entities.api.EntityJson.ChannelList;
import dev.scopekeeper.entities.api.EntityJson.ChannelResponse;
import dev.scopekeeper.entities.api.EntityJson.ClientIdBody;
import dev.scopekeeper.entities.api.EntityJson.ClientList;
import dev.scopekeeper.entities.api.EntityJson.ClientResponse;
import dev.scopekeeper.entities.api.EntityJson.NameBody;
import dev.scopekeeper.entities.api.EntityJson.ParentBody;
import dev.scopekeeper.entities.api.EntityJson.TagsBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The channels of a domain: one endpoint per {@code channels} operation, plus create_channels and list_channels. */
@RestController
@RequestMapping("/api/v1/domains/{domainId}/channels")
@Tag(name = "Channels")
class ChannelController {

    record ChannelBody(@NotBlank @Size(max = Names.NAME_MAX) String name, List<String> tags) {}

    private final ChannelService channels;

    ChannelController(ChannelService channels) {
        this.channels = channels;
    }

    @RequiresOperation(DOMAINS_CREATE_CHANNELS)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ChannelResponse> create(@PathVariable long domainId, @RequestBody ChannelBody body) {
        ChannelView created = channels.create(domainId, new ChannelRequest(body.name(), body.tags()));
        return ResponseEntity.created(URI.create("/api/v1/domains/" + domainId + "/channels/" + created.id()))
                .body(ChannelResponse.of(created));
    }

    @RequiresOperation(DOMAINS_LIST_CHANNELS)
    @GetMapping
    ChannelList list(@PathVariable long domainId, @ParameterObject ListParams params) {
        return ListResponses.of(channels.list(domainId, params.toQuery()), ChannelResponse::of, ChannelList::new);
    }

    @RequiresOperation(CHANNELS_VIEW)
    @GetMapping("/{id}")
    ChannelResponse view(@PathVariable long domainId, @PathVariable long id) {
        return ChannelResponse.of(channels.view(domainId, id));
    }

    @RequiresOperation(CHANNELS_VIEW)
    @Operation(summary = "List the clients connected to a channel")
    @GetMapping("/{id}/clients")
    ClientList listClients(@PathVariable long domainId, @PathVariable long id, @ParameterObject ListParams params) {
        return ListResponses.of(
                channels.listConnectedClients(domainId, id, params.toQuery()), ClientResponse::of, ClientList::new);
    }

    @RequiresOperation(CHANNELS_UPDATE)
    @Operation(summary = "Rename a channel")
    @PatchMapping("/{id}")
    ChannelResponse update(@PathVariable long domainId, @PathVariable long id, @RequestBody NameBody body) {
        return ChannelResponse.of(channels.update(domainId, id, body.name()));
    }

    @RequiresOperation(CHANNELS_UPDATE_TAGS)
    @PatchMapping("/{id}/tags")
    ChannelResponse updateTags(@PathVariable long domainId, @PathVariable long id, @Valid @RequestBody TagsBody body) {
        return ChannelResponse.of(channels.updateTags(domainId, id, body.tags()));
    }

    @RequiresOperation(CHANNELS_ENABLE)
    @PostMapping("/{id}/enable")
    ChannelResponse enable(@PathVariable long domainId, @PathVariable long id) {
        return ChannelResponse.of(channels.enable(domainId, id));
    }

    @RequiresOperation(CHANNELS_DISABLE)
    @PostMapping("/{id}/disable")
    ChannelResponse disable(@PathVariable long domainId, @PathVariable long id) {
        return ChannelResponse.of(channels.disable(domainId, id));
    }

    @RequiresOperation(CHANNELS_DELETE)
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long domainId, @PathVariable long id) {
        channels.delete(domainId, id);
    }

    @RequiresOperation(CHANNELS_SET_PARENT_GROUP)
    @PostMapping("/{id}/parent")
    ChannelResponse setParentGroup(
            @PathVariable long domainId, @PathVariable long id, @Valid @RequestBody ParentBody body) {
        return ChannelResponse.of(channels.setParentGroup(domainId, id, body.parentId()));
    }

    @RequiresOperation(CHANNELS_REMOVE_PARENT_GROUP)
    @DeleteMapping("/{id}/parent")
    ChannelResponse removeParentGroup(@PathVariable long domainId, @PathVariable long id) {
        return ChannelResponse.of(channels.removeParentGroup(domainId, id));
    }

    @RequiresOperation(CHANNELS_CONNECT_CLIENT)
    @Operation(summary = "Connect a client of the same domain to the channel (connecting twice is harmless)")
    @PostMapping("/{id}/connect")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void connect(@PathVariable long domainId, @PathVariable long id, @Valid @RequestBody ClientIdBody body) {
        channels.connectClient(domainId, id, body.clientId());
    }

    @RequiresOperation(CHANNELS_DISCONNECT_CLIENT)
    @PostMapping("/{id}/disconnect")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect(@PathVariable long domainId, @PathVariable long id, @Valid @RequestBody ClientIdBody body) {
        channels.disconnectClient(domainId, id, body.clientId());
    }
}
