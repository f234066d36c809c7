package dev.scopekeeper.security;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** The only way code asks who is calling. */
@Component
public class CurrentUser {

    private final SecurityContextHolderStrategy strategy;

    CurrentUser(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.strategy = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public Optional<ScopekeeperPrincipal> find() {
        Authentication authentication = strategy.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof ScopekeeperPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** The raw authentication, for features that care how the caller proved who they are. */
    public Optional<Authentication> authentication() {
        return Optional.ofNullable(strategy.getContext().getAuthentication());
    }

    /** The caller; method security guarantees there is one wherever this is used. */
    public ScopekeeperPrincipal require() {
        return find().orElseThrow(() ->
                new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
                        "Not signed in"));
    }

    public long id() {
        return require().id();
    }

    public boolean isAdmin() {
        return find().map(p -> p.role() == PlatformRole.ADMIN).orElse(false);
    }
}
