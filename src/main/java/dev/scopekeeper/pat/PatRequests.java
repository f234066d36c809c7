package dev.scopekeeper.pat;

import dev.scopekeeper.authz.DomainAccess;
import dev.scopekeeper.authz.EntityDirectory;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.Texts;
import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.UserDirectory;
import dev.scopekeeper.security.UserProfile;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Validation and parsing of what {@link PatService} is asked for: the owner a token is minted for, its lifetime
 * and description under the policy, and its scopes. Package-private: only the service calls it, inside its own
 * access checks and transactions.
 */
@Component
class PatRequests {

    private final PatPolicySource policy;
    private final CurrentUser currentUser;
    private final UserDirectory users;
    private final DomainAccess domainAccess;
    private final EntityDirectory entities;

    PatRequests(
            PatPolicySource policy,
            CurrentUser currentUser,
            UserDirectory users,
            DomainAccess domainAccess,
            EntityDirectory entities) {
        this.policy = policy;
        this.currentUser = currentUser;
        this.users = users;
        this.domainAccess = domainAccess;
        this.entities = entities;
    }

    /** The id of the user an administrator mints a token for (enabled, existing). */
    long mintFor(long userId) {
        if (!currentUser.isAdmin()) {
            throw new Forbidden("pat.error.onlyAdminsMintForOthers");
        }
        UserProfile owner =
                users.find(userId).orElseThrow(() -> new InvalidInput("user_id", "pat.validation.user.unknown"));
        if (!owner.enabled()) {
            throw new InvalidInput("user_id", "pat.validation.user.disabled", owner.username());
        }
        return owner.id();
    }

    /** A missing duration means the policy's default duration. */
    Instant checkedExpiry(PatDuration requested, Instant now) {
        PatPolicy rules = policy.current();
        PatDuration duration = requested == null ? rules.defaultPatDuration() : requested;
        if (duration instanceof PatDuration.Never) {
            if (!rules.neverAllowed()) {
                throw new InvalidInput("duration", "pat.validation.duration.neverForbidden");
            }
            return null;
        }
        Instant expiresAt = duration.expiresAt(now);
        if (!expiresAt.isAfter(now)) {
            throw new InvalidInput("duration", "pat.validation.duration.past");
        }
        if (expiresAt.isAfter(now.plus(rules.maxLifetime()))) {
            throw new InvalidInput(
                    "duration",
                    "pat.validation.duration.tooLong",
                    rules.maxLifetime().toDays());
        }
        return expiresAt;
    }

    String checkedDescription(String value) {
        String description = Names.description("description", value);
        if (description.isEmpty() && policy.current().descriptionRequired()) {
            throw new InvalidInput("description", "pat.validation.description.required");
        }
        return description;
    }

    /** The token holds no more scopes than the policy allows. */
    void checkScopeCount(PersonalAccessToken pat) {
        int max = policy.current().maxScopes();
        if (pat.getScopes().size() > max) {
            throw new InvalidInput("scopes", "pat.validation.scopes.tooMany", max);
        }
    }

    /** Adds the requested scopes, each validated; returns how many were new. */
    int addScopes(PersonalAccessToken pat, List<ScopeRequest> requested) {
        int added = 0;
        for (ScopeRequest scope : requested) {
            added += pat.addScope(parseScope(scope, pat.getOwnerId(), true)) ? 1 : 0;
        }
        checkScopeCount(pat);
        return added;
    }

    /**
     * Validates a requested scope: the owner belongs to the domain, the entity type and operation come
     * from the catalogue (or {@code *}), the entity exists in that domain (or {@code *}); a
     * {@code domains} scope is locked to its own domain (its entity absent, {@code *} or the domain's id; any
     * other is refused rather than silently replaced).
     */
    PatScope.Key parseScope(ScopeRequest scope, long ownerId, boolean mustExist) {
        if (scope == null || scope.domainId() == null) {
            throw new InvalidInput("scopes", "pat.validation.scope.domainRequired");
        }
        long domainId = scope.domainId();
        if (mustExist && domainAccess.roleOf(ownerId, domainId).isEmpty()) {
            throw new InvalidInput("scopes", "pat.validation.scope.domainUnknown", domainId);
        }
        EntityType type = EntityType.fromWire(
                        scope.entityType() == null ? "" : scope.entityType().strip())
                .orElseThrow(() -> new InvalidInput(
                        "scopes",
                        "pat.validation.scope.entityTypeUnknown",
                        quoted(String.valueOf(scope.entityType()))));
        String operation = scope.operation() == null ? "" : scope.operation().strip();
        if (!PatScope.ANY.equals(operation) && Operation.find(type, operation).isEmpty()) {
            throw new InvalidInput(
                    "scopes", "pat.validation.scope.operationUnknown", quoted(operation), type.wireName());
        }
        String entity = scope.entity() == null || scope.entity().isBlank()
                ? PatScope.ANY
                : scope.entity().strip();
        if (type == EntityType.DOMAINS) {
            // locked to its own domain: no entity, "*" or the domain's id say that; another id is refused, not replaced
            if (!PatScope.ANY.equals(entity) && !isId(entity, domainId)) {
                throw new InvalidInput(
                        "scopes", "pat.validation.scope.domainEntity", quoted(entity), String.valueOf(domainId));
            }
            return new PatScope.Key(domainId, type, operation, String.valueOf(domainId));
        }
        if (!PatScope.ANY.equals(entity)) {
            long entityId;
            try {
                entityId = Long.parseLong(entity);
            } catch (NumberFormatException e) {
                throw new InvalidInput("scopes", "pat.validation.scope.entityUnknown", quoted(entity));
            }
            if (mustExist && entities.entityName(domainId, type, entityId).isEmpty()) {
                throw new InvalidInput("scopes", "pat.validation.scope.entityUnknown", quoted(entity));
            }
            entity = Long.toString(entityId);
        }
        return new PatScope.Key(domainId, type, operation, entity);
    }

    /** Longest refused value a refusal quotes. */
    static final int QUOTED_MAX = 40;

    /**
     * A refused value as its refusal quotes it: at most {@value #QUOTED_MAX} characters (then "…"), each control,
     * invisible or direction-changing character ({@link Texts}) shown as U+FFFD, so a hostile value neither fills
     * the answer nor reads differently from what was sent. What the UI sends (ids, catalogue names) is unchanged.
     */
    static String quoted(String value) {
        StringBuilder shown = new StringBuilder();
        int[] codePoints = value.codePoints().limit(QUOTED_MAX + 1L).toArray();
        for (int i = 0; i < Math.min(codePoints.length, QUOTED_MAX); i++) {
            String c = Character.toString(codePoints[i]);
            shown.append(Texts.isClean(c, false) ? c : "\uFFFD");
        }
        return codePoints.length > QUOTED_MAX ? shown + "\u2026" : shown.toString();
    }

    private static boolean isId(String text, long id) {
        try {
            return Long.parseLong(text) == id;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
