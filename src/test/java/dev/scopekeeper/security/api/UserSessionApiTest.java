package dev.scopekeeper.security.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserAdministrationService;
import dev.scopekeeper.security.UserProfile;
import dev.scopekeeper.security.UserService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refresh tokens are single-use and rotate; reusing one revokes its sign-in; a password change, an
 * administrator's reset and API sign-out end every token issued before. The signing key is not in the
 * database.
 */
@ApiTest
class UserSessionApiTest extends ApiTestBase {

    private static final String ISSUE = "/api/v1/users/tokens/issue";
    private static final String REFRESH = "/api/v1/users/tokens/refresh";
    private static final String REVOKE = "/api/v1/users/tokens/revoke";
    private static final String ME = "/api/v1/users/me";
    private static final String NEW_PASSWORD = "a brand new passphrase 42";

    @Autowired
    UserService userService;

    @Autowired
    UserAdministrationService administration;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        users.signOut();
    }

    private Response signIn(UserProfile user, String password) {
        Response issued = api.post(ISSUE, null, Map.of("username", user.username(), "password", password));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return issued;
    }

    private Response refresh(String refreshToken) {
        return api.post(REFRESH, null, Map.of("refresh_token", refreshToken));
    }

    @Test
    void aRefreshTokenWorksOnceAndItsReuseRevokesTheWholeSignIn() {
        UserProfile user = users.create("rotate", PlatformRole.USER);
        String first =
                signIn(user, TestUsers.PASSWORD).json().path("refresh_token").asString();

        Response rotated = refresh(first);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String second = rotated.json().path("refresh_token").asString();
        assertThat(second).isNotEqualTo(first);
        String access = rotated.json().path("access_token").asString();
        assertThat(api.get(ME, access).status()).isEqualTo(200);

        refresh(first)
                .assertProblem(
                        401,
                        "This refresh token was already used: every token of this sign-in has "
                                + "been revoked, sign in again");
        refresh(second).assertProblem(401, "The token has been revoked: sign in again");
        api.get(ME, access).assertProblem(401, "The token has been revoked: sign in again");
        assertThat(signIn(user, TestUsers.PASSWORD).json().path("access_token").asString())
                .isNotBlank();
    }

    @Test
    void refreshTokensAreStoredOnlyAsDigests() throws Exception {
        UserProfile user = users.create("digest", PlatformRole.USER);
        String refresh =
                signIn(user, TestUsers.PASSWORD).json().path("refresh_token").asString();
        String digest = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(refresh.getBytes(StandardCharsets.UTF_8)));

        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM api_refresh_token WHERE user_id = ? AND token_digest = ?",
                        Integer.class,
                        user.id(),
                        digest))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM api_refresh_token WHERE token_digest = ?", Integer.class, refresh))
                .isZero();
    }

    @Test
    void changingThePasswordEndsEveryTokenIssuedBefore() {
        UserProfile user = users.create("changer", PlatformRole.USER);
        Response before = signIn(user, TestUsers.PASSWORD);
        users.signIn(user);

        userService.changePassword(TestUsers.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        api.get(ME, before.json().path("access_token").asString())
                .assertProblem(401, "The token has been revoked: sign in again");
        refresh(before.json().path("refresh_token").asString())
                .assertProblem(401, "The token has been revoked: sign in again");
        Response after = signIn(user, NEW_PASSWORD);
        assertThat(api.get(ME, after.json().path("access_token").asString()).status())
                .isEqualTo(200);
        assertThat(refresh(after.json().path("refresh_token").asString()).status())
                .isEqualTo(200);
    }

    @Test
    void anAdministratorsPasswordResetEndsEveryTokenIssuedBefore() {
        UserProfile user = users.create("reset", PlatformRole.USER);
        UserProfile admin = users.create("reset-admin", PlatformRole.ADMIN);
        Response before = signIn(user, TestUsers.PASSWORD);
        users.signIn(admin);

        administration.resetPassword(user.id(), NEW_PASSWORD);

        api.get(ME, before.json().path("access_token").asString())
                .assertProblem(401, "The token has been revoked: sign in again");
        refresh(before.json().path("refresh_token").asString())
                .assertProblem(401, "The token has been revoked: sign in again");
    }

    @Test
    void disablingAnAccountEndsItsTokensEvenAfterItIsEnabledAgain() {
        UserProfile user = users.create("disable", PlatformRole.USER);
        UserProfile admin = users.create("disable-admin", PlatformRole.ADMIN);
        Response before = signIn(user, TestUsers.PASSWORD);
        users.signIn(admin);

        administration.disable(user.id());
        administration.enable(user.id());

        api.get(ME, before.json().path("access_token").asString())
                .assertProblem(401, "The token has been revoked: sign in again");
        refresh(before.json().path("refresh_token").asString())
                .assertProblem(401, "The token has been revoked: sign in again");
    }

    @Test
    void signingOutOfTheApiEndsTheSignInAndEveryTokenIssuedBefore() {
        UserProfile user = users.create("signout", PlatformRole.USER);
        Response session = signIn(user, TestUsers.PASSWORD);
        String access = session.json().path("access_token").asString();

        Response out = api.post(REVOKE, access, null);

        assertThat(out.status()).as(out.body()).isEqualTo(204);
        api.get(ME, access).assertProblem(401, "The token has been revoked: sign in again");
        refresh(session.json().path("refresh_token").asString())
                .assertProblem(401, "The token has been revoked: sign in again");
        api.post(REVOKE, null, null)
                .assertProblem(
                        401, "Authentication required: send an access token as \"Authorization: Bearer <token>\"");
        assertThat(api.get(
                                ME,
                                signIn(user, TestUsers.PASSWORD)
                                        .json()
                                        .path("access_token")
                                        .asString())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aPersonalAccessTokenCannotSignItsOwnerOutOfTheApi() {
        UserProfile user = users.create("patsignout", PlatformRole.USER);
        String access =
                signIn(user, TestUsers.PASSWORD).json().path("access_token").asString();
        Response pat = api.post("/api/v1/pats", access, Map.of("name", "n" + System.nanoTime(), "duration", "7d"));
        assertThat(pat.status()).as(pat.body()).isEqualTo(201);

        Response refused = api.post(REVOKE, pat.json().path("secret").asString(), null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.get(ME, access).status()).isEqualTo(200);
    }

    @Test
    void theSigningKeyIsNotInTheDatabase() {
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM server_secret WHERE name = 'api-token-signing-key'", Integer.class))
                .isZero();
    }
}
