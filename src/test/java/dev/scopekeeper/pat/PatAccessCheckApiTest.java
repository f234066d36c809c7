package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/pats/{id}/check} (invalid input is 422 problem+json naming the field, as everywhere in the
 * API) and the {@code effective} / {@code reason} of each scope. */
@ApiTest
class PatAccessCheckApiTest extends ApiTestBase {

    UserProfile alice;
    String aliceToken;
    long kitchen;
    long fridge;
    long oven;

    @BeforeEach
    void aliceIsAViewerOfKitchen() {
        alice = users.create("alice", PlatformRole.USER);
        aliceToken = api.accessToken(alice);
        kitchen = domains.domain("Kitchen");
        domains.member(kitchen, alice, DomainRole.VIEWER);
        fridge = domains.client(kitchen, "fridge");
        oven = domains.client(kitchen, "oven");
    }

    private Map<String, Object> scope(String type, String op, Object entity) {
        return Map.of("domain_id", kitchen, "entity_type", type, "operation", op, "entity_id", String.valueOf(entity));
    }

    private JsonNode createPat(Object... scopes) {
        return api.post(
                        "/api/v1/pats",
                        aliceToken,
                        Map.of("name", "p" + System.nanoTime(), "duration", "7d", "scopes", List.of(scopes)))
                .json();
    }

