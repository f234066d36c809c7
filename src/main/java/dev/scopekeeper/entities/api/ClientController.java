package dev.scopekeeper.entities.api;

import static dev.scopekeeper.authz.Operation.CLIENTS_CONNECT_TO_CHANNEL;
import static dev.scopekeeper.authz.Operation.CLIENTS_DELETE;
import static dev.scopekeeper.authz.Operation.CLIENTS_DISABLE;
import static dev.scopekeeper.authz.Operation.CLIENTS_DISCONNECT_FROM_CHANNEL;
import static dev.scopekeeper.authz.Operation.CLIENTS_ENABLE;
import static dev.scopekeeper.authz.Operation.CLIENTS_REMOVE_PARENT_GROUP;
import static dev.scopekeeper.authz.Operation.CLIENTS_SET_PARENT_GROUP;
import static dev.scopekeeper.authz.Operation.CLIENTS_UPDATE;
import static dev.scopekeeper.authz.Operation.CLIENTS_UPDATE_SECRET;
import static dev.scopekeeper.authz.Operation.CLIENTS_UPDATE_TAGS;
import static dev.scopekeeper.authz.Operation.CLIENTS_VIEW;
import static dev.scopekeeper.authz.Operation.DOMAINS_CREATE_CLIENTS;
import static dev.scopekeeper.authz.Operation.DOMAINS_LIST_CLIENTS;

import dev.scopekeeper.authz.RequiresOperation;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.api.ListParams;
import dev.scopekeeper.base.api.ListResponses;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.ClientService.ClientRequest;
import dev.scopekeeper.entities.IssuedClientSecret;
import dev.scopekeeper.entities.api.EntityJson.ChannelIdBody;
import dev.scopekeeper.entities.api.EntityJson.ChannelList;
import dev.scopekeeper.entities.api.EntityJson.ChannelResponse;
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

/** The clients of a domain: one endpoint per {@code clients} operation, plus create_clients and list_clients. */
@RestController
@RequestMapping("/api/v1/domains/{domainId}/clients")
@Tag(name = "Clients")
class ClientController {

    record ClientBody(@NotBlank @Size(max = Names.NAME_MAX) String name, List<String> tags) {}

    private final ClientService clients;

    ClientController(ClientService clients) {
        this.clients = clients;
    }

    @RequiresOperation(DOMAINS_CREATE_CLIENTS)
    @Operation(summary = "Create a client; the answer carries its secret, which is never shown again")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ClientResponse> create(@PathVariable long domainId, @RequestBody ClientBody body) {
        IssuedClientSecret created = clients.create(domainId, new ClientRequest(body.name(), body.tags()));
        return ResponseEntity.created(URI.create("/api/v1/domains/" + domainId + "/clients/"
                        + created.client().id()))
                .body(ClientResponse.of(created));
    }

    @RequiresOperation(DOMAINS_LIST_CLIENTS)
    @GetMapping
    ClientList list(@PathVariable long domainId, @ParameterObject ListParams params) {
        return ListResponses.of(clients.list(domainId, params.toQuery()), ClientResponse::of, ClientList::new);
    }

    @RequiresOperation(CLIENTS_VIEW)
    @GetMapping("/{id}")
    ClientResponse view(@PathVariable long domainId, @PathVariable long id) {
        return ClientResponse.of(clients.view(domainId, id));
    }

    @RequiresOperation(CLIENTS_VIEW)
    @Operation(summary = "List the channels a client is connected to")
    @GetMapping("/{id}/channels")
    ChannelList listChannels(@PathVariable long domainId, @PathVariable long id, @ParameterObject ListParams params) {
        return ListResponses.of(
                clients.listConnectedChannels(domainId, id, params.toQuery()), ChannelResponse::of, ChannelList::new);
    }

    @RequiresOperation(CLIENTS_UPDATE)
    @Operation(summary = "Rename a client")
    @PatchMapping("/{id}")
    ClientResponse update(@PathVariable long domainId, @PathVariable long id, @RequestBody NameBody body) {
        return ClientResponse.of(clients.update(domainId, id, body.name()));
    }

    @RequiresOperation(CLIENTS_UPDATE_TAGS)
    @PatchMapping("/{id}/tags")
    ClientResponse updateTags(@PathVariable long domainId, @PathVariable long id, @Valid @RequestBody TagsBody body) {
        return ClientResponse.of(clients.updateTags(domainId, id, body.tags()));
    }

    @RequiresOperation(CLIENTS_UPDATE_SECRET)
    @Operation(summary = "Issue a new client secret (the old one stops working); the answer carries it once")
    @PatchMapping("/{id}/secret")
    ClientResponse updateSecret(@PathVariable long domainId, @PathVariable long id) {
        return ClientResponse.of(clients.updateSecret(domainId, id));
    }

    @RequiresOperation(CLIENTS_ENABLE)
    @PostMapping("/{id}/enable")
    ClientResponse enable(@PathVariable long domainId, @PathVariable long id) {
        return ClientResponse.of(clients.enable(domainId, id));
    }

    @RequiresOperation(CLIENTS_DISABLE)
    @PostMapping("/{id}/disable")
    ClientResponse disable(@PathVariable long domainId, @PathVariable long id) {
        return ClientResponse.of(clients.disable(domainId, id));
    }

    @RequiresOperation(CLIENTS_DELETE)
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long domainId, @PathVariable long id) {
        clients.delete(domainId, id);
    }

    @RequiresOperation(CLIENTS_SET_PARENT_GROUP)
    @PostMapping("/{id}/parent")
    ClientResponse setParentGroup(
            @PathVariable long domainId, @PathVariable long id, @Valid @RequestBody ParentBody body) {
        return ClientResponse.of(clients.setParentGroup(domainId, id, body.parentId()));
    }

    @RequiresOperation(CLIENTS_REMOVE_PARENT_GROUP)
    @DeleteMapping("/{id}/parent")
    ClientResponse removeParentGroup(@PathVariable long domainId, @PathVariable long id) {
        return ClientResponse.of(clients.removeParentGroup(domainId, id));
    }

    @RequiresOperation(CLIENTS_CONNECT_TO_CHANNEL)
    @Operation(summary = "Connect a client to a channel of the same domain (connecting twice is harmless)")
    @PostMapping("/{id}/connect")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void connect(@PathVariable long domainId, @PathVariable long id, @Valid @RequestBody ChannelIdBody body) {
        clients.connectToChannel(domainId, id, body.channelId());
    }

    @RequiresOperation(CLIENTS_DISCONNECT_FROM_CHANNEL)
    @PostMapping("/{id}/disconnect")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect(@PathVariable long domainId, @PathVariable long id, @Valid @RequestBody ChannelIdBody body) {
        clients.disconnectFromChannel(domainId, id, body.channelId());
    }
}
