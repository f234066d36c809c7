package dev.scopekeeper.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/admin/...} and {@code /api/v1/domains/{id}/pats} over real HTTP. */
@ApiTest
class AdminApiTest extends ApiTestBase {

    UserProfile admin;
    String adminToken;
    UserProfile dave;
    String daveToken;
    long domain;

    @BeforeEach
    void anAdministratorAndAUserWithADomain() {
        admin = users.create("apiadmin", PlatformRole.ADMIN);
        adminToken = api.accessToken(admin);
        dave = users.create("dave", PlatformRole.USER);
        daveToken = api.accessToken(dave);
        domain = domains.domain("AdminApi");
        domains.member(domain, dave, DomainRole.EDITOR);
    }

    private JsonNode davesPat(String name, String duration) {
        return createClientViewPat(daveToken, name, "d", duration, domain, "*");
    }

    @Test
    void disablingAUserMakesTheirPatFailOnTheVeryNextCallAndEnablingRestoresIt() {
        String secret = davesPat("script", "30d").path("secret").asString();
        api.get("/api/v1/pats", secret)
                .assertProblem(
                        403,
                        "Personal access tokens cannot be used to manage personal access tokens. Sign in or use a user access token.");

        Response disabled = api.post("/api/v1/admin/users/" + dave.id() + "/disable", adminToken, null);
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().path("status").asString()).isEqualTo("disabled");

        Response refused = api.get("/api/v1/pats", secret);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain(secret);

