package dev.scopekeeper.security.api;

import dev.scopekeeper.base.Messages;
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
 * is answered 429 instead of 401. A success is never refused by the throttle. An {@link AuditedRefusal} is audited
 * here, after the count: within the limit each one, then the one that trips the throttle with a note, and none of
 * those answered 429 after it (no database write per throttled request).
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
                try {
                    throttle.recordFailure(address);
                } catch (TooManyAuthenticationFailures tooMany) {
                    if (tooMany.first() && e instanceof AuditedRefusal refusal) {
                        refusal.auditThrottled(Messages.get("api.auth.throttledAudit", tooMany.retryAfterSeconds()));
                    }
                    throw tooMany;
                }
                if (e instanceof AuditedRefusal refusal) {
                    refusal.audit();
                }
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
