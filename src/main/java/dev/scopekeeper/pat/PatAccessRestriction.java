package dev.scopekeeper.pat;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.authz.AccessDecision;
import dev.scopekeeper.authz.AccessRestriction;
import dev.scopekeeper.authz.AccessRule;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.authz.Scope;
import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.security.CurrentUser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Narrows a caller authenticated with a PAT to the token's scopes (rule 2 of the authorization rule;
 * rule 3, the owner's own role, is {@code DomainAccess}'s role check, which runs first on the owner).
 * No scope in the domain: the domain is "not found" to this token. Scopes in the domain but none for
 * the operation: 403 naming it. A scope for the operation but on other entities: "not found". The decision is
 * {@link AccessRule#decideScopes}; this class finds the caller's token, throws the refusal and audits it.
 */
@Component
class PatAccessRestriction implements AccessRestriction {

    private final CurrentUser currentUser;
    private final AuditLog audit;

    PatAccessRestriction(CurrentUser currentUser, AuditLog audit) {
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @Override
    public void check(long domainId, Operation op, Long entityIdOrNull) {
        token().ifPresent(pat -> {
            AccessDecision decision = AccessRule.decideScopes(scopes(pat), domainId, op, entityIdOrNull);
            if (!decision.allowed()) {
                throw denied(pat, decision.refusal(), op, domainId);
            }
        });
    }

    @Override
    public Optional<Set<Long>> visibleEntityIds(long domainId, EntityType type) {
        return token().flatMap(pat -> {
            List<PatScope.Key> ofType = pat.scopes().stream()
                    .filter(s -> s.domainId() == domainId && s.entityType() == type)
                    .toList();
            if (ofType.isEmpty() || ofType.stream().anyMatch(s -> PatScope.ANY.equals(s.entity()))) {
                return Optional.empty();
            }
            return Optional.of(
                    ofType.stream().map(s -> Long.parseLong(s.entity())).collect(Collectors.toSet()));
        });
    }

    @Override
    public void checkUnbound(Operation op) {
        token().ifPresent(pat -> {
            AccessDecision decision = AccessRule.decideScopesUnbound(scopes(pat), op);
            if (!decision.allowed()) {
                throw denied(pat, decision.refusal(), op, null);
            }
        });
    }

    @Override
    public Optional<Set<Long>> visibleDomainIds(Operation op) {
        return token().map(pat -> pat.scopes().stream()
                .filter(s -> s.asScope().covers(op))
                .map(PatScope.Key::domainId)
                .collect(Collectors.toSet()));
    }

    /** The token's scopes as the rule sees them. */
    static List<Scope> scopes(PatAuthentication pat) {
        return pat.scopes().stream().map(PatScope.Key::asScope).toList();
    }

    private Optional<PatAuthentication> token() {
        return currentUser
                .authentication()
                .filter(PatAuthentication.class::isInstance)
                .map(PatAuthentication.class::cast);
    }

    private ServiceException denied(PatAuthentication pat, ServiceException refusal, Operation op, Long domainId) {
        audit.recordAnonymous(
                AuditEventType.PAT_USE_DENIED,
                pat.getPrincipal().id(),
                pat.getPrincipal().username(),
                "pat",
                pat.patId(),
                null,
                op.entityType().wireName() + ":" + op.wireName()
                        + (domainId == null ? "" : " in domain " + domainId) + ": "
                        + Messages.get(refusal.messageKey(), refusal.args()));
        return refusal;
    }
}
