package dev.scopekeeper.domains.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/domains/{id}/members} by a domain admin: a user who is not a member gets an invitation
 * (202), never a membership without consent; an unknown id and the id of a user the admin cannot see answer the
 * very same 422, so ids cannot be probed for usernames.
 */
@ApiTest
class MemberConsentApiTest extends ApiTestBase {

    long domain;
    UserProfile dana;
    String danaToken;

    @BeforeEach
    void danaAdministersADomain() {
        dana = users.create("dana", PlatformRole.USER);
        domain = domains.domain("Consent");
        domains.member(domain, dana, DomainRole.ADMIN);
        danaToken = api.accessToken(dana);
    }

    private Response add(long userId, String token) {
        return api.post("/api/v1/domains/" + domain + "/members", token, Map.of("user_id", userId, "role", "editor"));
    }

    @Test
    void unknownAndInvisibleIdsAnswerAlikeAndNothingLeaks() {
        UserProfile stranger = users.create("stranger", PlatformRole.USER);

        Response unknown = add(Long.MAX_VALUE - 7, danaToken);
        Response invisible = add(stranger.id(), danaToken);

        unknown.assertProblem(422, "No such user");
        invisible.assertProblem(422, "No such user");
        assertThat(invisible.body()).doesNotContain(stranger.username());
        assertThat(invisible.json().path("field").asString())
                .isEqualTo(unknown.json().path("field").asString());
        assertThat(api.get("/api/v1/domains/" + domain + "/members?limit=100", danaToken)
                        .body())
                .doesNotContain(stranger.username());
    }

    @Test
    void aCoMemberIsInvitedAndJoinsOnlyByAccepting() {
        UserProfile erin = users.create("erin", PlatformRole.USER);
        domains.member(domain, erin, DomainRole.VIEWER);
        UserProfile fred = users.create("fred", PlatformRole.USER);
        String fredToken = api.accessToken(fred);
        long shared = domains.domain("Shared");
        domains.member(shared, fred, DomainRole.VIEWER);
        domains.member(shared, dana, DomainRole.VIEWER);

        Response invited = add(fred.id(), danaToken);

        assertThat(invited.status()).as(invited.body()).isEqualTo(202);
        assertThat(invited.json().path("state").asString()).isEqualTo("pending");
        assertThat(api.get("/api/v1/domains/" + domain + "/members?limit=100", danaToken)
                        .body())
                .doesNotContain("\"" + fred.username() + "\"");
        long invitation = invited.json().path("id").asLong();
        assertThat(api.post("/api/v1/invitations/" + invitation + "/accept", fredToken, null)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/domains/" + domain + "/members?limit=100", danaToken)
                        .body())
                .contains("\"" + fred.username() + "\"");

        Response roleChange = add(erin.id(), danaToken);
        assertThat(roleChange.status()).as("a member's role changes directly").isEqualTo(200);
        assertThat(roleChange.json().path("role").asString()).isEqualTo("editor");
    }

    @Test
    void aPlatformAdministratorStillAddsDirectly() {
        UserProfile gail = users.create("gail", PlatformRole.USER);
        Response added = add(gail.id(), api.accessToken(domains.adminOf(domain)));

        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().path("role").asString()).isEqualTo("editor");
    }
}
