package dev.scopekeeper.security.api;

import dev.scopekeeper.security.ScopekeeperPrincipal;
import dev.scopekeeper.security.UserTokenService;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated with a user access token: the user, and the sign-in (refresh family) it belongs to. */
public final class UserAccessTokenAuthentication extends AbstractAuthenticationToken {

    private final UserTokenService.AccessTokenUser user;

    UserAccessTokenAuthentication(UserTokenService.AccessTokenUser user) {
        super(user.principal().getAuthorities());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public ScopekeeperPrincipal getPrincipal() {
        return user.principal();
    }

    UserTokenService.AccessTokenUser user() {
        return user;
    }
}
