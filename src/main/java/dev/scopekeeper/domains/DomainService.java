package dev.scopekeeper.domains;

import static dev.scopekeeper.authz.Operation.DOMAINS_CREATE;
import static dev.scopekeeper.authz.Operation.DOMAINS_DISABLE;
import static dev.scopekeeper.authz.Operation.DOMAINS_ENABLE;
import static dev.scopekeeper.authz.Operation.DOMAINS_LIST;
import static dev.scopekeeper.authz.Operation.DOMAINS_READ;
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
 * Domains themselves. One method per {@code domains} operation of the catalogue on the domain (create, read,
 * update, enable, disable, list); invitations are {@link InvitationService}'s, members {@link MemberService}'s,
 * the caller's current domain {@link CurrentDomainService}'s, and the create_/list_ clients, channels and groups
 * operations live in the entity services.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class DomainService {

    private static final Pattern ROUTE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Sort BY_NAME = Sort.by("name", "id");

    private final DomainRepository domains;
    private final DomainMemberRepository members;
    private final DomainAccess access;
    private final CurrentUser currentUser;
    private final Clock clock;

    DomainService(
            DomainRepository domains,
            DomainMemberRepository members,
            DomainAccess access,
            CurrentUser currentUser,
            Clock clock) {
        this.domains = domains;
        this.members = members;
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
