package dev.scopekeeper.pat;

import dev.scopekeeper.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Scopekeeper-Token-Expires: <ISO-8601 instant | never>} on every response to a request authenticated with a
 * personal access token (as GitHub's {@code GitHub-Authentication-Token-Expiration}), so scripts can warn before
 * their token dies. Runs after Spring Security's filters have authenticated the request and sets the header before
 * the handler writes anything, so refusals (403, 404, 422) to a valid token carry it too.
 */
@Component
class PatExpiryHeader extends OncePerRequestFilter {

    static final String HEADER = "Scopekeeper-Token-Expires";

    private final CurrentUser currentUser;

    PatExpiryHeader(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        currentUser
                .authentication()
                .filter(PatAuthentication.class::isInstance)
                .map(PatAuthentication.class::cast)
                .ifPresent(pat -> response.setHeader(
                        HEADER,
                        pat.expiresAt() == null ? "never" : pat.expiresAt().toString()));
        chain.doFilter(request, response);
    }
}
