package dev.scopekeeper.security;

import dev.scopekeeper.base.Messages;
import dev.scopekeeper.security.SignedTokens.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User bearer tokens for the REST API: a short-lived access token and a longer-lived refresh token,
 * issued for a username and password. Failures are Spring {@link AuthenticationException}s whose
 * message a user can read; a wrong password and an unknown user fail identically.
 */
@Service
public class UserTokenService {

    /** Both tokens of a pair; {@code expiresIn} is the access token's lifetime. Never logged. */
    public record IssuedTokens(String accessToken, String refreshToken, Duration expiresIn) {
        @Override
        public String toString() {
            return "IssuedTokens[expiresIn=" + expiresIn + "]";
        }
    }

    private final UserRepository users;
    private final SignedTokens tokens;
    private final ApiTokenProperties properties;
    private final Clock clock;
    private final DaoAuthenticationProvider passwords;

    UserTokenService(UserRepository users, SignedTokens tokens, ApiTokenProperties properties, Clock clock,
            ScopekeeperUserDetailsService userDetails, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
        // Spring's provider: same timing for unknown users; the password is checked before "disabled",
        // so only someone who knows the password learns that an account is disabled.
        this.passwords = new DaoAuthenticationProvider(userDetails);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.passwords.setPreAuthenticationChecks(user -> {
        });
        this.passwords.setPostAuthenticationChecks(user -> requireEnabled(user.isEnabled()));
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public IssuedTokens issue(String username, String password) {
        try {
            var result = passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    username == null ? "" : username, password == null ? "" : password));
            return issueFor(((ScopekeeperPrincipal) result.getPrincipal()).id());
        } catch (BadCredentialsException e) {
            throw new BadCredentialsException(Messages.get("api.auth.badCredentials"));
        }
    }

    /** A new pair for a valid refresh token of a user who is still enabled. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public IssuedTokens refresh(String refreshToken) {
        return issueFor(load(tokens.verify(refreshToken, Type.REFRESH)).id());
    }

    /** The user an access token belongs to, loaded fresh: a disabled or deleted user is refused. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public ScopekeeperPrincipal authenticate(String accessToken) {
        return load(tokens.verify(accessToken, Type.ACCESS));
    }

    private ScopekeeperPrincipal load(SignedTokens.Claims claims) {
        ScopekeeperPrincipal principal = users.findById(claims.userId()).map(ScopekeeperPrincipal::of)
                .orElseThrow(SignedTokens::invalid);
        requireEnabled(principal.enabled());
        return principal;
    }

    private IssuedTokens issueFor(long userId) {
        Instant now = clock.instant();
        return new IssuedTokens(tokens.sign(userId, Type.ACCESS, now.plus(properties.accessTokenTtl())),
                tokens.sign(userId, Type.REFRESH, now.plus(properties.refreshTokenTtl())),
                properties.accessTokenTtl());
    }

    private static void requireEnabled(boolean enabled) {
        if (!enabled) {
            throw new DisabledException(Messages.get("api.auth.disabled"));
        }
    }
}
