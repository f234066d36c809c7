package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.MutableClock;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/pats}: Magistrala's paths and PRODUCT.md's JSON shapes, over real HTTP. */
@ApiTest
class PatManagementApiTest extends ApiTestBase {

    @Autowired
    MutableClock clock;

    UserProfile alice;
    String token;
    long domain;
    long client;

    @BeforeEach
    void aliceHasAnAccessTokenAndADomain() {
        alice = users.create("alice", PlatformRole.USER);
        token = api.accessToken(alice);
        domain = domains.domain("Api");
        domains.member(domain, alice, DomainRole.EDITOR);
        client = domains.client(domain, "sensor");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private JsonNode createPat(String name, String duration) {
        Response response =
                api.post("/api/v1/pats", token, Map.of("name", name, "description", "d", "duration", duration));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @Test
    void creatingReturnsThePatWithItsSecretOnceAndReadingNeverDoes() {
        Response created = postClientViewPat(token, "ci", "pipeline", "30d", domain, String.valueOf(client));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).isPresent();
        JsonNode pat = created.json();
        String secret = pat.path("secret").asString();
        assertThat(secret).startsWith("pat_").hasSize(42);
        assertThat(pat.path("user_id").asLong()).isEqualTo(alice.id());
        assertThat(pat.path("name").asString()).isEqualTo("ci");
        assertThat(pat.path("description").asString()).isEqualTo("pipeline");
        assertThat(pat.path("status").asString()).isEqualTo("active");
        assertThat(pat.has("issued_at")).isTrue();
        assertThat(pat.path("expires_at").isNull()).isFalse();
        assertThat(pat.has("revoked_at")).isTrue();
        assertThat(pat.has("last_used_at")).isTrue();
        JsonNode scope = pat.path("scopes").get(0);
        assertThat(scope.path("domain_id").asLong()).isEqualTo(domain);
        assertThat(scope.path("entity_type").asString()).isEqualTo("clients");
        assertThat(scope.path("operation").asString()).isEqualTo("view");
        assertThat(scope.path("entity_id").asString()).isEqualTo(String.valueOf(client));

        long id = pat.path("id").asLong();
        Response read = api.get("/api/v1/pats/" + id, token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("secret")).isFalse();
        assertThat(read.body()).doesNotContain(secret);
        Response listed = api.get("/api/v1/pats?status=all", token);
        assertThat(listed.body()).doesNotContain(secret);
    }

    @Test
    void theListIsPagedFilteredAndShaped() {
        createPat("one", "7d");
        long revoked = createPat("two", "7d").path("id").asLong();
        createPat("three", "never");
        api.patch("/api/v1/pats/" + revoked + "/secret/revoke", token, null);

        JsonNode all =
                api.get("/api/v1/pats?status=all&limit=2&offset=0", token).json();
        assertThat(all.path("total").asInt()).isEqualTo(3);
        assertThat(all.path("offset").asInt()).isZero();
        assertThat(all.path("limit").asInt()).isEqualTo(2);
        assertThat(all.path("pats").size()).isEqualTo(2);
        assertThat(all.path("pats").get(0).has("scopes")).isTrue();

        JsonNode active = api.get("/api/v1/pats?status=active", token).json();
        assertThat(active.path("total").asInt()).isEqualTo(2);
        JsonNode byName = api.get("/api/v1/pats?status=all&name=hre", token).json();
        assertThat(byName.path("pats").get(0).path("name").asString()).isEqualTo("three");
        JsonNode revokedOnes = api.get("/api/v1/pats?status=revoked", token).json();
        assertThat(revokedOnes.path("pats").get(0).path("status").asString()).isEqualTo("revoked");

        api.get("/api/v1/pats?status=sleeping", token)
                .assertProblem(422, "Status must be active, revoked, expired or all");
        api.get("/api/v1/pats?limit=500", token).assertProblem(422, "Limit must be between 1 and 100");
        api.get("/api/v1/pats?sort=color", token).assertProblem(422, "Sort by name, created, expires or last_used");
    }

    private int total(String query) {
        Response response = api.get("/api/v1/pats?" + query, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("total").asInt();
    }

    @Test
    void theTotalOfAPagedListStaysRightAfterCreateRevokeRegenerateAndDelete() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(createPat("paged " + i, "7d").path("id").asLong());
        }
        // full pages: the total is counted once and kept for the pages after it
        assertThat(total("status=all&limit=2&offset=0")).isEqualTo(7);
        assertThat(total("status=all&limit=2&offset=2")).isEqualTo(7);
        assertThat(total("status=active&limit=2&offset=2")).isEqualTo(7);
        assertThat(total("status=all&name=paged&limit=2&offset=2")).isEqualTo(7);

        createPat("paged 7", "7d");
        assertThat(total("status=all&limit=2&offset=2")).isEqualTo(8);
        assertThat(total("status=active&limit=2&offset=2")).isEqualTo(8);
        assertThat(total("status=all&name=paged&limit=2&offset=2")).isEqualTo(8);

        api.patch("/api/v1/pats/" + ids.get(0) + "/secret/revoke", token, null);
        assertThat(total("status=active&limit=2&offset=2")).isEqualTo(7);
        assertThat(total("status=revoked&limit=1&offset=0")).isEqualTo(1);

        api.patch("/api/v1/pats/" + ids.get(0) + "/secret/reset", token, Map.of("duration", "30d"));
        assertThat(total("status=active&limit=2&offset=2")).isEqualTo(8);

        assertThat(api.delete("/api/v1/pats/" + ids.get(1), token).status()).isEqualTo(204);
        assertThat(total("status=all&limit=2&offset=2")).isEqualTo(7);
        assertThat(total("status=active&limit=2&offset=2")).isEqualTo(7);

        api.patch("/api/v1/pats/" + ids.get(2) + "/name", token, Map.of("name", "renamed"));
        assertThat(total("status=all&name=paged&limit=2&offset=2")).isEqualTo(6);

        // time alone ends an Active or Expired count: the tokens expire, the totals follow without any change
        assertThat(total("status=active&limit=1&offset=1")).isEqualTo(7);
        assertThat(total("status=expired&limit=2&offset=2")).isZero();
        clock.advance(Duration.ofDays(8));
        token = api.accessToken(alice); // the access token itself expired meanwhile
        assertThat(total("status=active&limit=1&offset=1")).isEqualTo(1);
        assertThat(total("status=expired&limit=2&offset=2")).isEqualTo(6);
    }

