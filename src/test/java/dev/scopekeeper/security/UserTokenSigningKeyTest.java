package dev.scopekeeper.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.ScopekeeperTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import tools.jackson.databind.json.JsonMapper;

/** Tokens stay valid across restarts: the generated key lives in the database, or comes from the environment. */
@ScopekeeperTest
class UserTokenSigningKeyTest {

    @Autowired
    ServerSecrets serverSecrets;
    @Autowired
    ServerSecretRepository secrets;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    @Test
    void aTokenSignedBeforeARestartIsValidAfterIt() {
        SignedTokens beforeRestart = new SignedTokens(properties(null), serverSecrets, json, clock);
        String token = beforeRestart.sign(42, SignedTokens.Type.ACCESS, clock.instant().plusSeconds(60));
        SignedTokens afterRestart = new SignedTokens(properties(null), serverSecrets, json, clock);

        assertThat(afterRestart.verify(token, SignedTokens.Type.ACCESS).userId()).isEqualTo(42);
        assertThat(secrets.findById(SignedTokens.SIGNING_KEY_NAME)).isPresent();
    }

    @Test
    void aConfiguredSigningKeyIsUsedInsteadAndTokensOfAnotherKeyAreRefused() {
        SignedTokens configured = new SignedTokens(properties("a configured signing key of 32+ chars"),
                serverSecrets, json, clock);
        SignedTokens generated = new SignedTokens(properties(null), serverSecrets, json, clock);
        Instant expiry = clock.instant().plusSeconds(60);

        String token = configured.sign(7, SignedTokens.Type.REFRESH, expiry);

        assertThat(configured.verify(token, SignedTokens.Type.REFRESH).userId()).isEqualTo(7);
        assertThatThrownBy(() -> generated.verify(token, SignedTokens.Type.REFRESH))
                .isInstanceOf(BadCredentialsException.class).hasMessage("Invalid token");
    }

    @Test
    void aShortConfiguredSigningKeyStopsTheStart() {
        assertThatThrownBy(() -> new SignedTokens(properties("too short"), serverSecrets, json, clock))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SCOPEKEEPER_API_SIGNING_KEY");
    }

    private static ApiTokenProperties properties(String signingKey) {
        return new ApiTokenProperties(signingKey, Duration.ofMinutes(15), Duration.ofDays(7));
    }
}
