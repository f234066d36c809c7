package dev.scopekeeper.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.base.db.Deadlocks;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import jakarta.servlet.ServletException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Issue 13: the problems the API answers for database faults. A real deadlock that is still there after the
 * retries is a 409; an unavailable database (the pool's time-out, however wrapped) is a 503 with Retry-After,
 * also when it escapes the filter chain (before, that became a 302 to the sign-in page) or surfaces while a
 * token is checked (before: a 401 as if the token were bad). The outage itself, end to end: DatabaseOutageIT.
 */
@ApiTest
class DatabaseFaultProblemsTest {

    @Autowired
    ApiExceptionHandler handler;

    @Autowired
    DataSource dataSource;

    @Autowired
    TestUsers users;

    private static final SQLTransientConnectionException POOL_TIMEOUT = new SQLTransientConnectionException(
            "scopekeeper - Connection is not available, request timed out after 2500ms");

    @Test
    void aDeadlockLeftAfterTheRetriesIs409() throws Exception {
        long a = users.create("dl-a", PlatformRole.USER).id();
        long b = users.create("dl-b", PlatformRole.USER).id();
        var deadlock = new CannotAcquireLockException("deadlock", Deadlocks.provoke(dataSource, a, b));

        ResponseEntity<Object> response = handler.unexpected(deadlock, request());

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(((ProblemDetail) response.getBody()).getDetail())
                .isEqualTo("This change collided with another one made at the same time; try again");
    }

    @Test
    void anUnavailableDatabaseInAControllerIs503WithRetryAfter() throws Exception {
        var failure = new CannotCreateTransactionException("Could not open JPA EntityManager", POOL_TIMEOUT);

        ResponseEntity<Object> response = handler.unexpected(failure, request());

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(((ProblemDetail) response.getBody()).getDetail())
                .isEqualTo("The database is unavailable at the moment; try again in a few seconds");
    }

    @Test
    void anUnavailableDatabaseWhileCheckingATokenIs503NotA401() {
        ResponseEntity<ProblemDetail> response =
                handler.unauthenticated(new InternalAuthenticationServiceException("lookup failed", POOL_TIMEOUT));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).isNull();
    }

    @Test
    void anUnavailableDatabaseEscapingTheFiltersIs503ProblemNotARedirect() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain failing = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res)
                    throws ServletException {
                throw new ServletException(new CannotCreateTransactionException("no connection", POOL_TIMEOUT));
            }
        };

        new ApiFaultFilter().doFilter(new MockHttpServletRequest("POST", "/api/v1/pats"), response, failing);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getHeader("Location")).isNull();
        assertThat(response.getContentAsString()).contains("\"status\":503");
    }

    private static ServletWebRequest request() {
        return new ServletWebRequest(new MockHttpServletRequest("POST", "/api/v1/pats"));
    }
}
