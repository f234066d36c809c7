package dev.scopekeeper.domains.api;

import static dev.scopekeeper.authz.Operation.DOMAINS_LIST_INVITATION;

import dev.scopekeeper.authz.RequiresOperation;
import dev.scopekeeper.base.api.ListParams;
import dev.scopekeeper.base.api.ListResponses;
import dev.scopekeeper.domains.InvitationService;
import dev.scopekeeper.domains.api.DomainJson.InvitationList;
import dev.scopekeeper.domains.api.DomainJson.InvitationResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own invitations across domains: the ones they sent ({@code domains.list_invitation}) and the
 * ones addressed to them, which only the invitee accepts or rejects (no catalogue operation: a personal
 * matter, not an action inside a domain).
 */
@RestController
@RequestMapping("/api/v1/invitations")
@Tag(name = "Invitations")
class InvitationController {

    private final InvitationService invitations;

    InvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @RequiresOperation(DOMAINS_LIST_INVITATION)
    @Operation(summary = "List the invitations I sent, newest first")
    @GetMapping
    InvitationList listSent(@ParameterObject ListParams.Page page) {
        return ListResponses.of(
                invitations.listInvitation(page.offsetOrDefault(), page.limitOrDefault()),
                InvitationResponse::of,
                InvitationList::new);
    }

    @Operation(summary = "List the pending invitations addressed to me, newest first")
    @GetMapping("/received")
    InvitationList listReceived(@ParameterObject ListParams.Page page) {
        return ListResponses.of(
                invitations.listReceivedInvitations(page.offsetOrDefault(), page.limitOrDefault()),
                InvitationResponse::of,
                InvitationList::new);
    }

    @Operation(summary = "Accept an invitation addressed to me: I join the domain with the invited role")
    @PostMapping("/{invitationId}/accept")
    InvitationResponse accept(@PathVariable long invitationId) {
        return InvitationResponse.of(invitations.acceptInvitation(invitationId));
    }

    @Operation(summary = "Reject an invitation addressed to me")
    @PostMapping("/{invitationId}/reject")
    InvitationResponse reject(@PathVariable long invitationId) {
        return InvitationResponse.of(invitations.rejectInvitation(invitationId));
    }
}