        api.post("/api/v1/admin/users/" + dave.id() + "/enable", adminToken, null);
        assertThat(api.get("/api/v1/pats", secret).status()).isEqualTo(403);
    }

    @Test
    void usersAreListedWithTheirTokenCountsCreatedPromotedAndReset() {
        davesPat("one", "7d");
        davesPat("two", "7d");
        JsonNode list = api.get("/api/v1/admin/users?search=" + dave.username(), adminToken)
                .json();
        assertThat(list.path("total").asInt()).isEqualTo(1);
        JsonNode row = list.path("users").get(0);
        assertThat(row.path("token_count").asInt()).isEqualTo(2);
        assertThat(row.path("role").asString()).isEqualTo("USER");
        assertThat(row.has("password")).isFalse();

        Response created = api.post(
                "/api/v1/admin/users",
                adminToken,
                Map.of(
                        "username",
                        "api-made-" + dave.id(),
                        "email",
                        "made@example.com",
                        "password",
                        "an initial passphrase",
                        "role",
                        "USER"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();

        Response promoted = api.patch("/api/v1/admin/users/" + id + "/role", adminToken, Map.of("role", "ADMIN"));
        assertThat(promoted.json().path("role").asString()).isEqualTo("ADMIN");
        Response reset = api.post(
                "/api/v1/admin/users/" + id + "/reset-password",
                adminToken,
                Map.of("password", "another fine passphrase"));
        assertThat(reset.status()).isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/users/tokens/issue",
                                null,
                                Map.of("username", "api-made-" + dave.id(), "password", "another fine passphrase"))
                        .status())
                .isEqualTo(200);

        api.post(
                        "/api/v1/admin/users",
                        adminToken,
                        Map.of(
                                "username",
                                "api-made-" + dave.id(),
                                "email",
                                "made@example.com",
                                "password",
                                "an initial passphrase",
                                "role",
                                "USER"))
                .assertProblem(409, "This username is already taken");
        api.post("/api/v1/admin/users/" + id + "/reset-password", adminToken, Map.of("password", "short"))
                .assertProblem(422, "Password must be at least 12 characters");
        api.get("/api/v1/admin/users/999999", adminToken).assertProblem(404, "User not found");
        api.get("/api/v1/admin/users?status=sleeping", adminToken)
                .assertProblem(422, "Status must be enabled, disabled or all");
    }

    @Test
    void theAdminApiRefusesAnonymousCallersUsersAndTokens() {
        String secret = davesPat("probe", "7d").path("secret").asString();
        for (String path :
                List.of("/api/v1/admin/users", "/api/v1/admin/tokens", "/api/v1/admin/policy", "/api/v1/admin/audit")) {
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
            assertThat(api.get(path, daveToken).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, secret).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, adminToken).status()).as(path).isEqualTo(200);
        }
        assertThat(api.post("/api/v1/admin/users/" + dave.id() + "/disable", daveToken, null)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void tokensAreListedFilteredRevokedInBulkAndDeleted() {
        long one = davesPat("one", "7d").path("id").asLong();
        long two = davesPat("two", "never").path("id").asLong();
        long three = davesPat("three", "30d").path("id").asLong();

        JsonNode list = api.get("/api/v1/admin/tokens?owner_id=" + dave.id(), adminToken)
                .json();
        assertThat(list.path("total").asInt()).isEqualTo(3);
        assertThat(list.toString()).doesNotContain("secret").doesNotContain("pat_");
        JsonNode never = api.get("/api/v1/admin/tokens?owner_id=" + dave.id() + "&never_expires=true", adminToken)
                .json();
        assertThat(never.path("pats").get(0).path("id").asLong()).isEqualTo(two);
        assertThat(api.get("/api/v1/admin/tokens/" + one, adminToken)
                        .json()
                        .path("owner")
                        .asString())
                .isEqualTo(dave.username());

        Response bulk = api.post("/api/v1/admin/tokens/revoke", adminToken, Map.of("ids", List.of(one, two)));
        assertThat(bulk.json().path("revoked").asInt()).isEqualTo(2);
        assertThat(api.patch("/api/v1/admin/tokens/" + three + "/revoke", adminToken, null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("revoked");
        assertThat(api.delete("/api/v1/admin/tokens/" + three, adminToken).status())
                .isEqualTo(204);
        api.get("/api/v1/admin/tokens/" + three, adminToken).assertProblem(404, "Personal access token not found");
        api.post("/api/v1/admin/tokens/revoke", adminToken, Map.of("ids", List.of()))
                .assertProblem(422, "Select at least one token");
        api.get("/api/v1/admin/tokens?status=sleeping", adminToken)
                .assertProblem(422, "Status must be active, revoked, expired or all");
    }

    @Test
    void theRevokeBodyIsOptionalButWhenSentItIsAJsonObject() {
        long id = davesPat("reasoned", "7d").path("id").asLong();
        String revoke = "/api/v1/admin/tokens/" + id + "/revoke";

        for (String body : List.of("null", "[]", "\"leaked\"")) {
            api.send("PATCH", revoke, adminToken, body).assertProblem(400, "The request body must be a JSON object");
        }
        assertThat(api.get("/api/v1/admin/tokens/" + id, adminToken)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("active");
        Response revoked = api.send("PATCH", revoke, adminToken, Map.of("reason", "found in a log"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("revoked_reason").asString()).isEqualTo("found in a log");
        assertThat(api.patch(revoke, adminToken, null).status()).isEqualTo(200);
    }

    @Test
    void thePolicyIsReadChangedAndItsViolationsCounted() {
        JsonNode policy = api.get("/api/v1/admin/policy", adminToken).json();
        assertThat(policy.has("max_lifetime_days")).isTrue();
        Map<String, Object> stricter = new HashMap<>(Map.of(
                "max_lifetime_days",
                30,
                "never_allowed",
                true,
                "default_duration",
                "7d",
                "description_required",
                false,
                "max_scopes",
                200));
        JsonNode violations = api.post("/api/v1/admin/policy/violations", adminToken, stricter)
                .json();
        assertThat(violations.has("total")).isTrue();
        assertThat(violations.has("lifetime_too_long")).isTrue();

        api.send("PUT", "/api/v1/admin/policy", adminToken, Map.of("max_lifetime_days", 0))
                .assertProblem(422, "Maximum lifetime must be between 1 and 3650 days");
        api.send("PUT", "/api/v1/admin/policy", daveToken, stricter)
                .assertProblem(403, "You are not allowed to do this");
    }

    @Test
    void theAuditLogIsListedFilteredAndExportedAsCsv() {
        long id = davesPat("audited", "7d").path("id").asLong();

        JsonNode events = api.get("/api/v1/admin/audit?token_id=" + id + "&event_type=pat_created", adminToken)
                .json();
        assertThat(events.path("total").asInt()).isEqualTo(1);
        assertThat(events.path("events").get(0).path("actor_name").asString()).isEqualTo(dave.username());

        Response csv = api.get("/api/v1/admin/audit/export?token_id=" + id, adminToken);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(2).first().asString().startsWith("id,occurred_at,event_type");
        assertThat(csv.body()).contains("PAT_CREATED");

        api.get("/api/v1/admin/audit?event_type=party", adminToken).assertProblem(422, "Unknown event type");
        api.get("/api/v1/admin/audit?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z", adminToken)
                .assertProblem(422, "The end of the time range must be after its start");
        assertThat(api.get("/api/v1/admin/audit/export", daveToken).status()).isEqualTo(403);
    }

    @Test
    void aDomainAdminListsAndRevokesTokenAccessToTheDomainButAPatCannot() {
        JsonNode pat = davesPat("reach", "7d");
        long patId = pat.path("id").asLong();
        String secret = pat.path("secret").asString();
        UserProfile domainAdmin = domains.adminOf(domain);
        String domainAdminToken = api.accessToken(domainAdmin);

        JsonNode list =
                api.get("/api/v1/domains/" + domain + "/pats", domainAdminToken).json();
        assertThat(list.path("total").asInt()).isEqualTo(1);
        assertThat(list.path("pats").get(0).path("owner").asString()).isEqualTo(dave.username());
        long scopeId = list.path("pats").get(0).path("scopes").get(0).path("id").asLong();

        api.get("/api/v1/domains/" + domain + "/pats", daveToken)
                .assertProblem(403, "Only administrators of this domain can manage its access tokens");
        api.get("/api/v1/domains/" + domain + "/pats", secret)
                .assertProblem(
                        403,
                        "Personal access tokens cannot be used to manage personal access tokens. Sign in or use a user access token.");
        api.delete("/api/v1/domains/" + domain + "/pats/" + patId + "/scope/999999", domainAdminToken)
                .assertProblem(404, "Scope not found in this domain");

        Response removed =
                api.delete("/api/v1/domains/" + domain + "/pats/" + patId + "/scope/" + scopeId, domainAdminToken);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().path("scopes").size()).isZero();
        api.delete("/api/v1/domains/" + domain + "/pats/" + patId + "/scope", domainAdminToken)
                .assertProblem(404, "Personal access token not found");
    }

    @Test
    void theAdminAndDomainTokenEndpointsAreDocumentedWithTheirErrors() {
        JsonNode paths = api.get("/v3/api-docs", null).json().path("paths");
        assertThat(paths.propertyNames())
                .contains(
                        "/api/v1/admin/users",
                        "/api/v1/admin/users/{id}/role",
                        "/api/v1/admin/users/{id}/disable",
                        "/api/v1/admin/users/{id}/enable",
                        "/api/v1/admin/users/{id}/reset-password",
                        "/api/v1/admin/tokens",
                        "/api/v1/admin/tokens/revoke",
                        "/api/v1/admin/tokens/{id}/revoke",
                        "/api/v1/admin/policy",
                        "/api/v1/admin/policy/violations",
                        "/api/v1/admin/audit",
                        "/api/v1/admin/audit/export",
                        "/api/v1/domains/{domainId}/pats",
                        "/api/v1/domains/{domainId}/pats/{patId}/scope");
        JsonNode disable = paths.path("/api/v1/admin/users/{id}/disable").path("post");
        assertThat(disable.path("summary").asString()).isNotBlank();
        assertThat(disable.path("responses").propertyNames()).contains("401", "403", "404", "409", "422");
    }
}
