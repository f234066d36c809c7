package dev.scopekeeper.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.pat.PatTokens;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import dev.scopekeeper.security.api.AuthenticationThrottle;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The decision API for other services, over HTTP: administrators create and revoke service credentials; a service
 * credential reaches only /introspect and /authorize, and nothing but a service credential reaches them; introspection
 * answers RFC 7662's shape and only {@code {"active": false}} for anything but a live PAT; /authorize answers with
 * the rule every call with the token passes.
 */
@ApiTest
class DecisionApiTest extends ApiTestBase {

    private static final String SERVICE_ONLY =
            "Service credentials can only call POST /api/v1/introspect and POST /api/v1/authorize";
    private static final String NEEDS_SERVICE =
            "This endpoint is for other services: authenticate with a service credential (svc_…)";
    private static final String PAT_REFUSED = "Personal access tokens can only call the domain API operations of"
            + " the scope catalogue; this endpoint is not one of them";
    private static final String INVALID = "Invalid service credential";

    @Autowired
    AuthenticationThrottle throttle;

    String adminToken;
    UserProfile alice;
    String aliceToken;
    long domain;
    long client;
    String service;

    @BeforeEach
    void anAdministratorCreatesAServiceCredential() {
        adminToken = api.accessToken(users.create("svcadmin", PlatformRole.ADMIN));
        alice = users.create("alice", PlatformRole.USER);
        aliceToken = api.accessToken(alice);
        domain = domains.domain("Decide");
        domains.member(domain, alice, DomainRole.EDITOR);
        client = domains.client(domain, "valve");
        service = createService("billing").path("secret").asString();
    }

    @AfterEach
    void throttleBackToNormal() {
        throttle.restoreDefaults();
    }

