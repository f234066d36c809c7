package dev.scopekeeper.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;

/**
 * The access tokens' key lives in a file only the process owner can read (or comes from the
 * environment), survives restarts, and tokens of another key, of no algorithm or past expiry are refused.
 */
class ApiSigningKeyTest {

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock();

    @Test
    void aGeneratedKeyFileIsPrivateToTheOwnerAndSurvivesARestart() throws Exception {
        Path keyFile = temp.resolve("data").resolve("api-signing.key");
        AccessTokens beforeRestart = new AccessTokens(ApiSigningKey.resolve(null, keyFile), clock);
        String token = beforeRestart.issue(42, "family", clock.instant().plusSeconds(60));

        AccessTokens afterRestart = new AccessTokens(ApiSigningKey.resolve("", keyFile), clock);

        assertThat(afterRestart.verify(token).userId()).isEqualTo(42);
        assertThat(afterRestart.verify(token).familyId()).isEqualTo("family");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.list(keyFile.getParent())).containsExactly(keyFile);
    }

    @Test
    void aKeyFileOthersCanReadIsMadePrivateAtStart() throws Exception {
        Path keyFile = temp.resolve("api-signing.key");
        ApiSigningKey.resolve(null, keyFile);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        ApiSigningKey.resolve(null, keyFile);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyIsUsedInsteadAndTokensOfAnotherKeyAreRefused() {
        Path keyFile = temp.resolve("api-signing.key");
        AccessTokens configured =
                new AccessTokens(ApiSigningKey.resolve("a configured signing key of 32+ chars", keyFile), clock);
        AccessTokens generated = new AccessTokens(ApiSigningKey.resolve(null, keyFile), clock);
        String token = configured.issue(7, "f", clock.instant().plusSeconds(60));

        assertThat(configured.verify(token).userId()).isEqualTo(7);
        assertThatThrownBy(() -> generated.verify(token))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("Invalid token");
    }

    @Test
    void aShortConfiguredKeyStopsTheStart() {
        assertThatThrownBy(() -> ApiSigningKey.resolve("too short", temp.resolve("k")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SCOPEKEEPER_API_SIGNING_KEY");
        assertThat(temp.resolve("k")).doesNotExist();
    }

    @Test
    void anExpiredOrUnsignedTokenIsRefused() {
        AccessTokens tokens = new AccessTokens(ApiSigningKey.resolve(null, temp.resolve("k")), clock);
        String token = tokens.issue(1, "f", clock.instant().plusSeconds(60));
        String[] parts = token.split("\\.");

        assertThatThrownBy(() -> tokens.verify("eyJhbGciOiJub25lIn0." + parts[1] + "."))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("Invalid token");
        clock.advance(Duration.ofSeconds(60));
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOf(CredentialsExpiredException.class)
                .hasMessage("The token has expired");
    }
}
