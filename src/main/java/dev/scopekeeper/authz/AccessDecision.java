package dev.scopekeeper.authz;

import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.base.ServiceException.NotFound;
import java.util.Locale;

/**
 * The answer of {@link AccessRule}: allowed, or denied for one {@link Reason}; the message (a translation key and
 * its arguments, the same text the refusal shows); the scope that allowed it ({@code matchedScope}, for a token);
 * when denied for want of a scope, the token's scope closest to the request ({@code closestScope}) and the scope
 * that would allow it ({@code suggestedScope}); the owner's role in the domain when the rule read it ({@code
 * ownerRole}, null otherwise).
 */
public record AccessDecision(
        boolean allowed,
        Reason reason,
        String messageKey,
        Object[] args,
        Scope matchedScope,
        Scope closestScope,
        Scope suggestedScope,
        DomainRole ownerRole) {

    /** Why; {@link #code()} is the wire name ({@code no_scope_for_operation}). */
    public enum Reason {
        ALLOWED(null),
        TOKEN_REVOKED(Kind.FORBIDDEN),
        TOKEN_EXPIRED(Kind.FORBIDDEN),
        ACCOUNT_DISABLED(Kind.FORBIDDEN),
        DOMAIN_NOT_FOUND(Kind.NOT_FOUND),
        OWNER_ROLE_TOO_LOW(Kind.FORBIDDEN),
        PLATFORM_ADMIN_ONLY(Kind.FORBIDDEN),
        DOMAIN_DISABLED(Kind.CONFLICT),
        NO_SCOPE_IN_DOMAIN(Kind.NOT_FOUND),
        NO_SCOPE_FOR_OPERATION(Kind.FORBIDDEN),
        ENTITY_OUTSIDE_SCOPE(Kind.NOT_FOUND),
        ENTITY_NOT_FOUND(Kind.NOT_FOUND),
        /** The endpoint is not a catalogue operation: a token may never call it (user credentials only). */
        USER_CREDENTIALS_ONLY(Kind.FORBIDDEN);

        private final Kind kind;

        Reason(Kind kind) {
            this.kind = kind;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether adding a scope to the token could turn this denial into an allowance. */
        public boolean curableByScope() {
            return this == NO_SCOPE_IN_DOMAIN || this == NO_SCOPE_FOR_OPERATION || this == ENTITY_OUTSIDE_SCOPE;
        }
    }

    private enum Kind {
        NOT_FOUND,
        FORBIDDEN,
        CONFLICT
    }

    public AccessDecision {
        args = args == null ? new Object[0] : args.clone();
    }

    static AccessDecision allow(Scope matched) {
        return new AccessDecision(true, Reason.ALLOWED, "access.allowed", new Object[0], matched, null, null, null);
    }

    static AccessDecision deny(Reason reason, String messageKey, Object... args) {
        return new AccessDecision(false, reason, messageKey, args, null, null, null, null);
    }

    AccessDecision withScopes(Scope closest, Scope suggested) {
        return new AccessDecision(allowed, reason, messageKey, args, matchedScope, closest, suggested, ownerRole);
    }

    AccessDecision withOwnerRole(DomainRole role) {
        return new AccessDecision(allowed, reason, messageKey, args, matchedScope, closestScope, suggestedScope, role);
    }

    /** The same answer carrying the owner's role (kept from the owner's step when the scopes decided). */
    AccessDecision withOwnerRoleOf(AccessDecision ownerStep) {
        return withOwnerRole(ownerStep.ownerRole());
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    /** The refusal the services throw for this denial (NotFound, Forbidden or Conflict); fails when allowed. */
    public ServiceException refusal() {
        if (allowed) {
            throw new IllegalStateException("allowed: nothing to refuse");
        }
        return switch (reason.kind) {
            case NOT_FOUND -> new NotFound(messageKey, args);
            case FORBIDDEN -> new Forbidden(messageKey, args);
            case CONFLICT -> new Conflict(null, messageKey, args);
        };
    }

    /** Throws {@link #refusal()} when denied. */
    public void orThrow() {
        if (!allowed) {
            throw refusal();
        }
    }
}
