package dev.scopekeeper.security.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.MutableClock;
import dev.scopekeeper.base.api.ApiClient;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class UserTokenApiTest {

    private static final String ISSUE = "/api/v1/users/tokens/issue";
    private static final String REFRESH = "/api/v1/users/tokens/refresh";
    private static final String ME = "/api/v1/users/me";

    @Autowired
    ApiClient api;

    @Autowired
    TestUsers testUsers;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aUserSignsInWithUsernameAndPasswordAndCallsTheApiWithTheAccessToken() {
        UserProfile user = testUsers.create("token", PlatformRole.USER);

        Response issued = api.post(ISSUE, null, Map.of("username", user.username(), "password", TestUsers.PASSWORD));

        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.json().propertyNames())
                .containsExactlyInAnyOrder("access_token", "refresh_token", "expires_in");
        assertThat(issued.json().path("expires_in").asLong()).isEqualTo(900);
        assertThat(issued.headers().firstValue("Set-Cookie")).isEmpty();
        Response me = api.get(ME, issued.json().path("access_token").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("username").asString()).isEqualTo(user.username());
        assertThat(me.json().path("id").asLong()).isEqualTo(user.id());
        assertThat(me.body()).doesNotContainIgnoringCase("password");
    }

    @Test
    void aRefreshTokenBuysANewPairThatWorks() {
        UserProfile user = testUsers.create("refresh", PlatformRole.USER);
        Response issued = api.post(ISSUE, null, Map.of("username", user.username(), "password", TestUsers.PASSWORD));
        clock.advance(Duration.ofMinutes(20));

        Response refreshed = api.post(
                REFRESH,
                null,
                Map.of("refresh_token", issued.json().path("refresh_token").asString()));

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json().path("expires_in").asLong()).isEqualTo(900);
        assertThat(refreshed.json().path("access_token").asString())
                .isNotEqualTo(issued.json().path("access_token").asString());
        assertThat(api.get(ME, refreshed.json().path("access_token").asString()).status())
                .isEqualTo(200);
        api.get(ME, issued.json().path("access_token").asString()).assertProblem(401, "The token has expired");
    }

    @Test
    void aRefreshTokenExpiresAfterSevenDays() {
        UserProfile user = testUsers.create("refresh", PlatformRole.USER);
        Response issued = api.post(ISSUE, null, Map.of("username", user.username(), "password", TestUsers.PASSWORD));
        clock.advance(Duration.ofDays(7).plusSeconds(1));

        api.post(
                        REFRESH,
                        null,
                        Map.of(
                                "refresh_token",
                                issued.json().path("refresh_token").asString()))
                .assertProblem(401, "The token has expired");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        UserProfile user = testUsers.create("victim", PlatformRole.USER);

        Response wrongPassword = api.post(ISSUE, null, Map.of("username", user.username(), "password", "nope nope"));
        Response unknownUser = api.post(ISSUE, null, Map.of("username", "nobody-here", "password", "nope nope"));
        Response empty = api.post(ISSUE, null, Map.of());

        wrongPassword.assertProblem(401, "Incorrect username or password");
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(empty.body()).isEqualTo(wrongPassword.body());
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void aDisabledUserCannotSignInNorUseATokenIssuedBefore() {
        UserProfile user = testUsers.create("disabled", PlatformRole.USER);
        String accessToken = api.accessToken(user);
        Response issued = api.post(ISSUE, null, Map.of("username", user.username(), "password", TestUsers.PASSWORD));
        testUsers.setEnabled(user.id(), false);

        api.post(ISSUE, null, Map.of("username", user.username(), "password", TestUsers.PASSWORD))
                .assertProblem(401, "This account is disabled");
        api.get(ME, accessToken).assertProblem(401, "This account is disabled");
        api.post(
                        REFRESH,
                        null,
                        Map.of(
                                "refresh_token",
                                issued.json().path("refresh_token").asString()))
                .assertProblem(401, "This account is disabled");
    }

    @Test
    void anAccessTokenExpiresAfterFifteenMinutes() {
        String accessToken = api.accessToken(testUsers.create("expiry", PlatformRole.USER));
        clock.advance(Duration.ofMinutes(14));
        assertThat(api.get(ME, accessToken).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));

        Response expired = api.get(ME, accessToken).assertProblem(401, "The token has expired");
        assertThat(expired.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void aRefreshTokenIsNoAccessTokenAndAnAccessTokenIsNoRefreshToken() {
        UserProfile user = testUsers.create("types", PlatformRole.USER);
        Response issued = api.post(ISSUE, null, Map.of("username", user.username(), "password", TestUsers.PASSWORD));

        api.get(ME, issued.json().path("refresh_token").asString()).assertProblem(401, "Invalid token");
        api.post(
                        REFRESH,
                        null,
                        Map.of(
                                "refresh_token",
                                issued.json().path("access_token").asString()))
                .assertProblem(401, "Invalid token");
    }

    @Test
    void aTamperedOrForgedTokenIsRefused() {
        UserProfile user = testUsers.create("tamper", PlatformRole.USER);
        UserProfile admin = testUsers.create("tamper-admin", PlatformRole.ADMIN);
        String token = api.accessToken(user);
        String[] parts = token.split("\\.");
        String flipped = parts[2].charAt(0) == 'A' ? "B" + parts[2].substring(1) : "A" + parts[2].substring(1);
        String adminPayload = api.accessToken(admin).split("\\.")[1];

        api.get(ME, parts[0] + "." + parts[1] + "." + flipped).assertProblem(401, "Invalid token");
        api.get(ME, parts[0] + "." + adminPayload + "." + parts[2]).assertProblem(401, "Invalid token");
        api.get(ME, parts[0] + "." + parts[1] + ".").assertProblem(401, "Invalid token");
        api.get(ME, "eyJhbGciOiJub25lIn0." + parts[1] + ".").assertProblem(401, "Invalid token");
        api.get(ME, "garbage").assertProblem(401, "Invalid token");
    }

    @Test
    void aMalformedPersonalAccessTokenIsRefusedAsInvalid() {
        api.get(ME, "pat_0123456789abcdefghijABCDEFGHIJ0123456789abcd")
                .assertProblem(401, "Invalid personal access token");
    }

    @Test
    void withoutATokenTheApiAnswers401ProblemJson() {
        Response response = api.get(ME, null)
                .assertProblem(
                        401, "Authentication required: send an access token as \"Authorization: Bearer <token>\"");

        assertThat(response.json().path("title").asString()).isEqualTo("Unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void malformedJsonIsA400Problem() {
        api.postRaw(ISSUE, null, "{\"username\": ").assertProblem(400, "The request body is not valid JSON");
        api.postRaw(REFRESH, null, "{\"refresh_token\": {\"nested\": true}}")
                .assertProblem(400, "Invalid value for \"refresh_token\"");
    }
}
