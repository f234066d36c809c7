package dev.scopekeeper.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

/**
 * Malformed requests (issue 10, item 7) are a 400 problem on every list endpoint and on any /api path: never a
 * 500, never an HTML page from the servlet container, never a redirect to the sign-in page, and never an ERROR
 * with a stack trace in the log.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestApiTest {

    @Autowired
    ApiClient api;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestDomains testDomains;

    @Autowired
    Environment environment;

    RawHttp raw;
    String token;
    List<String> listEndpoints;

    @BeforeEach
    void setUp() {
        raw = new RawHttp(environment.getRequiredProperty("local.server.port", Integer.class));
        UserProfile admin = testUsers.create("malformed", PlatformRole.ADMIN);
        token = api.accessToken(admin);
        long domain =
                testDomains.create(admin, "Malformed " + System.nanoTime()).id();
        listEndpoints = List.of(
                "/api/v1/pats",
                "/api/v1/domains",
                "/api/v1/invitations",
                "/api/v1/invitations/received",
                "/api/v1/admin/users",
                "/api/v1/admin/tokens",
                "/api/v1/admin/audit",
                "/api/v1/domains/" + domain + "/clients",
                "/api/v1/domains/" + domain + "/channels",
                "/api/v1/domains/" + domain + "/groups",
                "/api/v1/domains/" + domain + "/members",
                "/api/v1/domains/" + domain + "/pats",
                "/api/v1/domains/" + domain + "/invitations");
    }

    @Test
    void malformedQueryStringsAreA400ProblemOnEveryListEndpoint(CapturedOutput log) {
        for (String endpoint : listEndpoints) {
            for (String query : List.of(
                    "?=x",
                    "?name=%zz",
                    "?%zz=1",
                    "?offset=1%",
                    "?na%00me=x",
                    "?name=%00",
                    "?limit=%E0%80",
                    "?name%0d%0a=x")) {
                raw.get(endpoint + query, token).assertProblem(400);
            }
        }
        assertThat(log.getAll()).doesNotContain("ERROR", "\tat ");
    }

    @Test
    void aWellFormedQueryStillWorks() {
        assertThat(raw.get("/api/v1/pats?name=a%20b&offset=0", token).status()).isEqualTo(200);
    }

    @Test
    void suspiciousPathsAreA400ProblemNotAPageOrARedirect(CapturedOutput log) {
        for (String path : List.of(
                "/api/v1/pats/%00",
                "/api/v1/pats%2F1",
                "/api/v1/pats;jsessionid=1",
                "/api/v1/pats/1;x=y",
                "/api/v1/%2e%2e/pats",
                "/api/v1/pats/%2e%2e/users",
                "/api/v1/pats/%zz",
                "/api/v1/pats/..%2f",
                "/api/v1/pats/%5c",
                "/api/v1//pats")) {
            raw.get(path, token).assertProblem(400);
            raw.get(path, null).assertProblem(400);
        }
        assertThat(log.getAll()).doesNotContain("ERROR", "\tat ");
    }

    @Test
    void wellFormedJsonThatIsNotAnObjectIsA400SayingSoAndBrokenJsonIsStillCalledThat(CapturedOutput log) {
        String clients = listEndpoints.get(7);
        for (String endpoint : List.of("/api/v1/pats", clients, "/api/v1/users/tokens/issue")) {
            for (String body : List.of("[]", "[{\"name\": \"n\"}]", "\"x\"", "42", "1.5", "true", "null", " null ")) {
                api.send("POST", endpoint, token, body).assertProblem(400, "The request body must be a JSON object");
            }
            for (String body : List.of("{\"name\": ", "{\"name\": \"n\",}", "{name: 1}", "nope", "\"open", "")) {
                api.send("POST", endpoint, token, body).assertProblem(400, "The request body is not valid JSON");
            }
        }
        api.send("POST", "/api/v1/users/tokens/issue", null, "[]")
                .assertProblem(400, "The request body must be a JSON object");
        assertThat(log.getAll()).doesNotContain("ERROR", "\tat ");
    }

    @Test
    void aHeaderOver8KbIsA400Problem() {
        raw.send("GET", "/api/v1/pats", Map.of("Authorization", "Bearer " + token, "X-Padding", "a".repeat(9000)), null)
                .assertProblem(400);
        raw.send("GET", "/api/v1/pats", Map.of("Authorization", "Bearer " + "a".repeat(9000)), null)
                .assertProblem(400);
    }
}
