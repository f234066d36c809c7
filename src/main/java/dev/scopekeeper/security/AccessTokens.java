package dev.scopekeeper.security;

import dev.scopekeeper.base.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * The API's access tokens: JWTs (HS256) made by Spring Security's {@link NimbusJwtEncoder} and checked
 * by its {@link NimbusJwtDecoder}, which accepts only HS256 with this key (no {@code alg} is taken from a
 * token). Claims: {@code iss}, {@code sub} (user id), {@code sid} (the sign-in's refresh family),
 * {@code iat}/{@code exp} from the {@link Clock}, and {@code iat_ms} (the issue instant in
 * milliseconds, compared with the user's "valid after" instant). The key: {@link ApiSigningKey}.
 */
@Component
class AccessTokens {

    static final String ISSUER = "scopekeeper";
    static final String FAMILY = "sid";
    static final String ISSUED_MS = "iat_ms";
    private static final String EXPIRED = "expired";

    /** What a verified access token says. */
    record Claims(long userId, String familyId, Instant issuedAt) {}

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final Clock clock;

    @Autowired
    AccessTokens(
            ApiTokenProperties properties,
            @Value("${scopekeeper.api.signing-key-file:${scopekeeper.embedded-db.data-dir:./data}/api-signing.key}")
                    Path keyFile,
            Clock clock) {
        this(ApiSigningKey.resolve(properties.signingKey(), keyFile), clock);
    }

    AccessTokens(SecretKey key, Clock clock) {
        this.clock = clock;
        this.encoder = NimbusJwtEncoder.withSecretKey(key)
                .algorithm(MacAlgorithm.HS256)
                .build();
        this.decoder = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        OAuth2TokenValidator<Jwt> validator = jwt -> {
            Instant expiresAt = jwt.getExpiresAt();
            if (expiresAt == null || !clock.instant().isBefore(expiresAt)) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", EXPIRED, null));
            }
            if (!ISSUER.equals(jwt.getClaimAsString("iss"))
                    || jwt.getSubject() == null
                    || jwt.getClaimAsString(FAMILY) == null
                    || jwt.getClaims().get(ISSUED_MS) == null) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "claims", null));
            }
            return OAuth2TokenValidatorResult.success();
        };
        this.decoder.setJwtValidator(validator);
    }

    String issue(long userId, String familyId, Instant expiresAt) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(Long.toString(userId))
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(FAMILY, familyId)
                .claim(ISSUED_MS, now.toEpochMilli())
                .build();
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(), claims))
                .getTokenValue();
    }

    /** The claims of a genuine, unexpired access token; otherwise a user-readable authentication failure. */
    Claims verify(String token) throws AuthenticationException {
        try {
            Jwt jwt = decoder.decode(token);
            Object issuedMs = jwt.getClaims().get(ISSUED_MS);
            return new Claims(
                    Long.parseLong(jwt.getSubject()),
                    jwt.getClaimAsString(FAMILY),
                    Instant.ofEpochMilli(((Number) issuedMs).longValue()));
        } catch (JwtValidationException e) {
            if (e.getErrors().stream().anyMatch(error -> EXPIRED.equals(error.getDescription()))) {
                throw new CredentialsExpiredException(Messages.get("api.auth.tokenExpired"));
            }
            throw invalid();
        } catch (JwtException | IllegalArgumentException | ClassCastException e) {
            throw invalid();
        }
    }

    static BadCredentialsException invalid() {
        return new BadCredentialsException(Messages.get("api.auth.invalidToken"));
    }
}
