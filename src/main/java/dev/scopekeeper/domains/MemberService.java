package dev.scopekeeper.domains;

import static dev.scopekeeper.authz.Operation.DOMAINS_READ;
import static dev.scopekeeper.authz.Operation.DOMAINS_UPDATE;

import dev.scopekeeper.authz.DomainAccess;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.authz.RequiresOperation;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.OffsetPage;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A domain's members. The catalogue has no member operations of its own: listing counts as
 * {@code domains.read}, changing membership as {@code domains.update} (domain admins). A domain always
 * keeps at least one admin.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class MemberService {

    private final DomainMemberRepository members;
    private final DomainAccess access;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final InvitationService invitations;

    MemberService(
            DomainMemberRepository members,
            DomainAccess access,
            Clock clock,
            ApplicationEventPublisher events,
            InvitationService invitations) {
        this.members = members;
        this.invitations = invitations;
        this.access = access;
        this.clock = clock;
        this.events = events;
    }

    @RequiresOperation(DOMAINS_READ)
    @Transactional(readOnly = true)
    public ListResult<MemberView> listMembers(long domainId, int offset, int limit) {
        OffsetPage page = OffsetPage.of(offset, limit, Sort.by("userId"));
        return ListResult.of(members.findViews(domainId, page), page, m -> m);
    }

    /**
     * Changes the role of a member (posting again changes the role; the last admin stays), or brings in a user
     * who is not a member yet: platform administrators add them directly, domain admins send them an invitation
     * they accept or reject (consent). By id, a domain admin reaches only users they can see (co-members of one
     * of their domains); unknown ids and ids of users they cannot see both answer "No such user".
     */
    @RequiresOperation(DOMAINS_UPDATE)
    @Transactional
    public MemberAddition addMember(long domainId, long userId, DomainRole role) {
        if (role == null) {
            throw new InvalidInput("role", "validation.role.required");
        }
        if (members.findByDomainIdAndUserId(domainId, userId).isEmpty() && !invitations.canSee(userId)) {
            throw new InvalidInput("userId", "member.userUnknown");
        }
        return add(domainId, userId, role);
    }

    /** {@link #addMember(long, long, DomainRole)} for the user with that username (what people know). */
    @RequiresOperation(DOMAINS_UPDATE)
    @Transactional
    public MemberAddition addMember(long domainId, String username, DomainRole role) {
        long userId = members.findUserIdByUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> new InvalidInput("username", "member.userUnknown"));
        if (role == null) {
            throw new InvalidInput("role", "validation.role.required");
        }
        return add(domainId, userId, role);
    }

    private MemberAddition add(long domainId, long userId, DomainRole role) {
        Optional<DomainMember> existing = members.findByDomainIdAndUserId(domainId, userId);
        if (existing.isEmpty() && !access.isPlatformAdmin()) {
            return new MemberAddition(null, invitations.invite(domainId, userId, role));
        }
        existing.ifPresentOrElse(
                member -> {
                    if (role != DomainRole.ADMIN) {
                        requireAnotherAdmin(domainId, member);
                    }
                    member.setRole(role);
                },
                () -> members.save(new DomainMember(domainId, userId, role, clock.instant())));
        members.flush();
        return new MemberAddition(members.findView(domainId, userId).orElseThrow(), null);
    }

    @RequiresOperation(DOMAINS_UPDATE)
    @Transactional
    public void removeMember(long domainId, long userId) {
        DomainMember member =
                members.findByDomainIdAndUserId(domainId, userId).orElseThrow(() -> new NotFound("member.notFound"));
        requireAnotherAdmin(domainId, member);
        members.delete(member);
        members.flush();
        events.publishEvent(new MemberRemoved(domainId, userId));
    }

    private void requireAnotherAdmin(long domainId, DomainMember member) {
        if (member.getRole() == DomainRole.ADMIN && members.countByDomainIdAndRole(domainId, DomainRole.ADMIN) <= 1) {
            throw new Conflict("userId", "member.lastAdmin");
        }
    }
}
