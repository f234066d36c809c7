package dev.scopekeeper.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Input hygiene (issue 10, item 9): text with control characters, direction overrides or unpaired surrogates,
 * JSON of the wrong type, duplicate keys, ids that are not plain decimal numbers and oversized bodies are each
 * refused with a problem naming the field.
 */
@ApiTest
class InputHygieneApiTest {

    @Autowired
    ApiClient api;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestDomains testDomains;

    @Autowired
    Environment environment;

    String token;
    long domainId;
    RawHttp raw;

    @BeforeEach
    void setUp() {
        UserProfile admin = testUsers.create("hygiene", PlatformRole.ADMIN);
        token = api.accessToken(admin);
        domainId = testDomains.create(admin, "Hygiene " + System.nanoTime()).id();
        raw = new RawHttp(environment.getRequiredProperty("local.server.port", Integer.class));
    }

    @Test
    void namesWithControlCharactersDirectionOverridesOrLoneSurrogatesAreRefusedNamingTheField() {
        for (String bad : List.of(
                "a\\u0000b",
                "a\\u0007b",
                "tab\\tname",
                "line\\nbreak",
                "a\\u0085b",
                "a\\u009bb",
                "evil\\u202egnp.exe",
                "a\\u202ab",
                "a\\u2066b",
                "a\\u2069b",
                "a\\ud800b",
                "a\\udc00b",
                "a\\u007fb")) {
            String name = "\"" + bad + "\"";
            assertRefused(
                    api.send("POST", "/api/v1/pats", token, "{\"name\":" + name + ",\"duration\":\"30d\"}"),
                    422,
                    "name");
            assertRefused(
                    api.send("POST", "/api/v1/domains/" + domainId + "/clients", token, "{\"name\":" + name + "}"),
                    422,
                    "name");
            assertRefused(
                    api.send(
                            "POST",
                            "/api/v1/domains",
                            token,
                            "{\"name\":" + name + ",\"route\":\"" + TestDomains.uniqueRoute("h") + "\"}"),
                    422,
                    "name");
        }
    }

    @Test
    void descriptionsMayHoldLineBreaksButNotControlCharactersOrOverrides() {
        Response ok = api.send(
                "POST",
                "/api/v1/pats",
                token,
                "{\"name\":\"multi " + System.nanoTime() + "\",\"description\":\"line one\\nline two\\tend\","
                        + "\"duration\":\"30d\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        for (String bad : List.of("a\\u0000b", "a\\u001bb", "a\\u202eb", "a\\ud83db")) {
            assertRefused(
                    api.send(
                            "POST",
                            "/api/v1/pats",
                            token,
                            "{\"name\":\"d " + System.nanoTime() + "\",\"description\":\"" + bad
                                    + "\",\"duration\":\"30d\"}"),
                    422,
                    "description");
        }
    }

    @Test
    void zeroWidthAndInvisibleFormatCharactersAreRefusedNamingTheField() {
        for (String bad : List.of(
                "a\\u200bb",
                "a\\u200cb",
                "a\\u200db",
                "a\\u200eb",
                "a\\u200fb",
                "a\\u2060b",
                "a\\u2064b",
                "a\\ufeffb",
                "a\\u00adb")) {
            assertRefused(
                    api.send("POST", "/api/v1/pats", token, "{\"name\":\"" + bad + "\",\"duration\":\"30d\"}"),
                    422,
                    "name");
            assertRefused(
                    api.send("POST", "/api/v1/domains/" + domainId + "/clients", token, "{\"name\":\"" + bad + "\"}"),
                    422,
                    "name");
            assertRefused(
                    api.send(
                            "POST",
                            "/api/v1/pats",
                            token,
                            "{\"name\":\"d " + System.nanoTime() + "\",\"description\":\"" + bad
                                    + "\",\"duration\":\"30d\"}"),
                    422,
                    "description");
        }
    }

