package dev.scopekeeper.domains;

import static dev.scopekeeper.authz.Operation.DOMAINS_CREATE;
import static dev.scopekeeper.authz.Operation.DOMAINS_DELETE_INVITATION;
import static dev.scopekeeper.authz.Operation.DOMAINS_DISABLE;
import static dev.scopekeeper.authz.Operation.DOMAINS_ENABLE;
import static dev.scopekeeper.authz.Operation.DOMAINS_LIST;
import static dev.scopekeeper.authz.Operation.DOMAINS_LIST_DOMAIN_INVITATION;
import static dev.scopekeeper.authz.Operation.DOMAINS_LIST_INVITATION;
import static dev.scopekeeper.authz.Operation.DOMAINS_READ;
import static dev.scopekeeper.authz.Operation.DOMAINS_SEND_INVITATION;
import static dev.scopekeeper.authz.Operation.DOMAINS_UPDATE;

import dev.scopekeeper.authz.DomainAccess;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.authz.NotADomainOperation;
import dev.scopekeeper.authz.RequiresOperation;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.ListSpecs;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.OffsetPage;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.base.Tags;
import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.UserCredentialsOnly;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Domains, their invitations and the caller's current domain. One method per {@code domains} operation of
 * the catalogue (create, read, update, enable, disable, list, send_invitation, list_invitation,
 * list_domain_invitation, delete_invitation); the create_/list_ clients, channels and groups operations
 * live in the entity services. Accepting and rejecting an invitation is the invitee's own business.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class DomainService {

    private static final Pattern ROUTE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Sort BY_NAME = Sort.by("name", "id");
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "id");

    private final DomainRepository domains;
    private final DomainMemberRepository members;
    private final InvitationRepository invitations;
    private final UserPreferenceRepository preferences;
    private final DomainAccess access;
    private final CurrentUser currentUser;
    private final Clock clock;

    DomainService(
            DomainRepository domains,
            DomainMemberRepository members,
            InvitationRepository invitations,
            UserPreferenceRepository preferences,
            DomainAccess access,
            CurrentUser currentUser,
            Clock clock) {
        this.domains = domains;
        this.members = members;
        this.invitations = invitations;
        this.preferences = preferences;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** What a domain is made of: name (required), route (unique, lower-case URL-safe alias) and tags. */
    public record DomainRequest(String name, String route, List<String> tags) {}

    /** domains.create: platform administrators only; the creator becomes the domain's admin. */
    @RequiresOperation(DOMAINS_CREATE)
    @Transactional
    public DomainView create(DomainRequest request) {
        Validated valid = validate(request);
        if (domains.existsByRoute(valid.route())) {
            throw new Conflict("route", "domain.routeTaken", valid.route());
        }
        Domain domain = domains.saveAndFlush(
                new Domain(valid.name(), valid.route(), valid.tags(), currentUser.id(), clock.instant()));
        members.save(new DomainMember(domain.getId(), currentUser.id(), DomainRole.ADMIN, clock.instant()));
        return domain.toView(DomainRole.ADMIN);
    }

    /** domains.read */
    @RequiresOperation(DOMAINS_READ)
    @Transactional(readOnly = true)
    public DomainView read(long domainId) {
        return view(load(domainId));
    }

    /** domains.update: name, route and tags. */
    @RequiresOperation(DOMAINS_UPDATE)
    @Transactional
    public DomainView update(long domainId, DomainRequest request) {
        Validated valid = validate(request);
        if (domains.existsByRouteAndIdNot(valid.route(), domainId)) {
            throw new Conflict("route", "domain.routeTaken", valid.route());
        }
        Domain domain = load(domainId);
        domain.update(valid.name(), valid.route(), valid.tags());
        return view(domain);
    }

    /**
     * domains.update as the API's PATCH sends it: the fields left out (null) keep their values. Reading them is part
     * of the update (whose answer shows the whole domain anyway), so it needs no {@code domains.read} of its own.
     */
    @RequiresOperation(DOMAINS_UPDATE)
    @Transactional
    public DomainView updateGiven(long domainId, DomainRequest given) {
        DomainView current = view(load(domainId));
        return update(
                domainId,
                new DomainRequest(
                        given.name() == null ? current.name() : given.name(),
                        given.route() == null ? current.route() : given.route(),
                        given.tags() == null ? current.tags() : given.tags()));
    }

    /** domains.enable */
    @RequiresOperation(DOMAINS_ENABLE)
    @Transactional
    public DomainView enable(long domainId) {
        Domain domain = load(domainId);
        domain.setStatus(Status.ENABLED);
        return view(domain);
    }

    /** domains.disable: the domain and everything in it become read-only until enabled again. */
    @RequiresOperation(DOMAINS_DISABLE)
    @Transactional
    public DomainView disable(long domainId) {
        Domain domain = load(domainId);
        domain.setStatus(Status.DISABLED);
        return view(domain);
    }

    /** domains.list: the caller's domains (every domain for a platform administrator), by name. */
    @RequiresOperation(DOMAINS_LIST)
    @Transactional(readOnly = true)
    public ListResult<DomainView> list(ListQuery query) {
        OffsetPage page = query.toPageable(BY_NAME);
        Specification<Domain> spec = ListSpecs.matching(query);
        long me = currentUser.id();
        boolean platformAdmin = access.isPlatformAdmin();
        if (!platformAdmin) {
            spec = spec.and((root, q, cb) -> {
                var sub = q.subquery(Long.class);
                var member = sub.from(DomainMember.class);
                sub.select(member.get("domainId")).where(cb.equal(member.get("userId"), me));
                return root.get("id").in(sub);
            });
        }
        Optional<Set<Long>> visible = access.visibleDomainIds(DOMAINS_LIST);
        if (visible.isPresent()) {
            spec = spec.and(ListSpecs.idIn(visible.get()));
        }
        Page<Domain> result = domains.findAll(spec, page);
        Map<Long, DomainRole> roles = platformAdmin
                ? Map.of()
                : members
                        .findByUserIdAndDomainIdIn(me, result.map(Domain::getId).getContent())
                        .stream()
                        .collect(Collectors.toMap(DomainMember::getDomainId, DomainMember::getRole));
        return ListResult.of(result, page, d -> d.toView(platformAdmin ? DomainRole.ADMIN : roles.get(d.getId())));
    }

    /**
     * The domains one user is a member of, by name (platform administrators only): what an administrator may
     * scope a token minted for that user to.
     */
    @NotADomainOperation("platform administrators only (@PreAuthorize): what a token minted for the user may reach")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ListResult<DomainView> listOfMember(long userId, ListQuery query) {
        OffsetPage page = query.toPageable(BY_NAME);
        Specification<Domain> spec = ListSpecs.matching(query);
        spec = spec.and((root, q, cb) -> {
            var sub = q.subquery(Long.class);
            var member = sub.from(DomainMember.class);
            sub.select(member.get("domainId")).where(cb.equal(member.get("userId"), userId));
            return root.get("id").in(sub);
        });
        Page<Domain> result = domains.findAll(spec, page);
        Map<Long, DomainRole> roles =
                members
                        .findByUserIdAndDomainIdIn(
                                userId, result.map(Domain::getId).getContent())
                        .stream()
                        .collect(Collectors.toMap(DomainMember::getDomainId, DomainMember::getRole));
        return ListResult.of(result, page, d -> d.toView(roles.get(d.getId())));
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

    /**
     * The domain the UI works in: the remembered one while the caller may still read it, else the first of
     * their domains by name; empty when they have none.
     */
    @RequiresOperation(DOMAINS_LIST)
    @Transactional(readOnly = true)
    public Optional<DomainView> currentDomain() {
        long me = currentUser.id();
        Optional<Long> remembered = preferences
                .findById(me)
                .map(UserPreference::getCurrentDomainId)
                .filter(id -> access.roleOf(me, id).isPresent());
        if (remembered.isPresent()) {
            return Optional.of(read(remembered.get()));
        }
        return list(ListQuery.page(0, 1)).items().stream().findFirst();
    }

    /** Makes a domain the caller can read their current domain, remembered across sessions. */
    @RequiresOperation(DOMAINS_READ)
    @Transactional
    public DomainView switchDomain(long domainId) {
        DomainView domain = read(domainId);
        UserPreference preference =
                preferences.findById(currentUser.id()).orElseGet(() -> new UserPreference(currentUser.id()));
        preference.setCurrentDomainId(domainId);
        preferences.save(preference);
        return domain;
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

    private Domain load(long domainId) {
        return domains.findById(domainId).orElseThrow(() -> new NotFound("domain.notFound"));
    }

    private DomainView view(Domain domain) {
        return domain.toView(access.roleOf(currentUser.id(), domain.getId()).orElse(null));
    }

    private record Validated(String name, String route, List<String> tags) {}

    private static Validated validate(DomainRequest request) {
        Objects.requireNonNull(request, "request");
        String name = Names.name("name", request.name());
        String route = request.route() == null ? "" : request.route().strip();
        if (route.isEmpty()) {
            throw new InvalidInput("route", "domain.route.required");
        }
        if (!ROUTE.matcher(route).matches()) {
            throw new InvalidInput("route", "domain.route.format");
        }
        return new Validated(name, route, Tags.validate(request.tags()));
    }
}
