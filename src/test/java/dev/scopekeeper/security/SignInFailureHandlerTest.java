package dev.scopekeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Where the sign-in form goes after a failure (issue 13): the database's fault is not the password's. */
class SignInFailureHandlerTest {

    private final SignInFailureHandler handler = new SignInFailureHandler("/login");

    @Test
    void aPasswordThatCouldNotBeCheckedBecauseTheDatabaseIsUnavailableSaysSo() throws Exception {
        // as DaoAuthenticationProvider wraps a failed user lookup
        var failure = new InternalAuthenticationServiceException(
                "Could not open JPA EntityManager for transaction",
                new CannotCreateTransactionException(
                        "Could not open JPA EntityManager for transaction",
                        new SQLTransientConnectionException("Connection is not available, request timed out")));

        assertThat(redirectAfter(failure)).isEqualTo("/login?unavailable");
    }

    @Test
    void aWrongPasswordIsTheUsualError() throws Exception {
        assertThat(redirectAfter(new BadCredentialsException("Incorrect username or password")))
                .isEqualTo("/login?error");
    }

    private String redirectAfter(AuthenticationException failure) throws Exception {
        var request = new MockHttpServletRequest("POST", "/login");
        var response = new MockHttpServletResponse();
        handler.onAuthenticationFailure(request, response, failure);
        return response.getRedirectedUrl();
    }
}