    @Test
    void aNameInAnotherScriptAndAnEmojiAreStillAccepted() {
        Response ok = api.send(
                "POST",
                "/api/v1/pats",
                token,
                "{\"name\":\"\u0645\u0641\u062a\u0627\u062d \uD83D\uDD11 " + System.nanoTime()
                        + "\",\"duration\":\"30d\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    }

    @Test
    void jsonValuesOfTheWrongTypeAreNotCoerced() {
        assertRefused(api.send("POST", "/api/v1/pats", token, "{\"name\":5,\"duration\":\"30d\"}"), 400, "name");
        assertRefused(api.send("POST", "/api/v1/pats", token, "{\"name\":true,\"duration\":\"30d\"}"), 400, "name");
        assertRefused(api.send("POST", "/api/v1/pats", token, "{\"name\":\"n\",\"duration\":30}"), 400, "duration");
        assertRefused(
                api.send(
                        "POST",
                        "/api/v1/pats",
                        token,
                        "{\"name\":\"n " + System.nanoTime()
                                + "\",\"duration\":\"30d\",\"scopes\":[{\"domain_id\":1.5,\"entity_type\":\"clients\","
                                + "\"operation\":\"*\",\"entity_id\":\"*\"}]}"),
                400,
                "scopes[0].domain_id");
        assertRefused(
                api.send(
                        "POST",
                        "/api/v1/pats",
                        token,
                        "{\"name\":\"n " + System.nanoTime()
                                + "\",\"duration\":\"30d\",\"scopes\":[{\"domain_id\":\"" + domainId
                                + "\",\"entity_type\":"
                                + "\"clients\",\"operation\":\"*\",\"entity_id\":\"*\"}]}"),
                400,
                "scopes[0].domain_id");
        assertRefused(
                api.send(
                        "POST",
                        "/api/v1/domains/" + domainId + "/members",
                        token,
                        "{\"user_id\":1.0,\"role\":\"viewer\"}"),
                400,
                "user_id");
        assertRefused(
                api.send(
                        "POST",
                        "/api/v1/admin/users",
                        token,
                        "{\"username\":\"u" + System.nanoTime()
                                + "\",\"email\":\"u@example.com\",\"password\":\"a long enough passphrase\",\"role\":0}"),
                400,
                "role");
    }

    @Test
    void aJsonKeyGivenTwiceIsRefused() {
        Response response = api.send(
                "POST", "/api/v1/pats", token, "{\"name\":\"harmless\",\"name\":\"other\",\"duration\":\"30d\"}");
        assertRefused(response, 400, "name");
        assertThat(response.json().path("detail").asString()).contains("\"name\"");
    }

    @Test
    void pathIdsMustBePlainDecimalNumbers() {
        for (String id : List.of("0x10", "%2010", "10%20", "+10", "1e1", "010.0", "%0910", "99999999999999999999")) {
            RawHttp.Answer answer = raw.get("/api/v1/domains/" + id, token).assertProblem(400);
            assertThat(answer.json().path("field").asString()).isEqualTo("domainId");
            assertThat(answer.json().path("detail").asString()).isEqualTo("Invalid value for parameter \"domainId\"");
        }
        raw.get("/api/v1/domains/" + domainId + "/clients/0x1", token).assertProblem(400);
        raw.get("/api/v1/pats?limit=0x10", token).assertProblem(400);
        assertThat(raw.get("/api/v1/domains/" + domainId, token).status()).isEqualTo(200);
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWithA413Problem() throws Exception {
        String huge = "{\"name\":\"big\",\"description\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"duration\":\"30d\"}";
        api.send("POST", "/api/v1/pats", token, huge)
                .assertProblem(413, "The request body is larger than 1048576 bytes");

        // without a Content-Length (chunked): refused once a mebibyte has been read
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + environment.getRequiredProperty("local.server.port") + "/api/v1/pats"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();
        var response = HttpClient.newHttpClient().send(chunked, BodyHandlers.ofString());
        new Response(response.statusCode(), response.headers(), response.body())
                .assertProblem(413, "The request body is larger than 1048576 bytes");
    }

    @Test
    void aMethodTheApiDoesNotServeIsA405ProblemNotARedirectToSignIn() {
        for (String method : List.of("TRACE", "PROPFIND", "FOO")) {
            for (String bearer : java.util.Arrays.asList(null, token)) {
                Response response = api.send(method, "/api/v1/users/me", bearer, null);
                response.assertProblem(405, "The API does not serve the method " + method);
                assertThat(response.headers().firstValue("Allow").orElse(""))
                        .contains("GET")
                        .doesNotContain("TRACE");
            }
        }
        assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(200);
    }

    @Test
    void twoAuthorizationHeadersAreA400InvalidRequest() throws Exception {
        for (String second : List.of("Bearer " + token, "Bearer other", "Basic dXNlcjpwYXNz")) {
            HttpRequest twice = HttpRequest.newBuilder(URI.create("http://localhost:"
                            + environment.getRequiredProperty("local.server.port") + "/api/v1/users/me"))
                    .header("Authorization", "Bearer " + token)
                    .header("Authorization", second)
                    .GET()
                    .build();
            var answer = HttpClient.newHttpClient().send(twice, BodyHandlers.ofString());
            new Response(answer.statusCode(), answer.headers(), answer.body())
                    .assertProblem(400, "The request has more than one Authorization header; send exactly one");
            assertThat(answer.headers().firstValue("WWW-Authenticate").orElse(""))
                    .contains("invalid_request");
        }
    }

    private static void assertRefused(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("field").asString()).as(response.body()).isEqualTo(field);
        assertThat(response.json().path("detail").asString())
                .as(response.body())
                .containsIgnoringCase(field.replaceAll(".*\\.", ""));
        response.assertNoStackTrace();
    }
}
