package dev.scopekeeper.domains.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.base.api.ApiClient;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Domains, members and invitations over the REST API. */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainApiTest {

    @Autowired
    ApiClient api;

    @Autowired
    TestUsers testUsers;

    String adminToken;
    UserProfile user;
    String userToken;
    long domainId;
    String route;
    String domain;

    @BeforeAll
    void users() {
        adminToken = api.accessToken(testUsers.create("platform", PlatformRole.ADMIN));
    }

    @BeforeEach
    void freshDomain() {
        user = testUsers.create("member", PlatformRole.USER);
        userToken = api.accessToken(user);
        route = TestDomains.uniqueRoute("acme");
        Response response = api.post(
                "/api/v1/domains", adminToken, Map.of("name", "Acme", "route", route, "tags", List.of("prod")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode created = response.json();
        domainId = created.path("id").asLong();
        domain = "/api/v1/domains/" + domainId;
        assertThat(response.headers().firstValue("Location")).hasValue(domain);
        assertThat(created.path("route").asString()).isEqualTo(route);
        assertThat(created.path("status").asString()).isEqualTo("enabled");
        assertThat(created.path("my_role").asString()).isEqualTo("admin");
    }

    @Test
    void onlyPlatformAdministratorsCreateDomains() {
        api.post("/api/v1/domains", userToken, Map.of("name", "Mine", "route", TestDomains.uniqueRoute("mine")))
                .assertProblem(403, "Only administrators may do domains create");
    }

    @Test
    void aTakenRouteIs409AndABadOne422() {
        Response taken = api.post("/api/v1/domains", adminToken, Map.of("name", "Copy", "route", route))
                .assertProblem(409, "The route \"" + route + "\" is already used by another domain");
        assertThat(taken.json().path("field").asString()).isEqualTo("route");

        Response bad = api.post("/api/v1/domains", adminToken, Map.of("name", "Bad", "alias", "Upper Case"))
                .assertProblem(
                        422,
                        "Use 1 to 64 lower-case letters, digits or dashes, starting and ending with a "
                                + "letter or digit");
        assertThat(bad.json().path("field").asString()).isEqualTo("route");
        api.post("/api/v1/domains", adminToken, Map.of("route", TestDomains.uniqueRoute("x")))
                .assertProblem(422, "Name is required");
    }

    @Test
    void anUpdateKeepsWhatItDoesNotMention() {
        JsonNode updated =
                api.patch(domain, adminToken, Map.of("name", "Acme Corp")).json();

        assertThat(updated.path("name").asString()).isEqualTo("Acme Corp");
        assertThat(updated.path("route").asString()).isEqualTo(route);
        assertThat(updated.path("tags").get(0).asString()).isEqualTo("prod");
        assertThat(api.patch(domain, adminToken, Map.of("tags", List.of()))
                        .json()
                        .path("tags")
                        .isEmpty())
                .isTrue();
    }

    @Test
    void aDisabledDomainRefusesChangesUntilEnabled() {
        assertThat(api.post(domain + "/disable", adminToken, null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("disabled");

        api.post(domain + "/clients", adminToken, Map.of("name", "c"))
                .assertProblem(409, "This domain is disabled; enable it before making changes");
        assertThat(api.get(domain + "/clients", adminToken).status()).isEqualTo(200);

        assertThat(api.post(domain + "/enable", adminToken, null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("enabled");
        assertThat(api.post(domain + "/clients", adminToken, Map.of("name", "c"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void myDomainsAreListedWithMyRole() {
        api.post(domain + "/members", adminToken, Map.of("user_id", user.id(), "role", "viewer"));

        JsonNode mine = api.get("/api/v1/domains", userToken).json();

        assertThat(mine.path("total").asLong()).isEqualTo(1);
        assertThat(mine.path("domains").get(0).path("id").asLong()).isEqualTo(domainId);
        assertThat(mine.path("domains").get(0).path("my_role").asString()).isEqualTo("viewer");
        assertThat(api.get("/api/v1/domains?name=acme&limit=100", adminToken)
                        .json()
                        .path("total")
                        .asLong())
                .isPositive();
    }

    @Test
    void postingAMemberAgainChangesTheRole() {
        JsonNode added = api.post(domain + "/members", adminToken, Map.of("user_id", user.id(), "role", "viewer"))
                .json();
        assertThat(added.path("user_id").asLong()).isEqualTo(user.id());
        assertThat(added.path("username").asString()).isEqualTo(user.username());
        assertThat(added.path("role").asString()).isEqualTo("viewer");
        api.post(domain + "/clients", userToken, Map.of("name", "c"))
                .assertProblem(
                        403,
                        "Your role in this domain does not allow domains create_clients; it needs the editor role");

        assertThat(api.post(domain + "/members", adminToken, Map.of("user_id", user.id(), "role", "editor"))
                        .json()
                        .path("role")
                        .asString())
                .isEqualTo("editor");

        assertThat(api.post(domain + "/clients", userToken, Map.of("name", "c")).status())
                .isEqualTo(201);
        JsonNode members = api.get(domain + "/members", userToken).json();
        assertThat(members.path("total").asLong()).isEqualTo(2);
        assertThat(members.path("members").valueStream().map(m -> m.path("role").asString()))
                .containsExactlyInAnyOrder("admin", "editor");
    }

    @Test
    void aRemovedMemberNoLongerSeesTheDomain() {
        api.post(domain + "/members", adminToken, Map.of("user_id", user.id(), "role", "viewer"));

        assertThat(api.delete(domain + "/members/" + user.id(), adminToken).status())
                .isEqualTo(204);

        api.get(domain, userToken).assertProblem(404, "Domain not found");
        api.delete(domain + "/members/" + user.id(), adminToken)
                .assertProblem(404, "This user is not a member of the domain");
    }

    @Test
    void badMemberRequestsNameTheField() {
        Response role = api.post(domain + "/members", adminToken, Map.of("user_id", user.id(), "role", "owner"))
                .assertProblem(422, "Role must be admin, editor or viewer");
        assertThat(role.json().path("field").asString()).isEqualTo("role");

        Response unknown = api.post(domain + "/members", adminToken, Map.of("user_id", 987654321, "role", "viewer"))
                .assertProblem(422, "No such user");
        assertThat(unknown.json().path("field").asString()).isEqualTo("user_id");

        Response missing = api.post(domain + "/members", adminToken, Map.of("role", "viewer"))
                .assertProblem(422, "The request has invalid fields: user_id");
        assertThat(missing.json().path("field").asString()).isEqualTo("user_id");

        api.send("POST", domain + "/members", adminToken, "{\"user_id\": \"me\", \"role\": \"viewer\"}")
                .assertProblem(400, "Invalid value for \"user_id\"");
    }

    @Test
    void theLastAdminCannotLeave() {
        long adminId = api.get("/api/v1/users/me", adminToken).json().path("id").asLong();

        Response response = api.delete(domain + "/members/" + adminId, adminToken)
                .assertProblem(409, "A domain needs at least one admin; make someone else admin first");
        assertThat(response.json().path("field").asString()).isEqualTo("user_id");
    }

    @Test
    void anInviteeAcceptsAndJoinsWithTheInvitedRole() {
        JsonNode invitation = api.post(
                        domain + "/invitations", adminToken, Map.of("user_id", user.id(), "role", "editor"))
                .json();
        long id = invitation.path("id").asLong();
        assertThat(invitation.path("state").asString()).isEqualTo("pending");
        assertThat(invitation.path("invitee_user_id").asLong()).isEqualTo(user.id());
        assertThat(invitation.path("domain_name").asString()).isEqualTo("Acme");

        assertThat(api.get(domain + "/invitations", adminToken)
                        .json()
                        .path("invitations")
                        .get(0)
                        .path("id")
                        .asLong())
                .isEqualTo(id);
        assertThat(api.get("/api/v1/invitations?limit=100", adminToken)
                        .json()
                        .path("invitations")
                        .valueStream()
                        .map(i -> i.path("id").asLong()))
                .contains(id);
        JsonNode received = api.get("/api/v1/invitations/received", userToken).json();
        assertThat(received.path("total").asLong()).isEqualTo(1);
        api.get(domain, userToken).assertProblem(404, "Domain not found");

        JsonNode accepted = api.post("/api/v1/invitations/" + id + "/accept", userToken, null)
                .json();

        assertThat(accepted.path("state").asString()).isEqualTo("accepted");
        assertThat(api.get(domain, userToken).json().path("my_role").asString()).isEqualTo("editor");
        api.post("/api/v1/invitations/" + id + "/reject", userToken, null)
                .assertProblem(409, "This invitation has already been answered");
    }

    @Test
    void anInviteeMayRejectAndNobodyElseMayAnswer() {
        long id = api.post(
                        domain + "/invitations", adminToken, Map.of("invitee_user_id", user.id(), "relation", "viewer"))
                .json()
                .path("id")
                .asLong();

        api.post("/api/v1/invitations/" + id + "/accept", adminToken, null).assertProblem(404, "Invitation not found");
        assertThat(api.post("/api/v1/invitations/" + id + "/reject", userToken, null)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("rejected");
        api.get(domain, userToken).assertProblem(404, "Domain not found");
        api.post("/api/v1/invitations/abc/accept", userToken, null)
                .assertProblem(400, "Invalid value for parameter \"invitationId\"");
    }

    @Test
    void duplicateInvitationsAndInvitingMembersAre409() {
        api.post(domain + "/invitations", adminToken, Map.of("user_id", user.id(), "role", "viewer"));

        Response again = api.post(domain + "/invitations", adminToken, Map.of("user_id", user.id(), "role", "admin"))
                .assertProblem(409, "This user already has a pending invitation to the domain");
        assertThat(again.json().path("field").asString()).isEqualTo("user_id");

        long adminId = api.get("/api/v1/users/me", adminToken).json().path("id").asLong();
        api.post(domain + "/invitations", adminToken, Map.of("user_id", adminId, "role", "viewer"))
                .assertProblem(409, "This user is already a member of the domain");
    }

    @Test
    void aDeletedInvitationCanNoLongerBeAccepted() {
        long id = api.post(domain + "/invitations", adminToken, Map.of("user_id", user.id(), "role", "viewer"))
                .json()
                .path("id")
                .asLong();

        assertThat(api.delete(domain + "/invitations/" + id, adminToken).status())
                .isEqualTo(204);

        api.post("/api/v1/invitations/" + id + "/accept", userToken, null).assertProblem(404, "Invitation not found");
        api.delete(domain + "/invitations/" + id, adminToken).assertProblem(404, "Invitation not found");
    }

    @Test
    void receivedInvitationsNeedAToken() {
        api.get("/api/v1/invitations/received", null)
                .assertProblem(
                        401, "Authentication required: send an access token as \"Authorization: Bearer <token>\"");
        api.post("/api/v1/invitations/1/accept", null, null)
                .assertProblem(
                        401, "Authentication required: send an access token as \"Authorization: Bearer <token>\"");
    }
}
