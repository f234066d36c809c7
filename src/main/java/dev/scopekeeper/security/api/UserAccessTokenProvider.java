package dev.scopekeeper.security.api;

import dev.scopekeeper.security.UserTokenService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * User access tokens from {@code POST /api/v1/users/tokens/issue}: JWTs checked by Spring's
 * {@code NimbusJwtDecoder} (inside {@link UserTokenService#authenticate}), then the user loaded fresh
 * (disabled accounts and tokens older than the user's "valid after" instant are refused).
 */
@Component
class UserAccessTokenProvider implements AuthenticationProvider {

    private final UserTokenService tokens;

    UserAccessTokenProvider(UserTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var bearer = (BearerTokenAuthenticationToken) authentication;
        UserTokenService.AccessTokenUser user = tokens.authenticate(bearer.getToken());
        var result = new UserAccessTokenAuthentication(user);
        result.setDetails(bearer.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
