package dev.scopekeeper.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * User bearer tokens of the REST API ({@code scopekeeper.api.*}). The access tokens' HMAC key is
 * {@code signing-key} (env {@code SCOPEKEEPER_API_SIGNING_KEY}, at least 32 characters) or, without it,
 * generated into {@code signing-key-file} (mode 0600; default {@code <SCOPEKEEPER_DATA_DIR>/api-signing.key}).
 * It is never stored in the database.
 */
@ConfigurationProperties(prefix = "scopekeeper.api")
record ApiTokenProperties(
        String signingKey,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("7d") Duration refreshTokenTtl) {

    @Override
    public String toString() {
        return "ApiTokenProperties[accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl + "]";
    }
}
