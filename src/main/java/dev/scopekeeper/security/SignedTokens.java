package dev.scopekeeper.security;

import dev.scopekeeper.base.Messages;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compact JWTs (HS256) for user bearer tokens: subject = user id, {@code typ} = access or refresh,
 * {@code iat}/{@code exp} from the {@link Clock}. The header is fixed, so no algorithm is ever taken
 * from a token; signatures are compared in constant time.
 */
@Component
class SignedTokens {

    enum Type {
        ACCESS, REFRESH;

        String claim() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Claims(long userId, Type type, Instant expiresAt) {
    }

    static final String SIGNING_KEY_NAME = "api-token-signing-key";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final ApiTokenProperties properties;
    private final ServerSecrets serverSecrets;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec key;

    SignedTokens(ApiTokenProperties properties, ServerSecrets serverSecrets, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.serverSecrets = serverSecrets;
        this.json = json;
        this.clock = clock;
        if (StringUtils.hasText(properties.signingKey()) && properties.signingKey().length() < 32) {
            throw new IllegalStateException("scopekeeper.api.signing-key (SCOPEKEEPER_API_SIGNING_KEY) must be "
                    + "at least 32 characters");
        }
    }

    String sign(long userId, Type type, Instant expiresAt) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", Long.toString(userId));
        claims.put("typ", type.claim());
        claims.put("iat", clock.instant().getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", B64.encodeToString(nonce));
        String unsigned = HEADER + "." + B64.encodeToString(json.writeValueAsBytes(claims));
        return unsigned + "." + B64.encodeToString(mac(unsigned));
    }

    /** The claims of a genuine, unexpired token of the expected type; otherwise an authentication failure. */
    Claims verify(String token, Type expected) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || !HEADER.equals(parts[0])) {
            throw invalid();
        }
        try {
            byte[] signature = B64_DECODER.decode(parts[2]);
            if (!MessageDigest.isEqual(signature, mac(parts[0] + "." + parts[1]))) {
                throw invalid();
            }
            JsonNode claims = json.readTree(B64_DECODER.decode(parts[1]));
            if (!expected.claim().equals(claims.path("typ").asString(""))) {
                throw invalid();
            }
            Instant expiresAt = Instant.ofEpochSecond(claims.path("exp").asLong());
            if (!clock.instant().isBefore(expiresAt)) {
                throw new CredentialsExpiredException(Messages.get("api.auth.tokenExpired"));
            }
            return new Claims(Long.parseLong(claims.path("sub").asString("")), expected, expiresAt);
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid();
        }
    }

    static BadCredentialsException invalid() {
        return new BadCredentialsException(Messages.get("api.auth.invalidToken"));
    }

    private byte[] mac(String content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return mac.doFinal(content.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            byte[] raw = StringUtils.hasText(properties.signingKey())
                    ? properties.signingKey().getBytes(StandardCharsets.UTF_8)
                    : serverSecrets.getOrCreate(SIGNING_KEY_NAME);
            current = new SecretKeySpec(raw, ALGORITHM);
            key = current;
        }
        return current;
    }
}
