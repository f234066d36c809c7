package dev.scopekeeper.security;

import java.util.Collection;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * What a password check needs: the principal plus the stored hash. Lives only for the duration of one
 * sign-in; the authentication that results holds the hash-free {@link #principal()} instead.
 */
final class SignInAccount implements UserDetails, CredentialsContainer {

    private final ScopekeeperPrincipal principal;
    private String passwordHash;

    SignInAccount(User user) {
        this.principal = ScopekeeperPrincipal.of(user);
        this.passwordHash = user.getPasswordHash();
    }

    ScopekeeperPrincipal principal() {
        return principal;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return principal.getAuthorities();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return principal.username();
    }

    @Override
    public boolean isEnabled() {
        return principal.enabled();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "SignInAccount[" + principal + "]";
    }
}
