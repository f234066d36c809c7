package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.domains.MemberService;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A PAT in use, its cache entry warm: every change reaches the very next request; lists show only
 * what the token may see; "last used" is written in coalesced batches.
 */
@ApiTest
class PatEnforcementApiTest extends ApiTestBase {

    @Autowired
    MemberService members;

    @Autowired
    PatUsageRecorder usage;

    @Autowired
    dev.scopekeeper.entities.GroupService groupService;

    @Autowired
    JdbcTemplate jdbc;

    UserProfile alice;
    String userToken;
    long domain;
    long client;
    long otherClient;
    String clientPath;

    @BeforeEach
    void aliceHasAPatToViewOneClient() {
        alice = users.create("alice", PlatformRole.USER);
        userToken = api.accessToken(alice);
        domain = domains.domain("Enforce");
        domains.member(domain, alice, DomainRole.EDITOR);
        client = domains.client(domain, "door");
        otherClient = domains.client(domain, "window");
        clientPath = "/api/v1/domains/" + domain + "/clients/" + client;
    }

    private JsonNode createPat(Object... scopes) {
        return api.post(
                        "/api/v1/pats",
                        userToken,
                        Map.of("name", "p" + System.nanoTime(), "duration", "7d", "scopes", List.of(scopes)))
                .json();
    }

    private Map<String, Object> scope(String type, String op, Object entity) {
        return Map.of("domain_id", domain, "entity_type", type, "operation", op, "entity_id", String.valueOf(entity));
    }

    @Test
    void revokingReachesTheVeryNextRequest() {
        JsonNode pat = createPat(scope("clients", "view", client));
        String secret = pat.path("secret").asString();
        assertThat(api.get(clientPath, secret).status()).isEqualTo(200);

        api.patch("/api/v1/pats/" + pat.path("id").asLong() + "/secret/revoke", userToken, null);

        api.get(clientPath, secret).assertProblem(401, "This personal access token has been revoked");
    }

    @Test
    void regeneratingStopsTheOldSecretAtOnceAndTheNewOneWorks() {
        JsonNode pat = createPat(scope("clients", "view", client));
        String old = pat.path("secret").asString();
        assertThat(api.get(clientPath, old).status()).isEqualTo(200);

        String fresh = api.patch(
                        "/api/v1/pats/" + pat.path("id").asLong() + "/secret/reset",
                        userToken,
                        Map.of("duration", "30d"))
                .json()
                .path("secret")
                .asString();

        api.get(clientPath, old).assertProblem(401, "Invalid personal access token");
        assertThat(api.get(clientPath, fresh).status()).isEqualTo(200);
    }

    @Test
    void removingTheScopeOrDeletingTheTokenReachesTheVeryNextRequest() {
        JsonNode pat = createPat(scope("clients", "view", client), scope("clients", "update", client));
        String secret = pat.path("secret").asString();
        long id = pat.path("id").asLong();
        assertThat(api.get(clientPath, secret).status()).isEqualTo(200);

        api.patch(
                "/api/v1/pats/" + id + "/scope/remove",
                userToken,
                Map.of("scopes", List.of(scope("clients", "view", client))));
        api.get(clientPath, secret).assertProblem(403, "This token has no scope for clients:view in this domain");

        api.delete("/api/v1/pats/" + id, userToken);
        api.get(clientPath, secret).assertProblem(401, "Invalid personal access token");
    }

    @Test
    void disablingTheOwnerReachesTheVeryNextRequestAndEnablingRestoresTheToken() {
        String secret =
                createPat(scope("clients", "view", client)).path("secret").asString();
        assertThat(api.get(clientPath, secret).status()).isEqualTo(200);
        String admin = api.accessToken(users.create("root", PlatformRole.ADMIN));

        assertThat(api.post("/api/v1/users/" + alice.id() + "/disable", admin, null)
                        .status())
                .isEqualTo(200);
        api.get(clientPath, secret).assertProblem(401, "The account this personal access token belongs to is disabled");

        assertThat(api.post("/api/v1/users/" + alice.id() + "/enable", admin, null)
                        .status())
                .isEqualTo(200);
        assertThat(api.get(clientPath, secret).status()).isEqualTo(200);
    }

