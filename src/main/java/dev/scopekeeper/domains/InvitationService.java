package dev.scopekeeper.domains;

import static dev.scopekeeper.authz.Operation.DOMAINS_DELETE_INVITATION;
import static dev.scopekeeper.authz.Operation.DOMAINS_LIST_DOMAIN_INVITATION;
import static dev.scopekeeper.authz.Operation.DOMAINS_LIST_INVITATION;
import static dev.scopekeeper.authz.Operation.DOMAINS_SEND_INVITATION;

import dev.scopekeeper.authz.DomainAccess;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.authz.NotADomainOperation;
import dev.scopekeeper.authz.RequiresOperation;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.OffsetPage;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.UserCredentialsOnly;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations into a domain: the {@code domains} operations send_invitation, list_invitation,
 * list_domain_invitation and delete_invitation, and the invitee's own business of listing, accepting and
 * rejecting what is addressed to them ({@link UserCredentialsOnly}: a personal access token never answers an
 * invitation for its owner).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class InvitationService {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "id");

    private final InvitationRepository invitations;
    private final DomainMemberRepository members;
    private final DomainAccess access;
    private final CurrentUser currentUser;
    private final Clock clock;

    InvitationService(
            InvitationRepository invitations,
            DomainMemberRepository members,
            DomainAccess access,
            CurrentUser currentUser,
            Clock clock) {
        this.invitations = invitations;
        this.members = members;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * domains.send_invitation to an existing user, by id. An id is only good for a user the caller can see (who
     * shares a domain with them; platform administrators see everyone): unknown ids and the ids of users the
     * caller cannot see get the same "No such user", so ids cannot be probed for usernames. Users one cannot see
     * are invited by username, which the inviter must already know.
     */
    @RequiresOperation(DOMAINS_SEND_INVITATION)
    @Transactional
    public InvitationView sendInvitation(long domainId, long inviteeId, DomainRole role) {
        if (!canSee(inviteeId)) {
            throw new InvalidInput("invitee", "invitation.userUnknown");
        }
        return invite(domainId, inviteeId, role);
    }

    /** Whether the caller may learn who the user with this id is: themselves, a co-member, or anyone for admins. */
    boolean canSee(long userId) {
        long me = currentUser.id();
        if (access.isPlatformAdmin()) {
            return members.userExists(userId);
        }
        return userId == me || members.shareADomain(me, userId);
    }

    /** domains.send_invitation to an existing user, by username. */
    @RequiresOperation(DOMAINS_SEND_INVITATION)
    @Transactional
    public InvitationView sendInvitation(long domainId, String inviteeUsername, DomainRole role) {
        long inviteeId = members.findUserIdByUsername(inviteeUsername == null ? "" : inviteeUsername.strip())
                .orElseThrow(() -> new InvalidInput("invitee", "invitation.userUnknown"));
        return invite(domainId, inviteeId, role);
    }

    /**
     * Invites a user the caller already identified (by id they can see, or by username); the caller's
     * domains.send_invitation is checked again, so a PAT needs that scope too.
     */
    @RequiresOperation(DOMAINS_SEND_INVITATION)
    InvitationView invite(long domainId, long inviteeId, DomainRole role) {
        if (role == null) {
            throw new InvalidInput("role", "validation.role.required");
        }
        if (members.findRole(domainId, inviteeId).isPresent()) {
            throw new Conflict("invitee", "invitation.alreadyMember");
        }
        if (invitations.existsByDomainIdAndInviteeIdAndState(domainId, inviteeId, InvitationState.PENDING)) {
            throw new Conflict("invitee", "invitation.alreadyPending");
        }
        Invitation invitation =
                invitations.saveAndFlush(new Invitation(domainId, inviteeId, role, currentUser.id(), clock.instant()));
        return invitations.findView(invitation.getId()).orElseThrow();
    }

    /** domains.list_invitation: the invitations the caller sent, newest first. */
    @RequiresOperation(DOMAINS_LIST_INVITATION)
    @Transactional(readOnly = true)
    public ListResult<InvitationView> listInvitation(int offset, int limit) {
        OffsetPage page = OffsetPage.of(offset, limit, NEWEST_FIRST);
        Optional<Set<Long>> visible = access.visibleDomainIds(DOMAINS_LIST_INVITATION);
        if (visible.isPresent() && visible.get().isEmpty()) {
            return ListResult.empty(page);
        }
        Page<InvitationView> result =
                invitations.findSentBy(currentUser.id(), visible.isEmpty(), visible.orElse(Set.of(-1L)), page);
        return ListResult.of(result, page, v -> v);
    }

    /** domains.list_domain_invitation: every invitation of the domain, newest first. */
    @RequiresOperation(DOMAINS_LIST_DOMAIN_INVITATION)
    @Transactional(readOnly = true)
    public ListResult<InvitationView> listDomainInvitation(long domainId, int offset, int limit) {
        OffsetPage page = OffsetPage.of(offset, limit, NEWEST_FIRST);
        return ListResult.of(invitations.findByDomain(domainId, page), page, v -> v);
    }

    /** domains.delete_invitation (any state; a pending one can then no longer be accepted). */
    @RequiresOperation(DOMAINS_DELETE_INVITATION)
    @Transactional
    public void deleteInvitation(long domainId, long invitationId) {
        invitations.delete(invitations
                .findByIdAndDomainId(invitationId, domainId)
                .orElseThrow(() -> new NotFound("invitation.notFound")));
    }

    /** The pending invitations addressed to the caller, newest first. */
    @UserCredentialsOnly
    @NotADomainOperation("the invitee's own invitations: only those addressed to the caller")
    @Transactional(readOnly = true)
    public ListResult<InvitationView> listReceivedInvitations(int offset, int limit) {
        OffsetPage page = OffsetPage.of(offset, limit, NEWEST_FIRST);
        return ListResult.of(invitations.findReceived(currentUser.id(), InvitationState.PENDING, page), page, v -> v);
    }

    /**
     * The invitee joins the domain with the invited role. If they joined meanwhile, a higher invited role raises
     * theirs and an equal one changes nothing; a stale invitation to a lower role is refused (409), never applied
     * silently, so accepting can neither demote a member nor take away a domain's last admin.
     */
    @UserCredentialsOnly
    @NotADomainOperation("the invitee's own invitations: only those addressed to the caller")
    @Transactional
    public InvitationView acceptInvitation(long invitationId) {
        Invitation invitation = pendingInvitationForMe(invitationId);
        Optional<DomainMember> existing =
                members.findByDomainIdAndUserId(invitation.getDomainId(), invitation.getInviteeId());
        if (existing.isPresent() && !invitation.getRole().atLeast(existing.get().getRole())) {
            throw new Conflict(
                    null,
                    "invitation.wouldLowerRole",
                    existing.get().getRole().wireName(),
                    invitation.getRole().wireName());
        }
        invitation.respond(InvitationState.ACCEPTED, clock.instant());
        existing.ifPresentOrElse(
                member -> member.setRole(invitation.getRole()),
                () -> members.save(new DomainMember(
                        invitation.getDomainId(), invitation.getInviteeId(), invitation.getRole(), clock.instant())));
        invitations.flush();
        return invitations.findView(invitationId).orElseThrow();
    }

    @UserCredentialsOnly
    @NotADomainOperation("the invitee's own invitations: only those addressed to the caller")
    @Transactional
    public InvitationView rejectInvitation(long invitationId) {
        Invitation invitation = pendingInvitationForMe(invitationId);
        invitation.respond(InvitationState.REJECTED, clock.instant());
        invitations.flush();
        return invitations.findView(invitationId).orElseThrow();
    }

    private Invitation pendingInvitationForMe(long invitationId) {
        Invitation invitation = invitations
                .findById(invitationId)
                .filter(i -> i.getInviteeId() == currentUser.id())
                .orElseThrow(() -> new NotFound("invitation.notFound"));
        if (invitation.getState() != InvitationState.PENDING) {
            throw new Conflict(null, "invitation.notPending");
        }
        return invitation;
    }
}
