package dev.scopekeeper.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP calls to the running app (see {@link ApiTest}), and the assertions every API test needs. */
public class ApiClient {

    /** What came back; {@link #json()} parses the body. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** An RFC 9457 problem with this status and detail, and nothing that looks like a stack trace. */
        public Response assertProblem(int expectedStatus, String expectedDetail) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(contentType()).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(problem.path("title").asString()).isNotBlank();
            assertThat(problem.path("detail").asString()).isEqualTo(expectedDetail);
            return assertNoStackTrace();
        }

        public Response assertNoStackTrace() {
            assertThat(body).doesNotContain("Exception", "\tat ", "at dev.scopekeeper", "trace");
            return this;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Environment environment;
    private final HttpClient http = HttpClient.newHttpClient();

    ApiClient(Environment environment) {
        this.environment = environment;
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, String token, Object body) {
        return postRaw(path, token, body == null ? "" : JSON.writeValueAsString(body));
    }

    public Response postRaw(String path, String token, String json) {
        return send(
                request(path, token).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String token, Object body) {
        return send("PATCH", path, token, body);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** Any method; a non-null body is sent as JSON (a String as it is, anything else serialized). */
    public Response send(String method, String path, String token, Object body) {
        HttpRequest.Builder request = request(path, token);
        if (body == null) {
            return send(request.method(method, BodyPublishers.noBody()));
        }
        String json = body instanceof String raw ? raw : JSON.writeValueAsString(body);
        return send(request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json)));
    }

    /** An access token for a user created with {@link TestUsers}. */
    public String accessToken(UserProfile user) {
        Response response = post(
                "/api/v1/users/tokens/issue",
                null,
                Map.of("username", user.username(), "password", TestUsers.PASSWORD));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("access_token").asString();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
