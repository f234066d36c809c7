package dev.scopekeeper.security;

import dev.scopekeeper.base.Messages;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * User bearer tokens for the REST API: a short-lived access token (a JWT, {@link AccessTokens}) and an
 * opaque refresh token stored only as its SHA-256 digest. A sign-in starts a refresh <em>family</em>;
 * every refresh uses its token up and issues the next of the family; presenting a used one again (a
 * stolen copy racing its owner) revokes the whole family. Tokens issued before the user's "valid after"
 * instant (password change, reset, disable, sign-out) are refused. Failures are Spring
 * {@link AuthenticationException}s whose message a user can read; a wrong password and an unknown user
 * fail identically. Every sign-in, refresh and sign-out is published as an {@link ApiSignInEvent}.
 */
@Service
@UserCredentialsOnly
public class UserTokenService {

    /** Both tokens of a pair; {@code expiresIn} is the access token's lifetime. Never logged. */
    public record IssuedTokens(String accessToken, String refreshToken, Duration expiresIn) {
        @Override
        public String toString() {
            return "IssuedTokens[expiresIn=" + expiresIn + "]";
        }
    }

    /** A caller authenticated with an access token: who, and which sign-in (refresh family) it belongs to. */
    public record AccessTokenUser(ScopekeeperPrincipal principal, String familyId) {}

    private sealed interface Refreshed {}

    private record Rotated(IssuedTokens tokens, ScopekeeperPrincipal user) implements Refreshed {}

    private record Refused(AuthenticationException reason, Long userId, String username, String details)
            implements Refreshed {}

    private static final int REFRESH_BYTES = 32;

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final AccessTokens accessTokens;
    private final ApiTokenProperties properties;
    private final Clock clock;
    private final PasswordSignIn passwords;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final SecureRandom random = new SecureRandom();

    UserTokenService(
            UserRepository users,
            RefreshTokenRepository refreshTokens,
            AccessTokens accessTokens,
            ApiTokenProperties properties,
            Clock clock,
            PasswordSignIn passwords,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.clock = clock;
        this.passwords = passwords;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Signs in with username and password from {@code address} (throttled, audited). */
    @PreAuthorize("permitAll()")
    public IssuedTokens issue(String username, String password, String address) {
        ScopekeeperPrincipal user;
        try {
            user = passwords.authenticate(username, password, address);
        } catch (AuthenticationException e) {
            events.publishEvent(new ApiSignInEvent(
                    ApiSignInEvent.Kind.SIGN_IN_FAILED,
                    null,
                    typed(username),
                    address,
                    "API sign-in failed: " + e.getClass().getSimpleName()));
            throw e;
        }
        IssuedTokens tokens = transaction.execute(status -> {
            refreshTokens.deleteExpired(user.id(), clock.instant());
            return issueFor(user.id(), UUID.randomUUID().toString());
        });
        events.publishEvent(new ApiSignInEvent(
                ApiSignInEvent.Kind.SIGN_IN_SUCCEEDED, user.id(), user.username(), address, "API sign-in"));
        return tokens;
    }

    /** A new pair for a refresh token that was never used, of a user who is still enabled. */
    @PreAuthorize("permitAll()")
    public IssuedTokens refresh(String refreshToken, String address) {
        Refreshed outcome = transaction.execute(status -> rotate(refreshToken));
        return switch (outcome) {
            case Rotated rotated -> {
                events.publishEvent(new ApiSignInEvent(
                        ApiSignInEvent.Kind.REFRESHED,
                        rotated.user().id(),
                        rotated.user().username(),
                        address,
                        "API token refreshed"));
                yield rotated.tokens();
            }
            case Refused refused -> {
                events.publishEvent(new ApiSignInEvent(
                        ApiSignInEvent.Kind.REFRESH_REFUSED,
                        refused.userId(),
                        refused.username(),
                        address,
                        refused.details()));
                throw refused.reason();
            }
        };
    }

    /**
     * API sign-out for the caller of an access token: its refresh family ends, and every access and
     * refresh token of the user issued until now stops working.
     */
    @PreAuthorize("isAuthenticated()")
    public void signOut(AccessTokenUser caller, String address) {
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            refreshTokens.revokeFamily(caller.familyId(), now);
            users.invalidateTokens(caller.principal().id(), now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        });
        events.publishEvent(new ApiSignInEvent(
                ApiSignInEvent.Kind.SIGNED_OUT,
                caller.principal().id(),
                caller.principal().username(),
                address,
                "API sign-out"));
    }