    @Test
    void aPatNeverGrantsMoreThanItsOwnerHasRightNow() {
        String secret = createPat(scope("clients", "*", "*")).path("secret").asString();
        String rename = "/api/v1/domains/" + domain + "/clients/" + client;
        assertThat(api.patch(rename, secret, Map.of("name", "front door")).status())
                .isEqualTo(200);

        domains.member(domain, alice, DomainRole.VIEWER);

        assertThat(api.patch(rename, secret, Map.of("name", "back door")).status())
                .isEqualTo(403);
        assertThat(api.get(rename, secret).status()).isEqualTo(200);

        domains.removeMember(domain, alice);
        assertThat(api.get(rename, secret).status()).isEqualTo(404);
    }

    @Test
    void aScopeOnOneClientListsOnlyThatClient() {
        String secret = createPat(
                        scope("clients", "view", client),
                        Map.of("domain_id", domain, "entity_type", "domains", "operation", "list_clients"))
                .path("secret")
                .asString();

        JsonNode list =
                api.get("/api/v1/domains/" + domain + "/clients", secret).json();

        assertThat(list.path("total").asInt()).isEqualTo(1);
        assertThat(list.path("clients").get(0).path("id").asLong()).isEqualTo(client);
        assertThat(api.get("/api/v1/domains/" + domain + "/clients/" + otherClient, secret)
                        .status())
                .isEqualTo(404);
        JsonNode all =
                api.get("/api/v1/domains/" + domain + "/clients", userToken).json();
        assertThat(all.path("total").asInt()).isEqualTo(2);
    }

    @Test
    void theGroupHierarchyShowsOnlyTheGroupsTheTokenReaches() {
        long parent = domains.group(domain, "building");
        long child = domains.group(domain, "floor 1");
        long grandchild = domains.group(domain, "room 101");
        domains.as(domains.adminOf(domain), () -> {
            groupService.addChildrenGroups(domain, parent, List.of(child));
            groupService.addChildrenGroups(domain, child, List.of(grandchild));
            return null;
        });
        String onlyParent =
                createPat(scope("groups", "*", parent)).path("secret").asString();
        String parentAndChild = createPat(scope("groups", "*", parent), scope("groups", "*", child))
                .path("secret")
                .asString();
        String path = "/api/v1/domains/" + domain + "/groups/" + parent + "/hierarchy?depth=3";

        assertThat(api.get(path, onlyParent)
                        .json()
                        .path("group")
                        .path("children")
                        .size())
                .isZero();
        JsonNode tree = api.get(path, parentAndChild).json().path("group");
        assertThat(tree.path("children").size()).isEqualTo(1);
        assertThat(tree.path("children").get(0).path("name").asString()).isEqualTo("floor 1");
        assertThat(tree.path("children").get(0).path("children").size()).isZero();
        JsonNode all = api.get(path, userToken).json().path("group");
        assertThat(all.path("children")
                        .get(0)
                        .path("children")
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("room 101");
    }

    @Test
    void lastUseIsCountedInMemoryAndWrittenInOneBatchPerFlush() {
        JsonNode pat = createPat(scope("clients", "view", client));
        String secret = pat.path("secret").asString();
        long id = pat.path("id").asLong();
        usage.flush();

        for (int i = 0; i < 5; i++) {
            assertThat(api.get(clientPath, secret).status()).isEqualTo(200);
        }
        Map<String, Object> before = jdbc.queryForMap("SELECT last_used_at, use_count FROM pat WHERE id = ?", id);
        assertThat(before.get("last_used_at")).isNull();
        assertThat(((Number) before.get("use_count")).longValue()).isZero();

        assertThat(usage.flush()).isGreaterThanOrEqualTo(1);

        Map<String, Object> after =
                jdbc.queryForMap("SELECT last_used_at, last_used_ip, use_count FROM pat" + " WHERE id = ?", id);
        assertThat(after.get("last_used_at")).isNotNull();
        assertThat(after.get("last_used_ip")).isEqualTo("127.0.0.1");
        assertThat(((Number) after.get("use_count")).longValue()).isEqualTo(5);
        assertThat(api.get("/api/v1/pats/" + id, userToken)
                        .json()
                        .path("last_used_at")
                        .isNull())
                .isFalse();
    }
}
