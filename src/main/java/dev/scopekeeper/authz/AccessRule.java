package dev.scopekeeper.authz;

import dev.scopekeeper.authz.AccessDecision.Reason;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.security.PlatformRole;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The authorization rule (PRODUCT.md, "The authorization rule"), as one pure decision with no I/O: given the
 * owner's facts in the domain, the token's grant (or none for user credentials), the operation and its entity,
 * allowed or denied and why. Order (each step is what enforcement has always done, and the same refusal):
 *
 * <ol>
 *   <li>the token is active (else {@code token_revoked} / {@code token_expired});
 *   <li>the domain exists and the owner is an enabled member or platform administrator ({@code domain_not_found},
 *       404, so outsiders cannot probe which domains exist);
 *   <li>the owner's role reaches the operation's minimum role ({@code owner_role_too_low}, 403);
 *   <li>a disabled domain refuses every change except {@code domains.enable} ({@code domain_disabled}, 409);
 *   <li>the token has a scope in the domain ({@code no_scope_in_domain}, 404), one for the operation ({@code
 *       no_scope_for_operation}, 403) and one that reaches the entity ({@code entity_outside_scope}, 404);
 *   <li>the entity exists in the domain ({@code entity_not_found}, 404) — the service says so after the check.
 * </ol>
 *
 * {@link DomainAccess#require} runs steps 2-4 for the caller and {@code pat.PatAccessRestriction} step 5 for the
 * caller's token; {@link DomainAccess#decide} runs them all for any owner and token (simulator, other services).
 */
public final class AccessRule {

    private AccessRule() {}

    /** Every step, for a domain-bound operation; {@code grant} null = user credentials. */
    static AccessDecision decide(
            AccessFacts owner,
            TokenGrant grant,
            long domainId,
            Operation op,
            Long entityIdOrNull,
            boolean entityExists) {
        if (!op.isDomainBound()) {
            throw new IllegalArgumentException(op + " is not bound to a domain; use decideUnbound");
        }
        if (grant != null && grant.state() != TokenGrant.State.ACTIVE) {
            return tokenUnusable(grant);
        }
        AccessDecision ownerStep = decideOwner(owner, op);
        if (!ownerStep.allowed()) {
            return ownerStep;
        }
        AccessDecision decision = ownerStep;
        if (grant != null) {
            decision =
                    decideScopes(grant.scopes(), domainId, op, entityIdOrNull).withOwnerRoleOf(ownerStep);
            if (!decision.allowed()) {
                return decision;
            }
        }
        if (!entityExists) {
            return AccessDecision.deny(Reason.ENTITY_NOT_FOUND, op.entityType().wireName() + ".notFound")
                    .withOwnerRoleOf(ownerStep);
        }
        return decision;
    }

    /** Steps 2-4: what the owner may do themselves in the domain, right now. */
    static AccessDecision decideOwner(AccessFacts owner, Operation op) {
        Optional<DomainRole> role = owner.effectiveRole();
        if (owner.status().isEmpty() || role.isEmpty()) {
            return AccessDecision.deny(Reason.DOMAIN_NOT_FOUND, "domain.notFound");
        }
        if (!role.get().atLeast(op.minimumRole())) {
            return AccessDecision.deny(
                            Reason.OWNER_ROLE_TOO_LOW,
                            "access.roleTooLow",
                            op.entityType().wireName(),
                            op.wireName(),
                            op.minimumRole().wireName())
                    .withOwnerRole(role.get());
        }
        if (owner.status().get() == Status.DISABLED && !op.isReadOnly() && op != Operation.DOMAINS_ENABLE) {
            return AccessDecision.deny(Reason.DOMAIN_DISABLED, "access.domainDisabled")
                    .withOwnerRole(role.get());
        }
        return AccessDecision.allow(null).withOwnerRole(role.get());
    }

    /**
     * Step 5: whether a token's scopes reach the operation on the entity ({@code entityIdOrNull}: the client,
     * channel or group, null for {@code domains} operations). Pure; the owner's rights are not part of it.
     */
    public static AccessDecision decideScopes(List<Scope> scopes, long domainId, Operation op, Long entityIdOrNull) {
        Scope suggested = Scope.exactly(domainId, op, entityIdOrNull);
        List<Scope> inDomain =
                scopes.stream().filter(s -> s.domainId() == domainId).toList();
        if (inDomain.isEmpty()) {
            Scope closest = scopes.stream()
                    .filter(s -> s.covers(op))
                    .findFirst()
                    .orElse(scopes.stream()
                            .filter(s -> s.entityType() == op.entityType())
                            .findFirst()
                            .orElse(null));
            return AccessDecision.deny(Reason.NO_SCOPE_IN_DOMAIN, "domain.notFound")
                    .withScopes(closest, suggested);
        }
        List<Scope> forOperation = inDomain.stream().filter(s -> s.covers(op)).toList();
        if (forOperation.isEmpty()) {
            Scope closest = inDomain.stream()
                    .filter(s -> s.entityType() == op.entityType())
                    .findFirst()
                    .orElse(inDomain.getFirst());
            return AccessDecision.deny(
                            Reason.NO_SCOPE_FOR_OPERATION,
                            "pat.error.missingScope",
                            op.entityType().wireName(),
                            op.wireName())
                    .withScopes(closest, suggested);
        }
        Optional<Scope> matched = forOperation.stream()
                .filter(s -> s.reaches(op, entityIdOrNull))
                .min(Comparator.comparing((Scope s) -> Scope.ANY.equals(s.operation()))
                        .thenComparing(s -> Scope.ANY.equals(s.entity())));
        if (matched.isEmpty()) {
            return AccessDecision.deny(
                            Reason.ENTITY_OUTSIDE_SCOPE, op.entityType().wireName() + ".notFound")
                    .withScopes(forOperation.getFirst(), suggested);
        }
        return AccessDecision.allow(matched.get());
    }

    /** For operations not bound to one domain ({@code domains.create}, {@code domains.list}, …). */
    static AccessDecision decideUnbound(AccessFacts owner, TokenGrant grant, Operation op) {
        if (op.isDomainBound()) {
            throw new IllegalArgumentException(op + " is bound to a domain; use decide");
        }
        if (grant != null && grant.state() != TokenGrant.State.ACTIVE) {
            return tokenUnusable(grant);
        }
        AccessDecision decision = decideOwnerUnbound(owner, op);
        if (!decision.allowed() || grant == null) {
            return decision;
        }
        return decideScopesUnbound(grant.scopes(), op);
    }

    static AccessDecision decideOwnerUnbound(AccessFacts owner, Operation op) {
        Optional<PlatformRole> platformRole = owner.activeUserRole();
        if (platformRole.isEmpty()) {
            return AccessDecision.deny(Reason.ACCOUNT_DISABLED, "access.accountDisabled");
        }
        if (op.isPlatformAdminOnly() && platformRole.get() != PlatformRole.ADMIN) {
            return AccessDecision.deny(
                    Reason.PLATFORM_ADMIN_ONLY,
                    "access.platformAdminOnly",
                    op.entityType().wireName(),
                    op.wireName());
        }
        return AccessDecision.allow(null);
    }

    /** Step 5 for an unbound operation: some scope, in any domain, covers it. */
    public static AccessDecision decideScopesUnbound(List<Scope> scopes, Operation op) {
        return scopes.stream()
                .filter(s -> s.covers(op))
                .findFirst()
                .map(AccessDecision::allow)
                .orElseGet(() -> AccessDecision.deny(
                        Reason.NO_SCOPE_FOR_OPERATION,
                        "pat.error.missingScope",
                        op.entityType().wireName(),
                        op.wireName()));
    }

    /**
     * What one scope is worth to its owner right now (the Effective column): effective when the owner may perform
     * at least one operation the scope covers in its domain, else the denial of its weakest operation (domain not
     * found: no longer a member; owner role too low; domain disabled); an entity the scope names that no longer
     * exists ({@code entityExists} false) makes it ineffective too.
     */
    static AccessDecision effect(AccessFacts owner, Scope scope, boolean entityExists) {
        List<Operation> covered = scope.entityType().operations().stream()
                .filter(scope::covers)
                .sorted(Comparator.comparing(Operation::minimumRole))
                .toList();
        AccessDecision first = null;
        for (Operation op : covered) {
            AccessDecision decision = op.isDomainBound() ? decideOwner(owner, op) : decideOwnerUnbound(owner, op);
            if (decision.allowed()) {
                first = null;
                break;
            }
            if (first == null) {
                first = decision;
            }
        }
        if (first != null) {
            return first;
        }
        if (!entityExists) {
            return AccessDecision.deny(
                            Reason.ENTITY_NOT_FOUND, scope.entityType().wireName() + ".notFound")
                    .withOwnerRole(owner.effectiveRole().orElse(null));
        }
        return AccessDecision.allow(scope).withOwnerRole(owner.effectiveRole().orElse(null));
    }

    /** A request to an endpoint that declares no catalogue operation: never with a token (the credential rule). */
    public static AccessDecision userCredentialsOnly(String messageKey) {
        return AccessDecision.deny(Reason.USER_CREDENTIALS_ONLY, messageKey);
    }

    /** A request to an endpoint that needs no authentication at all: any caller gets it. */
    public static AccessDecision noAuthentication() {
        return AccessDecision.allow(null);
    }

    /**
     * A request to an endpoint a token calls about itself ({@link OwnTokenEndpoint}, {@code GET /api/v1/pats/self}):
     * any live token gets it, whatever its scopes.
     */
    public static AccessDecision ownToken(TokenGrant grant) {
        return grant.state() == TokenGrant.State.ACTIVE ? AccessDecision.allow(null) : tokenUnusable(grant);
    }

    private static AccessDecision tokenUnusable(TokenGrant grant) {
        return grant.state() == TokenGrant.State.REVOKED
                ? AccessDecision.deny(Reason.TOKEN_REVOKED, "access.tokenRevoked")
                : AccessDecision.deny(Reason.TOKEN_EXPIRED, "access.tokenExpired");
    }
}
