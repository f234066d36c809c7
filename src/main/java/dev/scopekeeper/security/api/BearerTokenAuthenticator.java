package dev.scopekeeper.security.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Extension point of the REST API's {@code Authorization: Bearer} authentication. Every Spring bean
 * implementing it is asked, in {@link org.springframework.core.annotation.Order @Order}, whether it
 * {@link #supports(String) supports} a presented token; the first that does authenticates it. A token
 * no bean supports is refused with 401 "Invalid token". User access tokens are handled by
 * {@link UserAccessTokenAuthenticator}; personal access tokens ({@code pat_...}) plug in here.
 */
public interface BearerTokenAuthenticator {

    /** Cheap and side-effect free: does this token look like one of mine (e.g. starts with {@code pat_})? */
    boolean supports(String token);

    /**
     * The authenticated caller, whose principal should be a
     * {@link dev.scopekeeper.security.ScopekeeperPrincipal} (loaded fresh, so disabled users are refused).
     *
     * @throws AuthenticationException when the token is not valid; its message is shown to the caller
     *         as the 401 problem's {@code detail}, so it must be user-readable and must not echo the token
     */
    Authentication authenticate(String token, HttpServletRequest request) throws AuthenticationException;
}
