package dev.scopekeeper.domains.api;

import static dev.scopekeeper.authz.Operation.DOMAINS_CREATE;
import static dev.scopekeeper.authz.Operation.DOMAINS_DELETE_INVITATION;
import static dev.scopekeeper.authz.Operation.DOMAINS_DISABLE;
import static dev.scopekeeper.authz.Operation.DOMAINS_ENABLE;
import static dev.scopekeeper.authz.Operation.DOMAINS_LIST;
import static dev.scopekeeper.authz.Operation.DOMAINS_LIST_DOMAIN_INVITATION;
import static dev.scopekeeper.authz.Operation.DOMAINS_READ;
import static dev.scopekeeper.authz.Operation.DOMAINS_SEND_INVITATION;
import static dev.scopekeeper.authz.Operation.DOMAINS_UPDATE;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scopekeeper.authz.RequiresOperation;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.api.ListParams;
import dev.scopekeeper.base.api.ListResponses;
import dev.scopekeeper.domains.DomainService;
import dev.scopekeeper.domains.DomainService.DomainRequest;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.domains.InvitationService;
import dev.scopekeeper.domains.MemberAddition;
import dev.scopekeeper.domains.MemberService;
import dev.scopekeeper.domains.api.DomainJson.DomainList;
import dev.scopekeeper.domains.api.DomainJson.DomainResponse;
import dev.scopekeeper.domains.api.DomainJson.InvitationList;
import dev.scopekeeper.domains.api.DomainJson.InvitationResponse;
import dev.scopekeeper.domains.api.DomainJson.MemberList;
import dev.scopekeeper.domains.api.DomainJson.MemberResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Domains, their members and their invitations ({@code domains} operations of the catalogue). */
@RestController
@RequestMapping("/api/v1/domains")
@Tag(name = "Domains")
class DomainController {

    /** Create: name and route required. Update: omitted fields keep their values. */
    record DomainBody(
            @Size(max = Names.NAME_MAX) String name,
            @JsonAlias("alias") String route,
            List<String> tags) {}

    record MemberBody(
            @NotNull @JsonProperty("user_id") Long userId,

            @NotNull @Schema(allowableValues = {"admin", "editor", "viewer"})
            String role) {}

    /** Magistrala sends {@code invitee_user_id}; {@code user_id} as for members works too. */
    record InvitationBody(
            @NotNull @JsonProperty("user_id") @JsonAlias("invitee_user_id")
            Long userId,

            @NotNull @Schema(allowableValues = {"admin", "editor", "viewer"}) @JsonAlias("relation")
            String role) {}

    private final DomainService domains;
    private final MemberService members;
    private final InvitationService invitations;

    DomainController(DomainService domains, MemberService members, InvitationService invitations) {
        this.domains = domains;
        this.members = members;
        this.invitations = invitations;
    }

    @RequiresOperation(DOMAINS_CREATE)
    @Operation(summary = "Create a domain (platform administrators; the creator becomes its admin)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DomainResponse> create(@RequestBody DomainBody body) {
        DomainView created = domains.create(new DomainRequest(body.name(), body.route(), body.tags()));
        return ResponseEntity.created(URI.create("/api/v1/domains/" + created.id()))
                .body(DomainResponse.of(created));
    }

    @RequiresOperation(DOMAINS_LIST)
    @Operation(summary = "List my domains (every domain for platform administrators), by name")
    @GetMapping
    DomainList list(@ParameterObject ListParams params) {
        return ListResponses.of(domains.list(params.toQuery()), DomainResponse::of, DomainList::new);
    }

    @RequiresOperation(DOMAINS_READ)
    @GetMapping("/{domainId}")
    DomainResponse read(@PathVariable long domainId) {
        return DomainResponse.of(domains.read(domainId));
    }

    @RequiresOperation(DOMAINS_UPDATE)
    @Operation(summary = "Update a domain's name, route and tags (omitted fields keep their values)")
    @PatchMapping("/{domainId}")
    DomainResponse update(@PathVariable long domainId, @RequestBody DomainBody body) {
        return DomainResponse.of(
                domains.updateGiven(domainId, new DomainRequest(body.name(), body.route(), body.tags())));
    }

