package dev.scopekeeper.security.api;

import dev.scopekeeper.base.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} and asks the {@link BearerTokenAuthenticator}s. No header:
 * the request goes on anonymously (public endpoints work, the rest get 401). A bad token: 401 at once.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";

    /** A bearer token that no {@link BearerTokenAuthenticator} recognizes. */
    static class InvalidBearerToken extends BadCredentialsException {
        InvalidBearerToken() {
            super(Messages.get("api.auth.invalidToken"));
        }
    }

    private final List<BearerTokenAuthenticator> authenticators;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy strategy;
    private final AuthenticationThrottle throttle;
    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    BearerTokenFilter(List<BearerTokenAuthenticator> authenticators, AuthenticationEntryPoint entryPoint,
            SecurityContextHolderStrategy strategy, AuthenticationThrottle throttle) {
        this.throttle = throttle;
        this.authenticators = List.copyOf(authenticators);
        this.entryPoint = entryPoint;
        this.strategy = strategy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(SCHEME.length()).trim();
        try {
            Authentication authentication = authenticators.stream().filter(a -> !token.isEmpty() && a.supports(token))
                    .findFirst().orElseThrow(InvalidBearerToken::new).authenticate(token, request);
            SecurityContext context = strategy.createEmptyContext();
            context.setAuthentication(authentication);
            strategy.setContext(context);
            repository.saveContext(context, request, response);
        } catch (AuthenticationException e) {
            strategy.clearContext();
            AuthenticationException answer = e;
            try {
                throttle.recordFailure(request.getRemoteAddr());
            } catch (TooManyAuthenticationFailures tooMany) {
                answer = tooMany;
            }
            entryPoint.commence(request, response, answer);
            return;
        }
        chain.doFilter(request, response);
    }
}
