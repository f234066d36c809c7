package dev.scopekeeper.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.base.api.ApiClient;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cached access facts (issue 12) never outlive a change: each trigger (membership added, role changed,
 * member removed, domain disabled and enabled, platform role changed, account disabled) reaches the very next
 * request, after a first request has filled the cache with the old facts.
 */
@ApiTest
class AccessFactsEvictionApiTest extends ApiTestBase {

    UserProfile bob;
    String bobToken;
    String adminToken;
    long domain;
    String domainPath;
    String clientPath;

    @BeforeEach
    void aDomainWithAClientAndBobWhoIsNotInIt() {
        bob = users.create("bob", PlatformRole.USER);
        bobToken = api.accessToken(bob);
        domain = domains.domain("Evict");
        adminToken = api.accessToken(domains.adminOf(domain));
        domainPath = "/api/v1/domains/" + domain;
        clientPath = domainPath + "/clients/" + domains.client(domain, "door");
    }

    private void setMember(DomainRole role) {
        ApiClient.Response response =
                api.post(domainPath + "/members", adminToken, Map.of("user_id", bob.id(), "role", role.wireName()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private String myRole() {
        ApiClient.Response response = api.get(domainPath, bobToken);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("my_role").asString();
    }

    @Test
    void addingAMemberLetsThemInOnTheNextRequest() {
        api.get(clientPath, bobToken).assertProblem(404, "Domain not found");

        setMember(DomainRole.VIEWER);

        assertThat(api.get(clientPath, bobToken).status()).isEqualTo(200);
    }

    @Test
    void aDemotionCountsOnTheNextRequest() {
        setMember(DomainRole.ADMIN);
        assertThat(api.get(domainPath + "/invitations", bobToken).status()).isEqualTo(200);
        assertThat(myRole()).isEqualTo("admin");

        setMember(DomainRole.VIEWER);

        assertThat(myRole()).isEqualTo("viewer");
        assertThat(api.get(domainPath + "/invitations", bobToken).status()).isEqualTo(403);
    }

    @Test
    void aPromotionCountsOnTheNextRequest() {
        setMember(DomainRole.VIEWER);
        assertThat(api.get(domainPath + "/invitations", bobToken).status()).isEqualTo(403);

        setMember(DomainRole.ADMIN);

        assertThat(api.get(domainPath + "/invitations", bobToken).status()).isEqualTo(200);
    }

    @Test
    void aRemovedMemberIsOutOnTheNextRequest() {
        setMember(DomainRole.EDITOR);
        assertThat(api.get(clientPath, bobToken).status()).isEqualTo(200);

        assertThat(api.delete(domainPath + "/members/" + bob.id(), adminToken).status())
                .isEqualTo(204);

        api.get(clientPath, bobToken).assertProblem(404, "Domain not found");
        api.get(domainPath, bobToken).assertProblem(404, "Domain not found");
    }

    @Test
    void disablingAndEnablingTheDomainCountOnTheNextRequest() {
        setMember(DomainRole.EDITOR);
        assertThat(api.get(clientPath, bobToken).status()).isEqualTo(200);
        assertThat(api.patch(clientPath, bobToken, Map.of("name", "door-1")).status())
                .isEqualTo(200);

        assertThat(api.post(domainPath + "/disable", adminToken, null).status()).isEqualTo(200);
        assertThat(api.get(clientPath, bobToken).status()).isEqualTo(200);
        assertThat(api.patch(clientPath, bobToken, Map.of("name", "door-2")).status())
                .isEqualTo(409);

        assertThat(api.post(domainPath + "/enable", adminToken, null).status()).isEqualTo(200);
        assertThat(api.get(clientPath, bobToken).status()).isEqualTo(200);
        assertThat(api.patch(clientPath, bobToken, Map.of("name", "door-3")).status())
                .isEqualTo(200);
    }

    @Test
    void losingThePlatformAdminRoleCountsOnTheNextRequest() {
        UserProfile carol = users.create("carol", PlatformRole.ADMIN);
        String carolToken = api.accessToken(carol);
        assertThat(api.get(domainPath, carolToken).json().path("my_role").asString())
                .isEqualTo("admin");

        assertThat(api.patch("/api/v1/admin/users/" + carol.id() + "/role", adminToken, Map.of("role", "USER"))
                        .status())
                .isEqualTo(200);

        api.get(domainPath, carolToken).assertProblem(404, "Domain not found");
    }

    @Test
    void gainingThePlatformAdminRoleCountsOnTheNextRequest() {
        api.get(domainPath, bobToken).assertProblem(404, "Domain not found");

        assertThat(api.patch("/api/v1/admin/users/" + bob.id() + "/role", adminToken, Map.of("role", "ADMIN"))
                        .status())
                .isEqualTo(200);

        assertThat(myRole()).isEqualTo("admin");
    }
}
