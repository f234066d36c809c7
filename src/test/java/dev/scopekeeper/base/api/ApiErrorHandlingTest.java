package dev.scopekeeper.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class ApiErrorHandlingTest {

    @Autowired
    ApiClient api;

    @Autowired
    TestUsers testUsers;

    String token;

    @BeforeEach
    void signIn() {
        token = api.accessToken(testUsers.create("errors", PlatformRole.USER));
    }

    @Test
    void anUnknownPathIsA404Problem() {
        api.get("/api/v1/no-such-thing", token).assertProblem(404, "There is no API endpoint at this path");
    }

    @Test
    void anUnknownPathWithoutATokenIsStillA401() {
        api.get("/api/v1/no-such-thing", null)
                .assertProblem(
                        401, "Authentication required: send an access token as \"Authorization: Bearer <token>\"");
    }

    @Test
    void theWrongMethodIsA405Problem() {
        Response response = api.get("/api/v1/users/tokens/issue", token);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
        response.assertNoStackTrace();
    }

    @Test
    void beanValidationErrorsAre422NamingEveryField() {
        Response response = api.post("/api/test/errors/validated", token, Map.of("name", " ", "code", "toolong"));

        response.assertProblem(
                422,
                "The request has invalid fields: "
                        + response.json()
                                .path("errors")
                                .valueStream()
                                .map(e -> e.path("field").asString())
                                .distinct()
                                .reduce((a, b) -> a + ", " + b)
                                .orElseThrow());
        assertThat(response.json().path("errors").valueStream().map(e -> e.path("field")
                        .asString()))
                .containsExactlyInAnyOrder("name", "code");
    }

    @Test
    void anUnexpectedFailureIsAGeneric500WithoutInternals() {
        Response response = api.get("/api/test/errors/boom", token)
                .assertProblem(500, "An unexpected error occurred. Please try again later.");

        assertThat(response.body()).doesNotContain("hunter2", "secret-host", "IllegalState");
    }
}
