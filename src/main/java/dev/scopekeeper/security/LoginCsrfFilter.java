package dev.scopekeeper.security;

import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Login CSRF: the sign-in form's POST must carry the CSRF token of the sign-in page. Vaadin's security
 * configurer exempts its login path from Spring's CSRF check; the Vaadin login form does send the token (it
 * reads the page's {@code _csrf} meta tags), so this filter checks it, exactly as {@code CsrfFilter} would. A
 * cross-site POST (which has neither the page nor, with {@code SameSite=Lax}, the session cookie) is refused with
 * 403 before any password is looked at.
 */
class LoginCsrfFilter extends OncePerRequestFilter {

    private final RequestMatcher loginPost;
    private final CsrfTokenRepository tokens;
    private final XorCsrfTokenRequestAttributeHandler resolver = new XorCsrfTokenRequestAttributeHandler();

    LoginCsrfFilter(String loginPath, CsrfTokenRepository tokens) {
        this.loginPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPath);
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (loginPost.matches(request) && !validToken(request)) {
            Problems.write(response, HttpServletResponse.SC_FORBIDDEN, Messages.get("login.csrf.refused"), null);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean validToken(HttpServletRequest request) {
        CsrfToken expected = tokens.loadToken(request);
        if (expected == null) {
            return false;
        }
        String actual = resolver.resolveCsrfTokenValue(request, expected);
        return actual != null
                && MessageDigest.isEqual(
                        expected.getToken().getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
