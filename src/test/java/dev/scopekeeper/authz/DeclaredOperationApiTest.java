package dev.scopekeeper.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The declarations on the service methods are what a PAT meets over HTTP: a check that a service makes through
 * another service's declared method still applies (a domain admin bringing in a new member sends an invitation,
 * so their token needs {@code domains:send_invitation} too), and a partial update needs only the update scope the
 * API document names.
 */
@ApiTest
class DeclaredOperationApiTest extends ApiTestBase {

    UserProfile alice;
    String aliceToken;
    long domain;

    @BeforeEach
    void aliceAdministersADomain() {
        alice = users.create("decl", PlatformRole.USER);
        aliceToken = api.accessToken(alice);
        domain = domains.domain("Declared");
        domains.member(domain, alice, DomainRole.ADMIN);
    }

    private String pat(List<Map<String, Object>> scopes) {
        Response created = api.post(
                "/api/v1/pats",
                aliceToken,
                Map.of("name", "d" + System.nanoTime(), "duration", "7d", "scopes", scopes));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("secret").asString();
    }

    private Map<String, Object> scope(String type, String operation, Object entity) {
        return Map.of("domain_id", domain, "entity_type", type, "operation", operation, "entity_id", entity);
    }

    @Test
    void bringingInANewMemberWithAPatNeedsTheInvitationScopeToo() {
        long other = domains.domain("Shared");
        UserProfile bob = users.create("bob", PlatformRole.USER);
        domains.member(other, alice, DomainRole.ADMIN);
        domains.member(other, bob, DomainRole.VIEWER);
        Map<String, Object> body = Map.of("user_id", bob.id(), "role", "viewer");

        Response updateOnly =
                api.post("/api/v1/domains/" + domain + "/members", pat(List.of(scope("domains", "update", "*"))), body);
        assertThat(updateOnly.status()).as(updateOnly.body()).isEqualTo(403);
        assertThat(updateOnly.contentType()).startsWith("application/problem+json");

        Response withInvitation = api.post(
                "/api/v1/domains/" + domain + "/members",
                pat(List.of(scope("domains", "update", "*"), scope("domains", "send_invitation", "*"))),
                body);
        assertThat(withInvitation.status()).as(withInvitation.body()).isEqualTo(202);
    }

    @Test
    void aPartialUpdateNeedsOnlyTheUpdateScope() {
        String route = api.get("/api/v1/domains/" + domain, aliceToken)
                .json()
                .path("route")
                .asString();
        Response renamed = api.patch(
                "/api/v1/domains/" + domain,
                pat(List.of(scope("domains", "update", "*"))),
                Map.of("name", "Renamed by a token"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("Renamed by a token");
        assertThat(renamed.json().path("route").asString()).as("left out: kept").isEqualTo(route);

        long group = domains.group(domain, "pumps");
        Response described = api.patch(
                "/api/v1/domains/" + domain + "/groups/" + group,
                pat(List.of(scope("groups", "update", Long.toString(group)))),
                Map.of("description", "all the pumps"));
        assertThat(described.status()).as(described.body()).isEqualTo(200);
        assertThat(described.json().path("name").asString())
                .as("left out: kept")
                .isEqualTo("pumps");
        assertThat(described.json().path("description").asString()).isEqualTo("all the pumps");
    }
}
