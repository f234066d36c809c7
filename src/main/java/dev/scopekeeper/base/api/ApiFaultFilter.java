package dev.scopekeeper.base.api;

import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.db.DatabaseFaults;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Around everything else under {@code /api/**} (the security filter chain included): a failure that escapes the
 * filters is answered here as a problem, never left to the servlet container, whose {@code /error} dispatch is
 * answered by the browser chain with a {@code 302} to the sign-in page. That happened when the database went away
 * while a user access token was being checked: a client following redirects saw a 200 for a failed create. An
 * unavailable database is a 503 with {@code Retry-After}, a transaction conflict a 409 (as in
 * {@link ApiExceptionHandler}), anything else a 500 problem.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ApiFaultFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiFaultFilter.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            if (DatabaseFaults.unavailable(e)) {
                log.warn("Database unavailable: {} {} answered 503", request.getMethod(), request.getRequestURI());
                response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseFaults.RETRY_AFTER_SECONDS));
                Problems.write(response, 503, Messages.get("api.error.databaseUnavailable"), null);
            } else if (DatabaseFaults.conflict(e)) {
                Problems.write(response, 409, Messages.get("api.error.transactionConflict"), null);
            } else {
                log.error("Unexpected error in the filters of {} {}", request.getMethod(), request.getRequestURI(), e);
                Problems.write(response, 500, Messages.get("api.error.internal"), null);
            }
        }
    }
}
