package dev.scopekeeper.pat;

import dev.scopekeeper.security.ScopekeeperPrincipal;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated with a personal access token: the principal is the token's owner (so
 * every role check is the owner's, right now), narrowed to the token's scopes by
 * {@link PatAccessRestriction}. Holds no secret.
 */
public final class PatAuthentication extends AbstractAuthenticationToken {

    private final ScopekeeperPrincipal owner;
    private final long patId;
    private final List<PatScope.Key> scopes;

    PatAuthentication(ScopekeeperPrincipal owner, long patId, List<PatScope.Key> scopes) {
        super(owner.getAuthorities());
        this.owner = owner;
        this.patId = patId;
        this.scopes = List.copyOf(scopes);
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public ScopekeeperPrincipal getPrincipal() {
        return owner;
    }

    public long patId() {
        return patId;
    }

    List<PatScope.Key> scopes() {
        return scopes;
    }
}
