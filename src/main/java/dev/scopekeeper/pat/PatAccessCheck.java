package dev.scopekeeper.pat;

import dev.scopekeeper.authz.AccessDecision;
import dev.scopekeeper.authz.DomainAccess;
import dev.scopekeeper.authz.EntityDirectory;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.authz.TokenGrant;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.UserCredentialsOnly;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a personal access token may do, decided by the one authorization rule ({@link DomainAccess#decide}, i.e.
 * {@code authz.AccessRule}) for a token that is not the caller's credential: the token's state and scopes, its
 * owner's rights right now, and whether the entity exists. Never needs or sees the secret.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class PatAccessCheck {

    private final PatRepository pats;
    private final DomainAccess access;
    private final EntityDirectory entities;
    private final CurrentUser currentUser;
    private final Clock clock;

    PatAccessCheck(
            PatRepository pats, DomainAccess access, EntityDirectory entities, CurrentUser currentUser, Clock clock) {
        this.pats = pats;
        this.access = access;
        this.entities = entities;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The simulator: whether the token {@code patId} may perform {@code op} (in {@code domainId} on {@code
     * entityIdOrNull}; {@code domainId} is ignored for operations not bound to a domain). Its owner and platform
     * administrators may ask, with user credentials; anyone else's token is "not found".
     */
    @Transactional(readOnly = true)
    @UserCredentialsOnly(UserCredentialsOnly.TOKEN_MANAGEMENT)
    public AccessDecision check(long patId, Long domainId, Operation op, Long entityIdOrNull) {
        PersonalAccessToken pat = visible(patId);
        return decide(pat.getOwnerId(), grant(pat), domainId, op, entityIdOrNull);
    }

    /**
     * For a token authenticated by {@link PatAuthenticator} (active by construction), e.g. another service asking
     * whether to accept it: the same decision the token's own request would get.
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

    private AccessDecision decide(long ownerId, TokenGrant grant, Long domainId, Operation op, Long entityIdOrNull) {
        if (!op.isDomainBound()) {
            return access.decideUnbound(ownerId, grant, op);
        }
        if (domainId == null) {
            throw new IllegalArgumentException(op + " needs a domain");
        }
        return access.decide(ownerId, grant, domainId, op, entityIdOrNull, exists(domainId, op, entityIdOrNull));
    }

    private boolean exists(long domainId, Operation op, Long entityIdOrNull) {
        return entityIdOrNull == null
                || op.entityType() == EntityType.DOMAINS
                || entities.entityName(domainId, op.entityType(), entityIdOrNull)
                        .isPresent();
    }

    static TokenGrant grant(PersonalAccessToken pat, java.time.Instant now) {
        TokenGrant.State state =
                switch (pat.status(now)) {
                    case ACTIVE -> TokenGrant.State.ACTIVE;
                    case REVOKED -> TokenGrant.State.REVOKED;
                    case EXPIRED -> TokenGrant.State.EXPIRED;
                };
        List<dev.scopekeeper.authz.Scope> scopes =
                pat.getScopes().stream().map(s -> s.key().asScope()).toList();
        return new TokenGrant(state, scopes);
    }

    private TokenGrant grant(PersonalAccessToken pat) {
        return grant(pat, clock.instant());
    }

    private PersonalAccessToken visible(long patId) {
        return pats.findWithScopesById(patId)
                .filter(p -> p.getOwnerId() == currentUser.id() || currentUser.isAdmin())
                .orElseThrow(() -> new NotFound("pat.error.notFound"));
    }
}
