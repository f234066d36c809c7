package dev.scopekeeper.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it: an id to look things up by, never a live entity, and
 * never the password hash (sessions, the PAT cache and every authentication carry this record, so a heap
 * dump or a serialized session holds no hash). The hash is only ever in {@link SignInAccount}, for the
 * moment of the password check.
 */
public record ScopekeeperPrincipal(long id, String username, PlatformRole role, boolean enabled)
        implements UserDetails {

    static ScopekeeperPrincipal of(User user) {
        return new ScopekeeperPrincipal(user.getId(), user.getUsername(), user.getRole(), user.isEnabled());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    /** Always null: a principal carries no credentials. */
    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "ScopekeeperPrincipal[id=" + id + ", username=" + username + ", role=" + role + "]";
    }
}