    @Test
    void renameDescribeRegenerateRevokeAndDelete() {
        JsonNode pat = createPat("rotate", "7d");
        long id = pat.path("id").asLong();
        String firstSecret = pat.path("secret").asString();

        assertThat(api.patch("/api/v1/pats/" + id + "/name", token, Map.of("name", "rotated"))
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo("rotated");
        assertThat(api.patch("/api/v1/pats/" + id + "/description", token, Map.of("description", "new"))
                        .json()
                        .path("description")
                        .asString())
                .isEqualTo("new");
        JsonNode revoked =
                api.patch("/api/v1/pats/" + id + "/secret/revoke", token, null).json();
        assertThat(revoked.path("status").asString()).isEqualTo("revoked");
        assertThat(revoked.has("secret")).isFalse();

        JsonNode reset = api.patch("/api/v1/pats/" + id + "/secret/reset", token, Map.of("duration", "90d"))
                .json();
        assertThat(reset.path("status").asString()).isEqualTo("active");
        assertThat(reset.path("secret").asString()).startsWith("pat_").isNotEqualTo(firstSecret);
        assertThat(reset.path("name").asString()).isEqualTo("rotated");

        assertThat(api.delete("/api/v1/pats/" + id, token).status()).isEqualTo(204);
        api.get("/api/v1/pats/" + id, token).assertProblem(404, "Personal access token not found");

        createPat("a", "1d");
        createPat("b", "1d");
        assertThat(api.delete("/api/v1/pats", token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/pats?status=all", token)
                        .json()
                        .path("total")
                        .asInt())
                .isZero();
    }

    @Test
    void scopesAreListedAddedRemovedEitherWayAndCleared() {
        long id = createPat("scoped", "7d").path("id").asLong();
        Map<String, Object> view = clientViewScope(domain, String.valueOf(client));
        Map<String, Object> list =
                Map.of("domain_id", domain, "entity_type", "domains", "operation", "list_clients", "entity_id", "*");

        JsonNode added = api.patch(
                        "/api/v1/pats/" + id + "/scope/add", token, Map.of("scopes", List.of(view, list, view)))
                .json();
        assertThat(added.path("scopes").size()).isEqualTo(2);
        JsonNode page = api.get("/api/v1/pats/" + id + "/scope?limit=1", token).json();
        assertThat(page.path("total").asInt()).isEqualTo(2);
        assertThat(page.path("scopes").size()).isEqualTo(1);

        JsonNode afterRemove = api.patch("/api/v1/pats/" + id + "/scope/remove", token, Map.of("scopes", List.of(view)))
                .json();
        assertThat(afterRemove.path("scopes").size()).isEqualTo(1);
        long remaining = afterRemove.path("scopes").get(0).path("id").asLong();
        JsonNode afterRemoveById = api.patch(
                        "/api/v1/pats/" + id + "/scope/remove", token, Map.of("scopes_id", List.of(remaining)))
                .json();
        assertThat(afterRemoveById.path("scopes").size()).isZero();

        api.patch("/api/v1/pats/" + id + "/scope/add", token, Map.of("scopes", List.of(view)));
        assertThat(api.delete("/api/v1/pats/" + id + "/scope", token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/pats/" + id, token).json().path("scopes").size())
                .isZero();
    }

    @Test
    void aDomainsScopeNamesNoEntityButItsOwnDomainAndAnotherIsRefusedNotReplaced() {
        long id = createPat("domain wide", "7d").path("id").asLong();
        String add = "/api/v1/pats/" + id + "/scope/add";
        for (String entity : List.of(String.valueOf(domain + 1000), "abc", "-1")) {
            Map<String, Object> scope =
                    Map.of("domain_id", domain, "entity_type", "domains", "operation", "read", "entity_id", entity);
            String refusal = "A domains scope acts on its own domain: leave \"entity_id\" out or give \"*\" or "
                    + domain + ", not \"" + entity + "\"";
            Response added = api.patch(add, token, Map.of("scopes", List.of(scope)));
            added.assertProblem(422, refusal);
            assertThat(added.json().path("field").asString()).isEqualTo("scopes");
            api.post("/api/v1/pats", token, Map.of("name", "refused", "duration", "7d", "scopes", List.of(scope)))
                    .assertProblem(422, refusal);
            api.patch("/api/v1/pats/" + id + "/scope/remove", token, Map.of("scopes", List.of(scope)))
                    .assertProblem(422, refusal);
        }
        assertThat(api.get("/api/v1/pats?status=all&name=refused", token)
                        .json()
                        .path("total")
                        .asInt())
                .isZero();
        assertThat(api.get("/api/v1/pats/" + id, token).json().path("scopes").size())
                .isZero();

        List<Map<String, Object>> sameScope = new ArrayList<>();
        for (String entity : List.of("*", " ", String.valueOf(domain), " " + domain + " ")) {
            sameScope.add(
                    Map.of("domain_id", domain, "entity_type", "domains", "operation", "read", "entity_id", entity));
        }
        sameScope.add(Map.of("domain_id", domain, "entity_type", "domains", "operation", "read"));
        JsonNode scopes =
                api.patch(add, token, Map.of("scopes", sameScope)).json().path("scopes");
        assertThat(scopes.size()).isEqualTo(1);
        assertThat(scopes.get(0).path("entity_id").asString()).isEqualTo(String.valueOf(domain));
        JsonNode removed = api.patch(
                        "/api/v1/pats/" + id + "/scope/remove", token, Map.of("scopes", List.of(sameScope.get(2))))
                .json();
        assertThat(removed.path("scopes").size()).isZero();
    }

    @Test
    void aRefusedScopeQuotesAHugeOrControlCharacterValueShortAndVisible() {
        long id = createPat("hostile scopes", "7d").path("id").asLong();
        String add = "/api/v1/pats/" + id + "/scope/add";
        String huge = "9".repeat(100_000);
        String cut = "9".repeat(40) + "\u2026";

        api.patch(add, token, Map.of("scopes", List.of(clientViewScope(domain, huge))))
                .assertProblem(422, "Entity \"" + cut + "\" not found in this domain");
        api.patch(add, token, Map.of("scopes", List.of(clientViewScope(domain, "1\u202e\u0000x"))))
                .assertProblem(422, "Entity \"1\ufffd\ufffdx\" not found in this domain");
        api.patch(
                        add,
                        token,
                        Map.of(
                                "scopes",
                                List.of(Map.of(
                                        "domain_id",
                                        domain,
                                        "entity_type",
                                        "domains",
                                        "operation",
                                        "read",
                                        "entity_id",
                                        huge))))
                .assertProblem(
                        422,
                        "A domains scope acts on its own domain: leave \"entity_id\" out or give \"*\" or " + domain
                                + ", not \"" + cut + "\"");
        api.patch(
                        add,
                        token,
                        Map.of(
                                "scopes",
                                List.of(Map.of(
                                        "domain_id", domain, "entity_type", "clients", "operation", "v\u0007" + huge))))
                .assertProblem(422, "Unknown operation \"v\ufffd" + "9".repeat(38) + "\u2026\" for clients");
        api.patch(
                        add,
                        token,
                        Map.of(
                                "scopes",
                                List.of(Map.of(
                                        "domain_id", domain, "entity_type", "\u2066clients", "operation", "view"))))
                .assertProblem(422, "Unknown entity type \"\ufffdclients\": use clients, channels, groups or domains");
    }

    @Test
    void badRequestsGetClearProblems() {
        createPat("taken", "7d");

        api.post("/api/v1/pats", null, Map.of("name", "x", "duration", "7d"))
                .assertProblem(
                        401, "Authentication required: send an access token as \"Authorization: Bearer <token>\"");
        api.post("/api/v1/pats", token, Map.of("name", "TAKEN", "duration", "7d"))
                .assertProblem(409, "You already have a token named \"TAKEN\"");
        Response noName = api.post("/api/v1/pats", token, Map.of("duration", "7d"));
        noName.assertProblem(422, "Name is required");
        assertThat(noName.json().path("field").asString()).isEqualTo("name");
        api.post("/api/v1/pats", token, Map.of("name", "x", "duration", "2w"))
                .assertProblem(
                        422, "Unknown duration \"2w\": use 1d, 7d, 30d, 60d, 90d, 365d, never or an expiry date");
        api.post("/api/v1/pats", token, Map.of("name", "x", "expires_at", "2020-01-01T00:00:00Z"))
                .assertProblem(422, "The expiry date must be in the future");
        api.post(
                        "/api/v1/pats",
                        token,
                        Map.of(
                                "name",
                                "x",
                                "duration",
                                "7d",
                                "scopes",
                                List.of(Map.of(
                                        "domain_id", domain, "entity_type", "clients", "operation", "teleport"))))
                .assertProblem(422, "Unknown operation \"teleport\" for clients");
        assertThat(api.postRaw("/api/v1/pats", token, "{\"name\": ").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/pats/not-a-number", token).status()).isEqualTo(400);
    }

    @Test
    void anotherUsersTokenIsNotFound() {
        long id = createPat("alice's", "7d").path("id").asLong();
        String mallory = api.accessToken(users.create("mallory", PlatformRole.USER));

        api.get("/api/v1/pats/" + id, mallory).assertProblem(404, "Personal access token not found");
        api.patch("/api/v1/pats/" + id + "/secret/revoke", mallory, null)
                .assertProblem(404, "Personal access token not found");
        api.delete("/api/v1/pats/" + id, mallory).assertProblem(404, "Personal access token not found");
        String base = "/api/v1/pats/" + id;
        Map<String, Object> scopes = Map.of("scopes", List.of(clientViewScope(domain, "*")));
        for (Response answer : List.of(
                api.patch(base + "/name", mallory, Map.of("name", "mine now")),
                api.patch(base + "/description", mallory, Map.of("description", "mine now")),
                api.patch(base + "/secret/reset", mallory, Map.of("duration", "7d")),
                api.patch(base + "/scope/add", mallory, scopes),
                api.patch(base + "/scope/remove", mallory, scopes),
                api.patch(base + "/scope/remove", mallory, Map.of("scopes_id", List.of(1))),
                api.delete(base + "/scope", mallory),
                api.get(base + "/scope", mallory))) {
            answer.assertProblem(404, "Personal access token not found");
        }
        JsonNode untouched = api.get(base, token).json();
        assertThat(untouched.path("name").asString()).isEqualTo("alice's");
        assertThat(untouched.path("status").asString()).isEqualTo("active");
    }

    @Test
    void aPersonalAccessTokenCannotManageTokensOrAccounts() {
        String pat = createPat("leaky", "7d").path("secret").asString();

        api.get("/api/v1/pats", pat)
                .assertProblem(
                        403,
                        "Personal access tokens cannot be used to manage personal access tokens."
                                + " Sign in or use a user access token.");
        api.post("/api/v1/pats", pat, Map.of("name", "more", "duration", "7d"))
                .assertProblem(
                        403,
                        "Personal access tokens cannot be used to manage personal access tokens."
                                + " Sign in or use a user access token.");
        api.get("/api/v1/users/me", pat)
                .assertProblem(
                        403,
                        "Personal access tokens can only call the domain API operations of the scope catalogue;"
                                + " this endpoint is not one of them");
    }

    @Test
    void policyCapsTheLifetime() {
        api.post(
                        "/api/v1/pats",
                        token,
                        Map.of(
                                "name",
                                "x",
                                "expires_at",
                                clock.instant().plus(Duration.ofDays(400)).toString()))
                .assertProblem(422, "Tokens may be valid for at most 365 days");
    }
}
