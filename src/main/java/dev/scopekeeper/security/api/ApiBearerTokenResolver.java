package dev.scopekeeper.security.api;

import dev.scopekeeper.base.Messages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * {@code Authorization: Bearer <token>} only (never a query parameter or form field, so tokens stay out
 * of access logs). No header or another scheme: no token, the request goes on anonymously (public
 * endpoints work, the rest get 401). {@code Bearer} with nothing after it: 401 "Invalid token". Unlike
 * Spring's default resolver the token's characters are left to the providers, so a malformed token gets
 * the same clear message as any other bad token.
 */
class ApiBearerTokenResolver implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";
    /** Anyone may report leaked tokens; a token sent along is not read (a scanner may send the one it found). */
    private static final String LEAK_REPORTS = "/api/v1/credentials/revoke";

    @Override
    public String resolve(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && LEAK_REPORTS.equals(request.getRequestURI())) {
            return null;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            if (header != null && header.equalsIgnoreCase("Bearer")) {
                throw invalid();
            }
            return null;
        }
        String token = header.substring(SCHEME.length()).strip();
        if (token.isEmpty()) {
            throw invalid();
        }
        return token;
    }

    private static OAuth2AuthenticationException invalid() {
        String message = Messages.get("api.auth.invalidToken");
        return new OAuth2AuthenticationException(
                new BearerTokenError(
                        BearerTokenErrorCodes.INVALID_TOKEN,
                        org.springframework.http.HttpStatus.UNAUTHORIZED,
                        message,
                        null),
                message);
    }
}
