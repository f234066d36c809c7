package dev.scopekeeper.security.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * The API's bearer-token split: a token one of the {@link BearerTokenAuthenticator}s recognizes (a
 * {@code pat_} token) goes to it, anything else to the JWT provider of user access tokens. Every failure
 * is counted by the {@link AuthenticationThrottle} for the client address; past its limit the failure
 * is answered 429 instead of 401. A success is never refused by the throttle.
 */
class ApiAuthenticationManagerResolver implements AuthenticationManagerResolver<HttpServletRequest> {

    private final List<BearerTokenAuthenticator> authenticators;
    private final AuthenticationProvider accessTokens;
    private final AuthenticationThrottle throttle;

    ApiAuthenticationManagerResolver(
            List<BearerTokenAuthenticator> authenticators,
            AuthenticationProvider accessTokens,
            AuthenticationThrottle throttle) {
        this.authenticators = List.copyOf(authenticators);
        this.accessTokens = accessTokens;
        this.throttle = throttle;
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return authentication -> {
            try {
                return authenticate((BearerTokenAuthenticationToken) authentication);
            } catch (InternalAuthenticationServiceException e) {
                throw e;
            } catch (AuthenticationException e) {
                throttle.recordFailure(address);
                throw e;
            }
        };
    }

    private Authentication authenticate(BearerTokenAuthenticationToken token) {
        String value = token.getToken();
        AuthenticationProvider provider = authenticators.stream()
                .filter(a -> a.supports(value))
                .<AuthenticationProvider>map(a -> a)
                .findFirst()
                .orElse(accessTokens);
        Authentication result = provider.authenticate(token);
        if (result == null) {
            throw new InternalAuthenticationServiceException("No result from the bearer token provider");
        }
        return result;
    }
}
