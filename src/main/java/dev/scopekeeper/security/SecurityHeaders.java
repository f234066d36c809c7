package dev.scopekeeper.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every response the application writes, set before anything else runs (so early
 * refusals, Vaadin pages, static resources and API problems all carry them; Spring Security's own header writers
 * then leave them as they are).
 *
 * <p>The browser policy is what Vaadin Flow needs (its documentation: {@code script-src 'unsafe-inline'
 * 'unsafe-eval'} for the bootstrap script and the expressions the server sends, {@code style-src 'unsafe-inline'}
 * for component styles); everything else is this origin only, nothing may frame the pages, no plug-ins, forms
 * post only here. The API and its document are data, never a page: {@code default-src 'none'}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class SecurityHeaders extends OncePerRequestFilter {

    public static final String BROWSER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    public static final String API_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; " + "form-action 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        write(response, isApi(request.getRequestURI()));
        chain.doFilter(request, response);
    }

    /** Also used where Tomcat answers by itself (its error reports). */
    public static void write(HttpServletResponse response, boolean api) {
        response.setHeader("Content-Security-Policy", api ? API_POLICY : BROWSER_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", api ? "no-referrer" : "same-origin");
    }

    static boolean isApi(String uri) {
        return uri.startsWith("/api/") || uri.startsWith("/v3/api-docs");
    }
}
