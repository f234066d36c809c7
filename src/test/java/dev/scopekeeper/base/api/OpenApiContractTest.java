package dev.scopekeeper.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiDocument.Operation;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is part of the contract: every documented operation is called (with plausible input
 * built from its schema and real fixtures), and what comes back must be documented: the status among the
 * operation's responses, a success code equal to the one documented, and the content type the document gives
 * for that status ({@code application/json}, {@code application/problem+json} for errors, none for 204).
 */
@ApiTest
class OpenApiContractTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired
    ApiClient api;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestDomains testDomains;

    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyDocumentedOperationAnswersAsDocumented() {
        ApiDocument doc = new ApiDocument(api.get("/v3/api-docs", null).json());
        long domainId = testDomains.domain("Contract");
        UserProfile admin = testDomains.adminOf(domainId);
        UserProfile target = testUsers.create("contract-target", PlatformRole.USER);
        String token = api.accessToken(admin);
        var fixtures = new ApiDocument.Fixtures(
                target.id(),
                domainId,
                testDomains.client(domainId, "contract client"),
                testDomains.channel(domainId, "contract channel"),
                testDomains.group(domainId, "contract group"),
                UNIQUE::incrementAndGet);
        long patId = api.post(
                        "/api/v1/pats",
                        token,
                        Map.of("name", "contract " + UNIQUE.incrementAndGet(), "duration", "30d"))
                .json()
                .path("id")
                .asLong();

        List<String> failures = new ArrayList<>();
        List<String> neverSucceeded = new ArrayList<>();
        for (Operation op : doc.operations()) {
            String path = fill(op.path(), fixtures, patId);
            Object body = bodyFor(op, doc, fixtures, admin);
            // A fresh sign-in per operation: some operations end the caller's API sessions on purpose
            // (POST /users/tokens/revoke), which must not make every later operation a 401.
            String callerToken = api.accessToken(admin);
            Response response = api.send(op.method().toUpperCase(Locale.ROOT), path, callerToken, body);
            String problem = check(op, response);
            if (problem == null
                    && response.status() < 300
                    && response.contentType().startsWith("application/json")) {
                JsonNode schema = op.responses()
                        .path(Integer.toString(response.status()))
                        .path("content")
                        .path("application/json")
                        .path("schema");
                problem = nullsDocumented(doc, schema, response.json(), "");
            }
            if (problem != null) {
                failures.add(op + " (" + path + "): " + problem);
            }
            if (response.status() >= 300) {
                neverSucceeded.add(op + " -> " + response.status() + " " + response.body());
            }
        }
        assertThat(failures)
                .as("operations not answering as documented; these did not succeed with the generated " + "input: "
                        + neverSucceeded)
                .isEmpty();
        assertThat(neverSucceeded.size())
                .as("most operations succeed with the generated input: " + neverSucceeded)
                .isLessThan(doc.operations().size() / 3);
    }

    /** Two Java types with the same simple name would share one schema in the document (one hides the other). */
    @Test
    void noTwoApiTypesShareASchemaName() {
        Map<String, Set<Class<?>>> byName = new HashMap<>();
        for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
            if (!handler.getBeanType().getPackageName().startsWith("dev.scopekeeper")) {
                continue;
            }
            Method method = handler.getMethod();
            List<Type> types = new ArrayList<>(List.of(method.getGenericReturnType()));
            types.addAll(List.of(method.getGenericParameterTypes()));
            Set<Class<?>> seen = new HashSet<>();
            types.forEach(type -> collect(type, seen));
            seen.forEach(type -> byName.computeIfAbsent(type.getSimpleName(), name -> new HashSet<>())
                    .add(type));
        }
        Map<String, Set<Class<?>>> clashes = new LinkedHashMap<>();
        byName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                clashes.put(name, classes);
            }
        });
        assertThat(clashes).isEmpty();
    }

    @Test
    void errorsAreDocumentedAsProblemsAndNothingAsAnyContentType() {
        JsonNode doc = api.get("/v3/api-docs", null).json();
        assertThat(doc.toString()).doesNotContain("\"*/*\"");
        assertThat(doc.path("paths")
                        .path("/api/v1/admin/users")
                        .path("post")
                        .path("requestBody")
                        .toString())
                .contains("CreateUserJson")
                .doesNotContain("duration");
        assertThat(doc.path("paths")
                        .path("/api/v1/pats")
                        .path("get")
                        .path("responses")
                        .path("429")
                        .path("content")
                        .has("application/problem+json"))
                .isTrue();
        assertThat(doc.path("paths")
                        .path("/api/v1/users/tokens/issue")
                        .path("post")
                        .path("responses")
                        .has("429"))
                .isTrue();
    }

    private static void collect(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, seen);
            }
        } else if (type instanceof Class<?> c && c.getName().startsWith("dev.scopekeeper") && seen.add(c)) {
            if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    collect(component.getGenericType(), seen);
                }
            }
        }
    }

    /** A null in a body must be allowed by its schema ({@code "type": [..., "null"]} in OpenAPI 3.1). */
    private static String nullsDocumented(ApiDocument doc, JsonNode schema, JsonNode value, String where) {
        if (schema.isMissingNode()) {
            return null;
        }
        schema = doc.resolve(schema);
        if (value.isNull()) {
            boolean nullable = schema.path("nullable").asBoolean(false)
                    || schema.path("type").toString().contains("\"null\"")
                    || schema.path("oneOf").toString().contains("\"null\"");
            return nullable ? null : where + " is null but documented as " + schema.path("type");
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                String problem = nullsDocumented(doc, schema.path("items"), item, where + "[]");
                if (problem != null) {
                    return problem;
                }
            }
        } else if (value.isObject()) {
            for (var property : value.properties()) {
                String problem = nullsDocumented(
                        doc,
                        schema.path("properties").path(property.getKey()),
                        property.getValue(),
                        where + "." + property.getKey());
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String check(Operation op, Response response) {
        if (response.status() >= 500) {
            return "answered " + response.status() + ": " + response.body();
        }
        String code = Integer.toString(response.status());
        JsonNode documented = op.responses().path(code);
        if (documented.isMissingNode()) {
            return "answered " + code + ", documented " + op.responses().propertyNames();
        }
        if (response.status() < 300) {
            List<String> successes = op.responses().propertyNames().stream()
                    .filter(c -> c.startsWith("2"))
                    .toList();
            // One documented success per operation, except where the operation really has two outcomes that
            // each carry their own documented description (adding a member: 200 added, 202 invited).
            boolean twoOutcomes = successes.size() > 1
                    && successes.contains(code)
                    && successes.stream().allMatch(c -> !"OK"
                            .equals(op.responses().path(c).path("description").asString("OK")));
            if (!successes.equals(List.of(code)) && !twoOutcomes) {
                return "succeeded with " + code + ", documented successes " + successes;
            }
        }
        JsonNode content = documented.path("content");
        String actualType = response.contentType().split(";")[0].trim();
        if (content.isMissingNode() || content.isEmpty()) {
            if (!response.body().isEmpty()) {
                return code + " documented without a body, but sent " + actualType;
            }
            return null;
        }
        if (!content.has(actualType)) {
            return code + " sent " + actualType + ", documented " + content.propertyNames();
        }
        return null;
    }

    private String fill(String template, ApiDocument.Fixtures f, long patId) {
        Matcher variables = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String before = template.substring(0, variables.start());
            String collection = before.replaceAll("/$", "").replaceAll(".*/", "");
            long id =
                    switch (variables.group(1)) {
                        case "domainId" -> f.domainId();
                        case "userId" -> f.userId();
                        case "clientId" -> f.clientId();
                        case "channelId" -> f.channelId();
                        case "patId" -> patId;
                        case "id" ->
                            switch (collection) {
                                case "pats", "tokens" -> patId;
                                case "clients" -> f.clientId();
                                case "channels" -> f.channelId();
                                case "groups" -> f.groupId();
                                case "users" -> f.userId();
                                default -> 999_999_999L;
                            };
                        default -> 999_999_999L;
                    };
            variables.appendReplacement(path, Long.toString(id));
        }
        variables.appendTail(path);
        return path.toString();
    }

    private Object bodyFor(Operation op, ApiDocument doc, ApiDocument.Fixtures f, UserProfile admin) {
        if (op.path().equals("/api/v1/users/tokens/issue")) {
            return Map.of("username", admin.username(), "password", TestUsers.PASSWORD);
        }
        if (op.path().equals("/api/v1/users/tokens/refresh") || op.path().equals("/api/v1/users/tokens/revoke")) {
            return Map.of(
                    "refresh_token",
                    api.post(
                                    "/api/v1/users/tokens/issue",
                                    null,
                                    Map.of("username", admin.username(), "password", TestUsers.PASSWORD))
                            .json()
                            .path("refresh_token")
                            .asString());
        }
        JsonNode schema = op.bodySchema(doc);
        return schema == null ? null : doc.body(schema, f).toString();
    }
}
