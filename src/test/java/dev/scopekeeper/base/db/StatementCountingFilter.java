package dev.scopekeeper.base.db;

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
 * Test-only: a request carrying {@value #HEADER} has the statements prepared on its server thread counted by
 * {@link StatementCounter}, under the header's value. First of all filters, so authentication is counted too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StatementCountingFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Test-Count-Statements";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String label = request.getHeader(HEADER);
        if (label == null) {
            chain.doFilter(request, response);
            return;
        }
        StatementCounter.begin();
        try {
            chain.doFilter(request, response);
        } finally {
            StatementCounter.end(label);
        }
    }
}
