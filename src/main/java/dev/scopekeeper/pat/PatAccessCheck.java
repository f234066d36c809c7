package dev.scopekeeper.pat;

import dev.scopekeeper.authz.AccessDecision;
import dev.scopekeeper.authz.AccessRule;
import dev.scopekeeper.authz.DomainAccess;
import dev.scopekeeper.authz.DomainDirectory;
import dev.scopekeeper.authz.EndpointOperations;
import dev.scopekeeper.authz.EntityDirectory;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.authz.Scope;
import dev.scopekeeper.authz.TokenGrant;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.UserCredentialsOnly;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a personal access token may do, decided by the one authorization rule ({@code authz.AccessRule}, through
 * {@link DomainAccess#decide}) for a token that is not the caller's credential: the token's state and scopes, its
 * owner's rights right now, and whether the entity exists. Never needs or sees the secret. The simulator (the
 * detail page's Check access panel, {@code POST /api/v1/pats/{id}/check}) and the Effective column use it.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class PatAccessCheck {

    /** What was checked: the operation (null for an endpoint outside the catalogue), its domain and entity. */
    public record Target(Long domainId, EntityType entityType, Operation operation, Long entityId) {}

    /**
     * The decision, what it was about and its explanation: {@code detailKey} (a translation key, {@code
     * pat.check.<reason>}, or {@code pat.check.entity_outside_scope.any} when no entity was named) with {@code
     * detailArgs} {entity type, operation, domain name, owner role, minimum role, entity id}; the decision's
     * closest and suggested scopes as shown, with their domain and entity names (null when the decision has none).
     */
    public record CheckResult(
            AccessDecision decision,
            Target target,
            String detailKey,
            Object[] detailArgs,
            PatScopeView closestScope,
            PatScopeView suggestedScope) {}

    /**
     * What one scope is worth right now: {@code reason} is the rule's code ({@code allowed} when effective),
     * {@code detailKey} ({@code pat.effect.<reason>}) with {@code detailArgs} {domain name, owner role, entity
     * type, operation}.
     */
    public record ScopeEffect(boolean effective, String reason, String detailKey, Object[] detailArgs) {}

    private final PatRepository pats;
    private final DomainAccess access;
    private final DomainDirectory domains;
    private final EntityDirectory entities;
    private final EndpointOperations endpoints;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final PatScopeViews scopeViews;

    PatAccessCheck(
            PatRepository pats,
            DomainAccess access,
            DomainDirectory domains,
            EntityDirectory entities,
            EndpointOperations endpoints,
            CurrentUser currentUser,
            Clock clock) {
        this.pats = pats;
        this.access = access;
        this.domains = domains;
        this.entities = entities;
        this.endpoints = endpoints;
        this.currentUser = currentUser;
        this.clock = clock;
        this.scopeViews = new PatScopeViews(domains, entities);
    }

    /**
     * The simulator: whether the token {@code patId} may perform {@code op} (in {@code domainId} on {@code
     * entityIdOrNull}; {@code domainId} is ignored for operations not bound to a domain). Its owner and platform
     * administrators may ask, with user credentials; anyone else's token is "not found".
     */
    @Transactional(readOnly = true)
    @UserCredentialsOnly(UserCredentialsOnly.TOKEN_MANAGEMENT)
    public CheckResult check(long patId, Long domainId, Operation op, Long entityIdOrNull) {
        PersonalAccessToken pat = visible(patId);
        if (op.isDomainBound() && domainId == null) {
            throw new InvalidInput("domain_id", "access.check.domain.required");
        }
        Target target = new Target(op.isDomainBound() ? domainId : null, op.entityType(), op, entityIdOrNull);
        return explained(decide(pat.getOwnerId(), grant(pat, clock.instant()), domainId, op, entityIdOrNull), target);
    }

    /**
     * The simulator for an HTTP request line ({@code PATCH /api/v1/domains/5/clients/12/tags}): the operation is
     * the one the endpoint declares ({@link EndpointOperations}); an endpoint outside the catalogue is denied to
     * every token, one that needs no authentication allowed. Unknown method or path: InvalidInput naming it.
     */
    @Transactional(readOnly = true)
    @UserCredentialsOnly(UserCredentialsOnly.TOKEN_MANAGEMENT)
    public CheckResult checkRequest(long patId, String method, String path) {
        PersonalAccessToken pat = visible(patId);
        EndpointOperations.Endpoint endpoint = endpoints.resolve(method, path);
        return switch (endpoint) {
            case EndpointOperations.Declared declared ->
                explained(
                        decide(
                                pat.getOwnerId(),
                                grant(pat, clock.instant()),
                                declared.domainId(),
                                declared.op(),
                                declared.entityId()),
                        new Target(
                                declared.domainId(), declared.op().entityType(), declared.op(), declared.entityId()));
            case EndpointOperations.Open open ->
                explained(AccessRule.noAuthentication(), new Target(null, null, null, null));
            case EndpointOperations.OwnToken own ->
                explained(AccessRule.ownToken(grant(pat, clock.instant())), new Target(null, null, null, null));
            case EndpointOperations.UserOnly userOnly ->
                explained(AccessRule.userCredentialsOnly(userOnly.refusal()), new Target(null, null, null, null));
        };
    }

    /**
     * For a token authenticated by {@link PatAuthenticator} (active by construction), e.g. another service asking
     * whether to accept it: the same decision the token's own request would get. No caller check of its own
     * beyond being authenticated: the endpoint that calls it decides who may ask.
     */
    @Transactional(readOnly = true)
    public AccessDecision check(PatAuthentication token, Long domainId, Operation op, Long entityIdOrNull) {
        return decide(
                token.getPrincipal().id(),
                TokenGrant.active(PatAccessRestriction.scopes(token)),
                domainId,
                op,
                entityIdOrNull);
    }

    /**
     * The Effective column: what each of the token's scopes (by scope id) is worth to its owner right now. The
     * owner's facts in every domain are read in one statement and entities in one per (domain, type), so the cost
     * does not grow with the number of scopes.
     */
    @Transactional(readOnly = true)
    @UserCredentialsOnly(UserCredentialsOnly.TOKEN_MANAGEMENT)
    public Map<Long, ScopeEffect> effects(long patId) {
        PersonalAccessToken pat = visible(patId);
        return effectsOf(pat);
    }

    Map<Long, ScopeEffect> effectsOf(PersonalAccessToken pat) {
        List<PatScope> scopes = List.copyOf(pat.getScopes());
        if (scopes.isEmpty()) {
            return Map.of();
        }
        Set<Long> domainIds = new TreeSet<>();
        Map<Long, Map<EntityType, Set<Long>>> named = new HashMap<>();
        for (PatScope scope : scopes) {
            Scope s = scope.key().asScope();
            domainIds.add(s.domainId());
            entityId(s).ifPresent(id -> named.computeIfAbsent(s.domainId(), d -> new HashMap<>())
                    .computeIfAbsent(s.entityType(), t -> new TreeSet<>())
                    .add(id));
        }
        Map<Long, Map<EntityType, Set<Long>>> existing = new HashMap<>();
        named.forEach((domainId, byType) ->
                byType.forEach((type, ids) -> existing.computeIfAbsent(domainId, d -> new HashMap<>())
                        .put(type, entities.entityNames(domainId, type, ids).keySet())));
        Map<Scope, AccessDecision> decided = access.effects(
                pat.getOwnerId(), scopes.stream().map(s -> s.key().asScope()).toList(), s -> entityId(s)
                        .map(id -> existing.getOrDefault(s.domainId(), Map.of())
                                .getOrDefault(s.entityType(), Set.of())
                                .contains(id))
                        .orElse(true));
        Map<Long, String> names = domains.domainNames(domainIds);
        Map<Long, ScopeEffect> result = new HashMap<>();
        for (PatScope scope : scopes) {
            Scope s = scope.key().asScope();
            AccessDecision decision = decided.get(s);
            String reason = decision.reason().code();
            result.put(scope.getId(), new ScopeEffect(decision.allowed(), reason, "pat.effect." + reason, new Object[] {
                names.getOrDefault(s.domainId(), "#" + s.domainId()),
                decision.ownerRole() == null ? "" : decision.ownerRole().wireName(),
                s.entityType().wireName(),
                s.operation()
            }));
        }
        return result;
    }

    private AccessDecision decide(long ownerId, TokenGrant grant, Long domainId, Operation op, Long entityIdOrNull) {
        if (!op.isDomainBound()) {
            return access.decideUnbound(ownerId, grant, op);
        }
        if (domainId == null) {
            throw new IllegalArgumentException(op + " needs a domain");
        }
        return access.decide(ownerId, grant, domainId, op, entityIdOrNull, exists(domainId, op, entityIdOrNull));
    }

    private CheckResult explained(AccessDecision decision, Target target) {
        // the domain is named only once the owner is known to be in it
        String domainName = target.domainId() == null
                ? ""
                : decision.reason() == AccessDecision.Reason.DOMAIN_NOT_FOUND
                        ? "#" + target.domainId()
                        : domains.domainName(target.domainId()).orElse("#" + target.domainId());
        Operation op = target.operation();
        String detailKey = "pat.check." + decision.reason().code();
        if (decision.reason() == AccessDecision.Reason.ENTITY_OUTSIDE_SCOPE && target.entityId() == null) {
            // a question about any entity of the type: there is no id to name
            detailKey += ".any";
        }
        // the scopes the answer names, with their domain and entity names: resolved together, in one batch
        List<Scope> named = java.util.stream.Stream.of(decision.closestScope(), decision.suggestedScope())
                .filter(java.util.Objects::nonNull)
                .toList();
        Map<Scope, PatScopeView> views = scopeViews.ofScopes(named);
        return new CheckResult(
                decision,
                target,
                detailKey,
                new Object[] {
                    op == null ? "" : op.entityType().wireName(),
                    op == null ? "" : op.wireName(),
                    domainName,
                    decision.ownerRole() == null ? "" : decision.ownerRole().wireName(),
                    op == null ? "" : op.minimumRole().wireName(),
                    target.entityId() == null ? "" : target.entityId().toString()
                },
                decision.closestScope() == null ? null : views.get(decision.closestScope()),
                decision.suggestedScope() == null ? null : views.get(decision.suggestedScope()));
    }

    private boolean exists(long domainId, Operation op, Long entityIdOrNull) {
        return entityIdOrNull == null
                || op.entityType() == EntityType.DOMAINS
                || entities.entityName(domainId, op.entityType(), entityIdOrNull)
                        .isPresent();
    }

    private static java.util.Optional<Long> entityId(Scope scope) {
        if (Scope.ANY.equals(scope.entity()) || scope.entityType() == EntityType.DOMAINS) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Long.parseLong(scope.entity()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    static TokenGrant grant(PersonalAccessToken pat, Instant now) {
        TokenGrant.State state =
                switch (pat.status(now)) {
                    case ACTIVE -> TokenGrant.State.ACTIVE;
                    case REVOKED -> TokenGrant.State.REVOKED;
                    case EXPIRED -> TokenGrant.State.EXPIRED;
                };
        return new TokenGrant(
                state, pat.getScopes().stream().map(s -> s.key().asScope()).toList());
    }

    private PersonalAccessToken visible(long patId) {
        return pats.findWithScopesById(patId)
                .filter(p -> p.getOwnerId() == currentUser.id() || currentUser.isAdmin())
                .orElseThrow(() -> new NotFound("pat.error.notFound"));
    }
}
