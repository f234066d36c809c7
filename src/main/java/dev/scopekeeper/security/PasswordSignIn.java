package dev.scopekeeper.security;

import dev.scopekeeper.base.Messages;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The one place a password is checked, for the API and the browser sign-in form: throttled by
 * {@link SignInThrottle} before the check, Spring's {@link DaoAuthenticationProvider} for the check
 * (same timing for unknown users), the password before "disabled" (only someone who knows the password
 * learns that an account is disabled), and a hash-free {@link ScopekeeperPrincipal} as the result.
 */
@Component
public class PasswordSignIn {

    private final SignInThrottle throttle;
    private final DaoAuthenticationProvider passwords;

    PasswordSignIn(
            ScopekeeperUserDetailsService userDetails, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        this.throttle = throttle;
        this.passwords = new DaoAuthenticationProvider(userDetails) {
            @Override
            protected Authentication createSuccessAuthentication(
                    Object principal, Authentication authentication, UserDetails user) {
                ScopekeeperPrincipal signedIn = ((SignInAccount) user).principal();
                var result =
                        UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities());
                result.setDetails(authentication.getDetails());
                return result;
            }
        };
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.passwords.setPreAuthenticationChecks(user -> {});
        this.passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException(Messages.get("api.auth.disabled"));
            }
        });
    }

    /**
     * The principal for a right username and password from {@code address}.
     *
     * @throws SignInThrottle.SignInThrottled before any check when this address must wait
     * @throws BadCredentialsException "Incorrect username or password", for a wrong password and an unknown
     *         user alike
     * @throws DisabledException after the right password of a disabled account
     */
    ScopekeeperPrincipal authenticate(String username, String password, String address) {
        var request = UsernamePasswordAuthenticationToken.unauthenticated(
                username == null ? "" : username, password == null ? "" : password);
        return (ScopekeeperPrincipal) authenticate(request, address).getPrincipal();
    }

    private Authentication authenticate(UsernamePasswordAuthenticationToken request, String address) {
        String username = request.getName();
        throttle.check(username, address);
        try {
            Authentication result = passwords.authenticate(request);
            throttle.succeeded(username, address);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw new BadCredentialsException(Messages.get("api.auth.badCredentials"));
        }
    }

    /** For the browser form: the address is the one Spring recorded in the request's details. */
    public AuthenticationProvider formLoginProvider() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                        ? details.getRemoteAddress()
                        : null;
                return PasswordSignIn.this.authenticate((UsernamePasswordAuthenticationToken) authentication, address);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}