    /** Creates a live service credential named {@code name} plus a unique suffix (live names are unique). */
    private JsonNode createService(String name) {
        Response created =
                api.post("/api/v1/admin/services", adminToken, Map.of("name", name + "-" + System.nanoTime()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private String pat(String duration, List<Map<String, Object>> scopes) {
        return patJson(duration, scopes).path("secret").asString();
    }

    private JsonNode patJson(String duration, List<Map<String, Object>> scopes) {
        Response created = api.post(
                "/api/v1/pats",
                aliceToken,
                Map.of("name", "p" + System.nanoTime(), "duration", duration, "scopes", scopes));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private Map<String, Object> scope(String type, String operation, Object entity) {
        return Map.of(
                "domain_id", domain, "entity_type", type, "operation", operation, "entity_id", String.valueOf(entity));
    }

    private Map<String, Object> question(String token, String type, String operation, Object entity) {
        Map<String, Object> body = new HashMap<>();
        body.put("token", token);
        body.put("domain_id", domain);
        body.put("entity_type", type);
        body.put("operation", operation);
        body.put("entity_id", entity == null ? null : String.valueOf(entity));
        return body;
    }

    // --- service credentials: administration ---

    @Test
    void anAdministratorGetsTheSecretOnceAndListsOnlyItsHint() {
        JsonNode created = createService("inventory");
        String secret = created.path("secret").asString();
        assertThat(secret).startsWith("svc_").hasSize(PatTokens.TOKEN_LENGTH);
        assertThat(PatTokens.check(secret, "svc_"))
                .as("the PAT format's checksum")
                .isNull();
        assertThat(created.path("name").asString()).startsWith("inventory-");
        long id = created.path("id").asLong();

        Response list = api.get("/api/v1/admin/services?limit=100", adminToken);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(secret.substring(4, 36)).contains(PatTokens.hint(secret));
        assertThat(list.json().path("total").asLong()).isPositive();
        assertThat(list.json().path("services").valueStream().map(s -> s.path("id")
                        .asLong()))
                .contains(id);
    }

    @Test
    void onlyAPlatformAdministratorWithUserCredentialsManagesServiceCredentials() {
        api.post("/api/v1/admin/services", aliceToken, Map.of("name", "x"))
                .assertProblem(403, "You are not allowed to do this");
        api.get("/api/v1/admin/services", aliceToken).assertProblem(403, "You are not allowed to do this");
        String adminPat = api.post(
                        "/api/v1/pats", adminToken, Map.of("name", "adm" + System.nanoTime(), "duration", "7d"))
                .json()
                .path("secret")
                .asString();
        api.post("/api/v1/admin/services", adminPat, Map.of("name", "x")).assertProblem(403, PAT_REFUSED);
        api.get("/api/v1/admin/services", service).assertProblem(403, SERVICE_ONLY);
        api.post("/api/v1/admin/services", null, Map.of("name", "x")).assertNoStackTrace();
        assertThat(api.post("/api/v1/admin/services", null, Map.of("name", "x")).status())
                .isEqualTo(401);
    }

    @Test
    void aBlankNameIsRefusedAtTheField() {
        Response refused = api.post("/api/v1/admin/services", adminToken, Map.of("name", " "));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("field").asString()).isEqualTo("name");
    }

    @Test
    void twoLiveServiceCredentialsCannotShareANameButARevokedOneFreesIt() {
        String name = "ledger-" + System.nanoTime();
        Response first = api.post("/api/v1/admin/services", adminToken, Map.of("name", name));
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        Response again = api.post("/api/v1/admin/services", adminToken, Map.of("name", name.toUpperCase()));
        // named as it is stored (what the list shows), not as typed
        again.assertProblem(
                409,
                "A service credential named \"" + name + "\" already exists; revoke it first or"
                        + " choose another name");
        assertThat(again.json().path("field").asString()).isEqualTo("name");

        api.delete("/api/v1/admin/services/" + first.json().path("id").asLong(), adminToken);
        Response reused = api.post("/api/v1/admin/services", adminToken, Map.of("name", name));
        assertThat(reused.status())
                .as("a revoked credential's name is free again")
                .isEqualTo(201);
    }

    @Test
    void createsRacingForOneNameMakeOneCredential() throws Exception {
        String name = "racing-" + System.nanoTime();
        List<java.util.concurrent.CompletableFuture<Integer>> racing = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            racing.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return api.post("/api/v1/admin/services", adminToken, Map.of("name", name))
                        .status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var answer : racing) {
            statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(api.get("/api/v1/admin/services?limit=100", adminToken)
                        .json()
                        .path("services")
                        .valueStream()
                        .filter(s -> s.path("name").asString().equals(name)))
                .hasSize(1);
    }

    @Test
    void aRevokedServiceCredentialIsRefusedAtOnceInTheSameWordsAsAnUnknownOne() {
        JsonNode created = createService("retired");
        String secret = created.path("secret").asString();
        String pat = pat("7d", List.of());
        assertThat(api.post("/api/v1/introspect", secret, Map.of("token", pat)).status())
                .isEqualTo(200);

        Response revoked =
                api.delete("/api/v1/admin/services/" + created.path("id").asLong(), adminToken);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("status").asString()).isEqualTo("revoked");

        api.post("/api/v1/introspect", secret, Map.of("token", pat)).assertProblem(401, INVALID);
        String unknown = new PatTokens(null).generate("svc_");
        api.post("/api/v1/introspect", unknown, Map.of("token", pat)).assertProblem(401, INVALID);
        api.post("/api/v1/introspect", "svc_typo", Map.of("token", pat)).assertProblem(401, INVALID);
        String badChecksum = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");
        api.post("/api/v1/introspect", badChecksum, Map.of("token", pat)).assertProblem(401, INVALID);
    }

    @Test
    void revokingAnUnknownServiceCredentialIsNotFound() {
        api.delete("/api/v1/admin/services/987654321", adminToken).assertProblem(404, "Service credential not found");
    }

    @Test
    void badServiceCredentialsAreThrottledLikeBadTokens() {
        throttle.configure(3, Duration.ofMinutes(1));
        String unknown = new PatTokens(null).generate("svc_");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/introspect", unknown, Map.of("token", "x"))
                            .status())
                    .isEqualTo(401);
        }
        Response throttled = api.post("/api/v1/introspect", unknown, Map.of("token", "x"));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/introspect", service, Map.of("token", "x")).status())
                .as("a good credential from the same address still works")
                .isEqualTo(200);
    }

    // --- who reaches what ---

    @Test
    void aServiceCredentialReachesNothingButTheDecisionApi() {
        api.get("/api/v1/domains", service).assertProblem(403, SERVICE_ONLY);
        api.get("/api/v1/pats", service).assertProblem(403, SERVICE_ONLY);
        api.get("/api/v1/pats/self", service).assertProblem(403, SERVICE_ONLY);
        api.get("/api/v1/domains/" + domain + "/clients", service).assertProblem(403, SERVICE_ONLY);
    }

    @Test
    void neitherAPatNorAUserTokenReachesTheDecisionApi() {
        String pat = pat("7d", List.of(scope("clients", "*", "*")));
        for (String path : List.of("/api/v1/introspect", "/api/v1/authorize")) {
            api.post(path, pat, Map.of("token", pat)).assertProblem(403, PAT_REFUSED);
            api.post(path, aliceToken, Map.of("token", pat)).assertProblem(403, NEEDS_SERVICE);
            api.post(path, adminToken, Map.of("token", pat)).assertProblem(403, NEEDS_SERVICE);
            assertThat(api.post(path, null, Map.of("token", pat)).status()).isEqualTo(401);
        }
    }

