package dev.scopekeeper.pat;

import dev.scopekeeper.security.ScopekeeperPrincipal;
import dev.scopekeeper.security.UserCredentialsOnly;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated with a personal access token: the principal is the token's owner (so
 * every role check is the owner's, right now), narrowed to the token's scopes by
 * {@link PatAccessRestriction}. Holds no secret. Besides the owner's authorities it carries
 * {@value UserCredentialsOnly#PAT_AUTHORITY}, which the credential rule ({@link UserCredentialsOnly}) refuses.
 */
public final class PatAuthentication extends AbstractAuthenticationToken {

    private final ScopekeeperPrincipal owner;
    private final long patId;
    private final List<PatScope.Key> scopes;
    private final Instant expiresAt;

    PatAuthentication(ScopekeeperPrincipal owner, long patId, List<PatScope.Key> scopes) {
        this(owner, patId, scopes, null);
    }

    PatAuthentication(ScopekeeperPrincipal owner, long patId, List<PatScope.Key> scopes, Instant expiresAt) {
        super(withPatAuthority(owner.getAuthorities()));
        this.owner = owner;
        this.patId = patId;
        this.scopes = List.copyOf(scopes);
        this.expiresAt = expiresAt;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> withPatAuthority(Collection<? extends GrantedAuthority> ownerAuthorities) {
        List<GrantedAuthority> authorities = new ArrayList<>(ownerAuthorities);
        authorities.add(new SimpleGrantedAuthority(UserCredentialsOnly.PAT_AUTHORITY));
        return authorities;
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

    /** When the token expires, or null when it never does ({@code Scopekeeper-Token-Expires}). */
    public Instant expiresAt() {
        return expiresAt;
    }

    List<PatScope.Key> scopes() {
        return scopes;
    }
}