    @RequiresOperation(DOMAINS_ENABLE)
    @PostMapping("/{domainId}/enable")
    DomainResponse enable(@PathVariable long domainId) {
        return DomainResponse.of(domains.enable(domainId));
    }

    @RequiresOperation(DOMAINS_DISABLE)
    @Operation(summary = "Disable the domain: it and everything in it become read-only until enabled again")
    @PostMapping("/{domainId}/disable")
    DomainResponse disable(@PathVariable long domainId) {
        return DomainResponse.of(domains.disable(domainId));
    }

    @RequiresOperation(DOMAINS_READ)
    @Operation(summary = "List the domain's members")
    @GetMapping("/{domainId}/members")
    MemberList listMembers(@PathVariable long domainId, @ParameterObject ListParams.Page page) {
        return ListResponses.of(
                members.listMembers(domainId, page.offsetOrDefault(), page.limitOrDefault()),
                MemberResponse::of,
                MemberList::new);
    }

    @RequiresOperation(DOMAINS_UPDATE)
    @Operation(
            summary = "Change a member's role, or bring a user into the domain (domain admins: by invitation)",
            description = "A member: their role changes (200, the member; the domain keeps at least one admin)."
                    + " A user who is not a member yet: platform administrators add them directly (200, the"
                    + " member); domain admins send them an invitation they accept or reject (202, the invitation;"
                    + " needs domains:send_invitation too). Domain admins reach by id only users they can see"
                    + " (members of one of their domains): an unknown id and the id of a user they cannot see both"
                    + " answer 422 \"No such user\" (also at POST .../invitations, which takes user_id too); others"
                    + " are invited by username in the UI.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The member, with the role",
                        content = @Content(schema = @Schema(implementation = MemberResponse.class))),
                @ApiResponse(
                        responseCode = "202",
                        description = "An invitation was sent; the user becomes a" + " member on accepting it",
                        content = @Content(schema = @Schema(implementation = InvitationResponse.class)))
            })
    @PostMapping("/{domainId}/members")
    ResponseEntity<Object> addMember(@PathVariable long domainId, @Valid @RequestBody MemberBody body) {
        MemberAddition added = members.addMember(domainId, body.userId(), DomainJson.role(body.role()));
        return added.invited()
                ? ResponseEntity.accepted().body(InvitationResponse.of(added.invitation()))
                : ResponseEntity.ok(MemberResponse.of(added.member()));
    }

    @RequiresOperation(DOMAINS_UPDATE)
    @Operation(summary = "Remove a member from the domain (a domain keeps at least one admin)")
    @DeleteMapping("/{domainId}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(@PathVariable long domainId, @PathVariable long userId) {
        members.removeMember(domainId, userId);
    }

    @RequiresOperation(DOMAINS_SEND_INVITATION)
    @Operation(summary = "Invite an existing user to the domain with a role")
    @PostMapping("/{domainId}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationResponse sendInvitation(@PathVariable long domainId, @Valid @RequestBody InvitationBody body) {
        return InvitationResponse.of(invitations.sendInvitation(domainId, body.userId(), DomainJson.role(body.role())));
    }

    @RequiresOperation(DOMAINS_LIST_DOMAIN_INVITATION)
    @GetMapping("/{domainId}/invitations")
    InvitationList listDomainInvitations(@PathVariable long domainId, @ParameterObject ListParams.Page page) {
        return ListResponses.of(
                invitations.listDomainInvitation(domainId, page.offsetOrDefault(), page.limitOrDefault()),
                InvitationResponse::of,
                InvitationList::new);
    }

    @RequiresOperation(DOMAINS_DELETE_INVITATION)
    @DeleteMapping("/{domainId}/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteInvitation(@PathVariable long domainId, @PathVariable long invitationId) {
        invitations.deleteInvitation(domainId, invitationId);
    }
}
