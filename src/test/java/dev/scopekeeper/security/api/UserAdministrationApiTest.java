package dev.scopekeeper.security.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ApiTest
class UserAdministrationApiTest extends ApiTestBase {

    private static final String USERS = "/api/v1/users";
    private static final String GOOD_PASSWORD = "a long enough passphrase";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    UserProfile admin;
    String adminToken;

    @BeforeEach
    void signInAsAdmin() {
        admin = users.create("admin", PlatformRole.ADMIN);
        adminToken = api.accessToken(admin);
    }

    @Test
    void anAdministratorCreatesAUserWhoCanThenSignIn() {
        String username = uniqueName();

        Response created = api.post(USERS, adminToken, newUser(username, "USER"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/users/" + id);
        assertThat(created.json().propertyNames())
                .containsExactlyInAnyOrder("id", "username", "display_name", "email", "role", "enabled");
        assertThat(created.json().path("username").asString()).isEqualTo(username);
        assertThat(created.json().path("role").asString()).isEqualTo("USER");
        assertThat(created.json().path("enabled").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContainIgnoringCase("password").doesNotContain(GOOD_PASSWORD);
        assertThat(api.post("/api/v1/users/tokens/issue", null, Map.of("username", username, "password", GOOD_PASSWORD))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAdministratorDisablesAndReEnablesAUser() {
        UserProfile user = users.create("member", PlatformRole.USER);
        String userToken = api.accessToken(user);

        Response disabled = api.post(USERS + "/" + user.id() + "/disable", adminToken, null);

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        api.get(USERS + "/me", userToken).assertProblem(401, "This account is disabled");

        Response enabled = api.post(USERS + "/" + user.id() + "/enable", adminToken, null);

        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().path("enabled").asBoolean()).isTrue();
        // Disabling ended every token issued before it (issue 10, item 6): re-enabling does not revive them.
        api.get(USERS + "/me", userToken).assertProblem(401, "The token has been revoked: sign in again");
        assertThat(api.get(USERS + "/me", api.accessToken(user)).status()).isEqualTo(200);
    }

    @Test
    void aUserWhoIsNoAdministratorIsRefusedWith403() {
        UserProfile user = users.create("plain", PlatformRole.USER);
        String userToken = api.accessToken(user);
        String username = uniqueName();

        api.post(USERS, userToken, newUser(username, "ADMIN")).assertProblem(403, "You are not allowed to do this");
        api.post(USERS + "/" + admin.id() + "/disable", userToken, null)
                .assertProblem(403, "You are not allowed to do this");
        api.post(USERS + "/" + user.id() + "/enable", userToken, null)
                .assertProblem(403, "You are not allowed to do this");
    }

    @Test
    void withoutATokenUserAdministrationIs401() {
        api.post(USERS + "/" + admin.id() + "/disable", null, null)
                .assertProblem(
                        401, "Authentication required: send an access token as \"Authorization: Bearer <token>\"");
    }

    @Test
    void anUnknownUserIs404() {
        api.post(USERS + "/987654321/disable", adminToken, null).assertProblem(404, "User not found");
        api.post(USERS + "/987654321/enable", adminToken, null).assertProblem(404, "User not found");
    }

    @Test
    void aTakenUsernameIs409() {
        UserProfile existing = users.create("taken", PlatformRole.USER);

        Response response = api.post(
                        USERS,
                        adminToken,
                        userBody(existing.username().toUpperCase(), "other@example.com", GOOD_PASSWORD, "USER"))
                .assertProblem(409, "This username is already taken");

        assertThat(response.json().path("field").asString()).isEqualTo("username");
    }

    @Test
    void invalidInputIs422NamingTheField() {
        String username = uniqueName();

        assertInvalid(
                userBody(username, username + "@example.com", "short", "USER"),
                "password",
                "Password must be at least 12 characters");
        assertInvalid(
                userBody(username, username + "@example.com", "aaaaaaaaaaaaaaaa", "USER"),
                "password",
                "This password is too easy to guess; try a longer passphrase");
        assertInvalid(
                userBody("a b", "x@example.com", GOOD_PASSWORD, "USER"),
                "username",
                "Use 3 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit");
        assertInvalid(
                userBody(username, "nope", GOOD_PASSWORD, "USER"),
                "email",
                "Enter a valid email address, like name@example.com");
        assertInvalid(
                Map.of("username", username, "email", username + "@example.com", "password", GOOD_PASSWORD),
                "role",
                "Role is required: ADMIN or USER");
        api.post(USERS, adminToken, newUser(username, "KING")).assertProblem(400, "Invalid value for \"role\"");
    }

    @Test
    void anAdministratorCannotDisableThemselves() {
        Response response = api.post(USERS + "/" + admin.id() + "/disable", adminToken, null)
                .assertProblem(409, "You cannot disable your own account");

        assertThat(response.json().path("field").isMissingNode()).isTrue();
        assertThat(api.get(USERS + "/me", adminToken).json().path("enabled").asBoolean())
                .isTrue();
    }

    @Test
    void aMalformedIdIs400() {
        Response response = api.post(USERS + "/abc/disable", adminToken, null)
                .assertProblem(400, "Invalid value for parameter \"id\"");

        assertThat(response.json().path("field").asString()).isEqualTo("id");
    }

    /** The body of {@code POST /api/v1/users}. */
    private static Map<String, String> userBody(String username, String email, String password, String role) {
        return Map.of("username", username, "email", email, "password", password, "role", role);
    }

    /** A new user with a good password and an address of their own. */
    private static Map<String, String> newUser(String username, String role) {
        return userBody(username, username + "@example.com", GOOD_PASSWORD, role);
    }

    private void assertInvalid(Map<String, String> body, String field, String detail) {
        Response response = api.post(USERS, adminToken, body).assertProblem(422, detail);
        assertThat(response.json().path("field").asString()).isEqualTo(field);
    }

    private static String uniqueName() {
        return "created-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }
}
