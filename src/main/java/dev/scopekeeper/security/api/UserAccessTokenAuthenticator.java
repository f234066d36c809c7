package dev.scopekeeper.security.api;

import dev.scopekeeper.security.ScopekeeperPrincipal;
import dev.scopekeeper.security.UserTokenService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Access tokens from {@code POST /api/v1/users/tokens/issue}: compact JWTs, three dot-separated parts. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class UserAccessTokenAuthenticator implements BearerTokenAuthenticator {

    private final UserTokenService tokens;

    UserAccessTokenAuthenticator(UserTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean supports(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    @Override
    public Authentication authenticate(String token, HttpServletRequest request) {
        ScopekeeperPrincipal principal = tokens.authenticate(token);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