    private JsonNode check(long patId, Map<String, Object> body) {
        var response = api.post("/api/v1/pats/" + patId + "/check", aliceToken, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aMatchingScopeIsAllowedAndNamesTheScope() {
        long pat = createPat(scope("clients", "view", fridge)).path("id").asLong();

        JsonNode answer = check(pat, scope("clients", "view", fridge));

        assertThat(answer.path("allowed").asBoolean()).isTrue();
        assertThat(answer.path("reason").asString()).isEqualTo("allowed");
        assertThat(answer.path("matched_scope").path("entity_id").asString()).isEqualTo(String.valueOf(fridge));
        assertThat(answer.path("suggested_scope").isNull()).isTrue();
    }

    @Test
    void aMissingScopeIsDeniedWithTheClosestScopeAndTheScopeThatWouldAllowIt() {
        long pat = createPat(scope("clients", "view", fridge)).path("id").asLong();

        JsonNode answer = check(pat, scope("clients", "view", oven));

        assertThat(answer.path("allowed").asBoolean()).isFalse();
        assertThat(answer.path("reason").asString()).isEqualTo("entity_outside_scope");
        assertThat(answer.path("closest_scope").path("entity_id").asString()).isEqualTo(String.valueOf(fridge));
        assertThat(answer.path("suggested_scope").path("entity_id").asString()).isEqualTo(String.valueOf(oven));
        assertThat(answer.path("suggested_scope").path("operation").asString()).isEqualTo("view");
    }

    @Test
    void aRequestLineIsMappedToItsOperationAndTheOwnersRoleDecidesByName() {
        long pat = createPat(scope("clients", "update_tags", "*")).path("id").asLong();

        JsonNode answer = check(
                pat, Map.of("method", "PATCH", "path", "/api/v1/domains/" + kitchen + "/clients/" + fridge + "/tags"));

        assertThat(answer.path("allowed").asBoolean()).isFalse();
        assertThat(answer.path("reason").asString()).isEqualTo("owner_role_too_low");
        assertThat(answer.path("operation").asString()).isEqualTo("update_tags");
        assertThat(answer.path("entity_id").asLong()).isEqualTo(fridge);
        assertThat(answer.path("detail").asString()).contains("viewer").contains("Kitchen");
        assertThat(answer.path("suggested_scope").isNull()).isTrue();
    }

    @Test
    void aTokenManagementPathIsDeniedToEveryToken() {
        long pat = createPat(scope("clients", "*", "*")).path("id").asLong();

        JsonNode answer = check(pat, Map.of("method", "GET", "path", "/api/v1/pats"));

        assertThat(answer.path("allowed").asBoolean()).isFalse();
        assertThat(answer.path("reason").asString()).isEqualTo("user_credentials_only");
    }

    @Test
    void aRevokedTokenIsDeniedAsRevoked() {
        long pat = createPat(scope("clients", "view", fridge)).path("id").asLong();
        api.patch("/api/v1/pats/" + pat + "/secret/revoke", aliceToken, null);

        assertThat(check(pat, scope("clients", "view", fridge)).path("reason").asString())
                .isEqualTo("token_revoked");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        long pat = createPat(scope("clients", "view", fridge)).path("id").asLong();
        String path = "/api/v1/pats/" + pat + "/check";

        Map<String, Object> badType = new HashMap<>(scope("clients", "view", fridge));
        badType.put("entity_type", "toasters");
        assertThat(api.post(path, aliceToken, badType)
                        .assertProblem(422, Messages.get("access.check.entityType.invalid"))
                        .json()
                        .path("field")
                        .asString())
                .isEqualTo("entity_type");
        Map<String, Object> badOp = new HashMap<>(scope("clients", "fly", fridge));
        api.post(path, aliceToken, badOp).assertProblem(422, Messages.get("access.check.operation.invalid"));
        api.post(path, aliceToken, Map.of("method", "GET", "path", "/api/v1/nowhere"))
                .assertProblem(422, Messages.get("access.check.path.unknown"));
        api.post(path, aliceToken, Map.of("method", "FLY", "path", "/api/v1/pats"))
                .assertProblem(422, Messages.get("access.check.method.invalid"));
        assertThat(api.post(path, aliceToken, Map.of("path", "/api/v1/pats"))
                        .assertProblem(422, Messages.get("access.check.method.required"))
                        .json()
                        .path("field")
                        .asString())
                .isEqualTo("method");
    }

    @Test
    void requestLinesTheRealRequestWouldNeverGetPastAreRefusedAndHeadIsDecidedAsGet() {
        long pat = createPat(scope("clients", "view", fridge)).path("id").asLong();
        String path = "/api/v1/pats/" + pat + "/check";
        String client = "/api/v1/domains/" + kitchen + "/clients/";
        // attack3: the simulator said "allowed" where the real call answers 400
        // each refused for what it is, in words a person can act on
        api.post(path, aliceToken, Map.of("method", "GET", "path", client + fridge + ";x=2"))
                .assertProblem(422, Messages.get("access.check.path.matrix"));
        api.post(path, aliceToken, Map.of("method", "GET", "path", client + fridge + "%2F"))
                .assertProblem(422, Messages.get("access.check.path.encoded"));
        api.post(path, aliceToken, Map.of("method", "GET", "path", client + "../clients/" + fridge))
                .assertProblem(422, Messages.get("access.check.path.dotSegment"));
        api.post(path, aliceToken, Map.of("method", "GET", "path", "v1/domains/" + kitchen))
                .assertProblem(422, Messages.get("access.check.path.invalid"));
        // digits, but more than an id can hold: not "must be numbers"
        api.post(path, aliceToken, Map.of("method", "GET", "path", client + "12345678901234567890123"))
                .assertProblem(422, Messages.get("access.check.path.idTooLarge"));
        api.post(
                        path,
                        aliceToken,
                        Map.of("method", "GET", "path", "/api/v1/domains/+" + kitchen + "/clients/" + fridge))
                .assertProblem(422, Messages.get("access.check.path.id"));
        api.post(path, aliceToken, Map.of("method", "GET", "path", client + "\u0661"))
                .assertProblem(422, Messages.get("access.check.path.id"));

        JsonNode head = check(pat, Map.of("method", "HEAD", "path", client + fridge));
        assertThat(head.path("allowed").asBoolean())
                .as("HEAD is answered by the GET handler")
                .isTrue();
        assertThat(head.path("operation").asString()).isEqualTo("view");
    }

    @Test
    void othersTokensAreNotFoundAndATokenCannotAsk() {
        JsonNode created = createPat(scope("clients", "view", fridge));
        long pat = created.path("id").asLong();
        String bob = api.accessToken(users.create("bob", PlatformRole.USER));

        api.post("/api/v1/pats/" + pat + "/check", bob, scope("clients", "view", fridge))
                .assertProblem(404, Messages.get("pat.error.notFound"));
        var withPat = api.post(
                "/api/v1/pats/" + pat + "/check", created.path("secret").asString(), scope("clients", "view", fridge));
        assertThat(withPat.status()).isEqualTo(403);

        String admin = api.accessToken(users.create("root", PlatformRole.ADMIN));
        var asAdmin = api.post("/api/v1/pats/" + pat + "/check", admin, scope("clients", "view", fridge));
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.json().path("allowed").asBoolean()).isTrue();
    }

    @Test
    void eachScopeSaysWhetherTheOwnersRightsStillAllowIt() {
        long gone = domains.client(kitchen, "toaster");
        JsonNode created = createPat(
                scope("clients", "view", fridge),
                scope("clients", "update_tags", fridge),
                scope("clients", "view", gone));
        long pat = created.path("id").asLong();
        String root = api.accessToken(users.create("root", PlatformRole.ADMIN));
        assertThat(api.delete("/api/v1/domains/" + kitchen + "/clients/" + gone, root)
                        .status())
                .isEqualTo(204);

        JsonNode detail = api.get("/api/v1/pats/" + pat, aliceToken).json();
        JsonNode list = api.get("/api/v1/pats/" + pat + "/scope", aliceToken).json();

        for (JsonNode scopes : List.of(detail.path("scopes"), list.path("scopes"))) {
            Map<String, JsonNode> byKey = new HashMap<>();
            scopes.forEach(s -> byKey.put(
                    s.path("operation").asString() + "/" + s.path("entity_id").asString(), s));
            assertThat(byKey.get("view/" + fridge).path("effective").asBoolean())
                    .isTrue();
            assertThat(byKey.get("view/" + fridge).path("reason").isMissingNode()
                            || byKey.get("view/" + fridge).path("reason").isNull())
                    .isTrue();
            JsonNode tags = byKey.get("update_tags/" + fridge);
            assertThat(tags.path("effective").asBoolean()).isFalse();
            assertThat(tags.path("reason").asString()).isEqualTo("owner_role_too_low");
            assertThat(tags.path("reason_detail").asString())
                    .isEqualTo("Not effective: the owner is a viewer in " + domainName(detail));
            assertThat(byKey.get("view/" + gone).path("reason").asString()).isEqualTo("entity_not_found");
        }
    }

    private String domainName(JsonNode pat) {
        return pat.path("scopes").get(0).path("domain_name").asString();
    }
}
