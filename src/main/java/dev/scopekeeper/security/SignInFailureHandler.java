package dev.scopekeeper.security;

import dev.scopekeeper.base.db.DatabaseFaults;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Where the browser sign-in form goes after a failed sign-in: {@code /login?error} ("Incorrect username or
 * password", whatever was wrong) as before, but {@code /login?unavailable} when the password could not be checked
 * because the database is unavailable ({@link DatabaseFaults#unavailable}), so the sign-in page says that instead of
 * blaming the password. Nothing about the account is revealed either way.
 */
public class SignInFailureHandler implements AuthenticationFailureHandler {

    /** The query parameter of the sign-in page that says the database is unavailable. */
    public static final String UNAVAILABLE = "unavailable";

    private final AuthenticationFailureHandler refused;
    private final AuthenticationFailureHandler unavailable;

    SignInFailureHandler(String loginPath) {
        this.refused = new SimpleUrlAuthenticationFailureHandler(loginPath + "?error");
        this.unavailable = new SimpleUrlAuthenticationFailureHandler(loginPath + "?" + UNAVAILABLE);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        (DatabaseFaults.unavailable(exception) ? unavailable : refused)
                .onAuthenticationFailure(request, response, exception);
    }
}