    // --- introspection ---

    @Test
    void aLivePatIsIntrospectedInRfc7662Shape() {
        long channel = domains.channel(domain, "pipe");
        String pat = pat("7d", List.of(scope("clients", "view", "*"), scope("channels", "*", channel)));
        Response answer = api.post("/api/v1/introspect", service, Map.of("token", pat));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.path("active").asBoolean()).isTrue();
        assertThat(json.path("sub").asString()).isEqualTo(Long.toString(alice.id()));
        assertThat(json.path("username").asString()).isEqualTo(alice.username());
        assertThat(json.path("token_type").asString()).isEqualTo("pat");
        assertThat(json.path("exp").asLong() - json.path("iat").asLong())
                .isEqualTo(Duration.ofDays(7).toSeconds());
        assertThat(json.path("scope").asString().split(" "))
                .containsExactlyInAnyOrder(domain + ":clients:view:*", domain + ":channels:*:" + channel);
        assertThat(answer.body()).doesNotContain(pat.substring(4, 36));
    }

    @Test
    void aNeverExpiringPatHasNoExp() {
        String admin = adminToken;
        Map<String, Object> body = Map.of("name", "forever" + System.nanoTime(), "duration", "never");
        Response created = api.post("/api/v1/pats", admin, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode json = api.post(
                        "/api/v1/introspect",
                        service,
                        Map.of("token", created.json().path("secret").asString()))
                .json();
        assertThat(json.path("active").asBoolean()).isTrue();
        assertThat(json.has("exp")).isFalse();
    }

    @Test
    void anythingButALivePatIsOnlyInactive() {
        JsonNode created = patJson("7d", List.of());
        String revoked = created.path("secret").asString();
        long revokedId = created.path("id").asLong();
        assertThat(api.patch("/api/v1/pats/" + revokedId + "/secret/revoke", aliceToken, null)
                        .status())
                .isEqualTo(200);
        String unknown = new PatTokens(null).generate();
        List<String> inactive = List.of(revoked, unknown, "pat_short", "not a token", service, aliceToken);
        for (String token : inactive) {
            Response answer = api.post("/api/v1/introspect", service, Map.of("token", token));
            assertThat(answer.status()).as(token).isEqualTo(200);
            assertThat(answer.body()).as(token).isEqualTo("{\"active\":false}");
        }
    }

    @Test
    void aPatOfADisabledOwnerIsInactive() {
        UserProfile bob = users.create("bob", PlatformRole.USER);
        String bobToken = api.accessToken(bob);
        String pat = api.post("/api/v1/pats", bobToken, Map.of("name", "b" + System.nanoTime(), "duration", "7d"))
                .json()
                .path("secret")
                .asString();
        assertThat(api.post("/api/v1/introspect", service, Map.of("token", pat))
                        .json()
                        .path("active")
                        .asBoolean())
                .isTrue();
        users.setEnabled(bob.id(), false);
        assertThat(api.post("/api/v1/introspect", service, Map.of("token", pat)).body())
                .isEqualTo("{\"active\":false}");
    }

    @Test
    void introspectionWithoutATokenIsABadRequestNamingTheField() {
        Response refused = api.post("/api/v1/introspect", service, Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("field").asString()).isEqualTo("token");
        assertThat(refused.json().path("detail").asString()).isEqualTo("token is required");
    }

    // --- authorization decisions ---

    @Test
    void authorizeAnswersWhatTheRealCallWouldDo() {
        String pat = pat("7d", List.of(scope("clients", "view", client)));

        JsonNode allowed = api.post("/api/v1/authorize", service, question(pat, "clients", "view", client))
                .json();
        assertThat(allowed.path("allowed").asBoolean()).as(allowed.toString()).isTrue();
        assertThat(allowed.path("reason").asString()).isEqualTo("allowed");
        assertThat(api.get("/api/v1/domains/" + domain + "/clients/" + client, pat)
                        .status())
                .isEqualTo(200);

        JsonNode noScope = api.post("/api/v1/authorize", service, question(pat, "clients", "update", client))
                .json();
        assertThat(noScope.path("allowed").asBoolean()).isFalse();
        assertThat(noScope.path("reason").asString()).isEqualTo("no_scope_for_operation");
        assertThat(api.patch("/api/v1/domains/" + domain + "/clients/" + client, pat, Map.of("name", "renamed"))
                        .status())
                .isEqualTo(403);

        JsonNode otherEntity = api.post(
                        "/api/v1/authorize", service, question(pat, "clients", "view", Long.toString(client + 1)))
                .json();
        assertThat(otherEntity.path("allowed").asBoolean()).isFalse();
        assertThat(otherEntity.path("reason").asString()).isEqualTo("entity_outside_scope");
    }

    @Test
    void demotingTheOwnerShrinksTheAnswer() {
        String pat = pat("7d", List.of(scope("clients", "*", "*")));
        assertThat(api.post("/api/v1/authorize", service, question(pat, "clients", "update", client))
                        .json()
                        .path("allowed")
                        .asBoolean())
                .isTrue();
        domains.member(domain, alice, DomainRole.VIEWER);
        JsonNode demoted = api.post("/api/v1/authorize", service, question(pat, "clients", "update", client))
                .json();
        assertThat(demoted.path("allowed").asBoolean()).isFalse();
        assertThat(demoted.path("reason").asString()).isEqualTo("owner_role_too_low");
        assertThat(demoted.path("detail").asString()).contains("editor");
    }

    @Test
    void aClientThatDoesNotExistIsNotFound() {
        String pat = pat("7d", List.of(scope("clients", "*", "*")));
        JsonNode answer = api.post("/api/v1/authorize", service, question(pat, "clients", "view", 987_654_321L))
                .json();
        assertThat(answer.path("allowed").asBoolean()).isFalse();
        assertThat(answer.path("reason").asString()).isEqualTo("entity_not_found");
        assertThat(api.get("/api/v1/domains/" + domain + "/clients/987654321", pat)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anInactiveTokenIsNeverAllowed() {
        JsonNode answer = api.post(
                        "/api/v1/authorize",
                        service,
                        question(new PatTokens(null).generate(), "clients", "view", client))
                .json();
        assertThat(answer.path("allowed").asBoolean()).isFalse();
        assertThat(answer.path("reason").asString()).isEqualTo("token_inactive");
    }

    @Test
    void badQuestionsAreBadRequestsNamingTheField() {
        String pat = pat("7d", List.of());
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        Map<String, Object> noToken = question(null, "clients", "view", client);
        cases.put("token", noToken);
        Map<String, Object> noDomain = question(pat, "clients", "view", client);
        noDomain.remove("domain_id");
        cases.put("domain_id", noDomain);
        cases.put("entity_type", question(pat, "robots", "view", client));
        cases.put("operation", question(pat, "clients", "fly", client));
        cases.put("entity_id", question(pat, "clients", "view", "twelve"));
        cases.forEach((field, body) -> {
            Response refused = api.post("/api/v1/authorize", service, body);
            assertThat(refused.status()).as(field + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("field").asString()).isEqualTo(field);
            refused.assertNoStackTrace();
        });
    }

    // --- the API document ---

    @Test
    void theApiDocumentShowsTheDecisionApiWithItsOwnCredentialAndTheSelfEndpoint() {
        JsonNode doc = api.get("/v3/api-docs", null).json();
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertThat(schemes.path("serviceCredential").path("scheme").asString()).isEqualTo("bearer");
        for (String path : List.of("/api/v1/introspect", "/api/v1/authorize")) {
            JsonNode op = doc.path("paths").path(path).path("post");
            assertThat(op.path("x-scopekeeper-service-credential").asBoolean())
                    .as(path)
                    .isTrue();
            assertThat(op.path("security").toString()).as(path).contains("serviceCredential");
            assertThat(op.has("x-scopekeeper-operation")).as(path).isFalse();
            assertThat(op.path("responses").has("400")).as(path).isTrue();
            String ref = op.path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema")
                    .path("$ref")
                    .asString();
            JsonNode body = doc.path("components")
                    .path("schemas")
                    .path(ref.substring(ref.lastIndexOf('/') + 1))
                    .path("properties");
            assertThat(body.has("token")).as(path + " " + ref).isTrue();
        }
        JsonNode authorize =
                doc.path("components").path("schemas").path("AuthorizeJson").path("properties");
        assertThat(authorize.propertyNames()).contains("token", "domain_id", "entity_type", "operation", "entity_id");
        JsonNode self = doc.path("paths").path("/api/v1/pats/self").path("get");
        assertThat(self.path("x-scopekeeper-own-token").asBoolean()).isTrue();
        JsonNode services = doc.path("paths").path("/api/v1/admin/services");
        assertThat(services.has("post")).isTrue();
        assertThat(services.has("get")).isTrue();
        assertThat(doc.path("paths").path("/api/v1/admin/services/{id}").has("delete"))
                .isTrue();
    }
}