    /** The user an access token belongs to, loaded fresh: a disabled or deleted user, or a revoked token, is refused. */
    @PreAuthorize("permitAll()")
    public AccessTokenUser authenticate(String accessToken) {
        AccessTokens.Claims claims = accessTokens.verify(accessToken);
        User user = readOnly.execute(status -> users.findById(claims.userId()).orElse(null));
        if (user == null) {
            throw AccessTokens.invalid();
        }
        requireEnabled(user.isEnabled());
        if (issuedBeforeValidAfter(user, claims.issuedAt())) {
            throw new BadCredentialsException(Messages.get("api.auth.tokenRevoked"));
        }
        return new AccessTokenUser(ScopekeeperPrincipal.of(user), claims.familyId());
    }

    private Refreshed rotate(String presented) {
        Instant now = clock.instant();
        RefreshToken token = presented == null || presented.isBlank()
                ? null
                : refreshTokens.findByTokenDigest(digest(presented)).orElse(null);
        if (token == null) {
            return new Refused(AccessTokens.invalid(), null, null, "unknown refresh token");
        }
        User user = users.findById(token.getUserId()).orElse(null);
        if (user == null) {
            return new Refused(AccessTokens.invalid(), null, null, "unknown refresh token");
        }
        if (token.getUsedAt() != null) {
            // Two holders of one refresh token: one of them stole it. End the family, and every access
            // token of the user too (the thief may hold one of this family's).
            refreshTokens.revokeFamily(token.getFamilyId(), now);
            users.invalidateTokens(user.getId(), now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            return new Refused(
                    new BadCredentialsException(Messages.get("api.auth.refreshReused")),
                    user.getId(),
                    user.getUsername(),
                    "refresh token reused: its sign-in was revoked");
        }
        if (!user.isEnabled()) {
            return new Refused(
                    new DisabledException(Messages.get("api.auth.disabled")),
                    user.getId(),
                    user.getUsername(),
                    "disabled account");
        }
        if (token.getRevokedAt() != null || issuedBeforeValidAfter(user, token.getIssuedAt())) {
            return new Refused(
                    new BadCredentialsException(Messages.get("api.auth.tokenRevoked")),
                    user.getId(),
                    user.getUsername(),
                    "revoked refresh token");
        }
        if (!now.isBefore(token.getExpiresAt())) {
            return new Refused(
                    new CredentialsExpiredException(Messages.get("api.auth.tokenExpired")),
                    user.getId(),
                    user.getUsername(),
                    "expired refresh token");
        }
        token.markUsed(now);
        return new Rotated(issueFor(user.getId(), token.getFamilyId()), ScopekeeperPrincipal.of(user));
    }

    private IssuedTokens issueFor(long userId, String familyId) {
        Instant now = clock.instant();
        byte[] raw = new byte[REFRESH_BYTES];
        random.nextBytes(raw);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        refreshTokens.save(
                new RefreshToken(userId, familyId, digest(refresh), now, now.plus(properties.refreshTokenTtl())));
        return new IssuedTokens(
                accessTokens.issue(userId, familyId, now.plus(properties.accessTokenTtl())),
                refresh,
                properties.accessTokenTtl());
    }

    private static boolean issuedBeforeValidAfter(User user, Instant issuedAt) {
        Instant validAfter = user.getTokensValidAfter();
        return validAfter != null
                && issuedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).isBefore(validAfter);
    }

    static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String typed(String username) {
        String typed = username == null ? "" : username.strip();
        return typed.length() > 64 ? typed.substring(0, 64) : typed;
    }

    private static void requireEnabled(boolean enabled) {
        if (!enabled) {
            throw new DisabledException(Messages.get("api.auth.disabled"));
        }
    }
}
