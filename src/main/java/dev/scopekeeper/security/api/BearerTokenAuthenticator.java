package dev.scopekeeper.security.api;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Extension point of the REST API's {@code Authorization: Bearer} authentication: an
 * {@link AuthenticationProvider} of {@link BearerTokenAuthenticationToken}s for the tokens it
 * {@link #supports(String) recognizes} by their look (e.g. the {@code pat_} prefix). Spring Security's
 * resource-server filter reads the header; {@link ApiAuthenticationManagerResolver} sends a token to the
 * first such provider that recognizes it, and every other token to the JWT (user access token) provider.
 * Failures are {@link org.springframework.security.core.AuthenticationException}s whose message is the
 * 401 problem's {@code detail}: user-readable, never echoing the token. The client address is in the
 * token's {@link org.springframework.security.web.authentication.WebAuthenticationDetails}.
 */
public interface BearerTokenAuthenticator extends AuthenticationProvider {

    /** Cheap and side-effect free: does this token look like one of mine (e.g. starts with {@code pat_})? */
    boolean supports(String token);

    @Override
    default boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
