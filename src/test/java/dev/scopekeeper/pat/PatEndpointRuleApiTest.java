package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A PAT may do only what one of its scopes allows, everywhere: every operation of the live OpenAPI document is
 * called with a scope-less PAT and with a PAT holding every scope of its owner's domain. Only the catalogue
 * operations (documented with {@code x-scopekeeper-operation}) get past the endpoint rule; every other endpoint —
 * token management, users, administration, the caller's invitations — refuses both tokens with 403
 * problem+json. The one exception is an endpoint that needs no authentication at all and acts for nobody
 * ({@code x-scopekeeper-no-authentication}, only the leaked-token report of issue 15): a PAT in its header is
 * neither needed nor refused, since dropping the header would reach it anyway. The test reads the document, so a
 * new endpoint cannot escape it.
 */
@ApiTest
class PatEndpointRuleApiTest extends ApiTestBase {

    private static final Set<String> GUARD_REFUSALS = Set.of(
            "Personal access tokens can only call the domain API operations of the scope catalogue;"
                    + " this endpoint is not one of them",
            "Personal access tokens cannot be used to manage personal access tokens."
                    + " Sign in or use a user access token.");

    UserProfile alice;
    String aliceToken;
    long domain;
    long client;

    @BeforeEach
    void aliceAdministersADomain() {
        alice = users.create("alice", PlatformRole.USER);
        aliceToken = api.accessToken(alice);
        domain = domains.domain("Rule");
        domains.member(domain, alice, DomainRole.ADMIN);
        client = domains.client(domain, "valve");
    }

    private String pat(List<Map<String, Object>> scopes) {
        Response created = api.post(
                "/api/v1/pats",
                aliceToken,
                Map.of("name", "p" + System.nanoTime(), "duration", "7d", "scopes", scopes));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("secret").asString();
    }

    private List<Map<String, Object>> everyScopeOfTheDomain() {
        List<Map<String, Object>> scopes = new ArrayList<>();
        for (String type : List.of("clients", "channels", "groups", "domains")) {
            scopes.add(Map.of("domain_id", domain, "entity_type", type, "operation", "*", "entity_id", "*"));
        }
        return scopes;
    }

    record Call(String method, String path, boolean catalogue, boolean noAuthentication) {
        Call(String method, String path, boolean catalogue) {
            this(method, path, catalogue, false);
        }
    }

    private List<Call> everyDocumentedOperation() {
        JsonNode paths = api.get("/v3/api-docs", null).json().path("paths");
        List<Call> calls = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            JsonNode item = paths.path(path);
            for (String method : item.propertyNames()) {
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                boolean catalogue = item.path(method).has("x-scopekeeper-operation")
                        || ("get".equals(method) && "/api/v1/pats/self".equals(path));
                boolean noAuthentication = item.path(method)
                        .path("x-scopekeeper-no-authentication")
                        .asBoolean(false);
                calls.add(new Call(method.toUpperCase(Locale.ROOT), path, catalogue, noAuthentication));
            }
        }
        return calls;
    }

    private String concrete(String path) {
        return path.replace("{domainId}", Long.toString(domain)).replaceAll("\\{[^}]+}", Long.toString(client));
    }

    @Test
    void onlyCatalogueOperationsAreReachableWithAPatWhateverItsScopes() {
        List<Call> calls = everyDocumentedOperation();
        assertThat(calls)
                .as("the document lists the invitee's own endpoints, which are not catalogue operations")
                .contains(
                        new Call("GET", "/api/v1/invitations/received", false),
                        new Call("POST", "/api/v1/invitations/{invitationId}/accept", false),
                        new Call("POST", "/api/v1/invitations/{invitationId}/reject", false));
        assertThat(calls.stream().filter(Call::catalogue).count())
                .as("catalogue operations")
                .isGreaterThan(40);
        assertThat(calls.stream().filter(Call::noAuthentication))
                .as("the only endpoint open to anyone, with or without a token: reporting leaked tokens")
                .containsExactly(new Call("POST", "/api/v1/credentials/revoke", false, true));

        SoftAssertions softly = new SoftAssertions();
        for (String secret : List.of(pat(List.of()), pat(everyScopeOfTheDomain()))) {
            for (Call call : calls) {
                String body = Set.of("POST", "PUT", "PATCH").contains(call.method()) ? "{}" : null;
                Response response = api.send(call.method(), concrete(call.path()), secret, body);
                String detail = response.contentType().startsWith("application/problem+json")
                        ? response.json().path("detail").asString()
                        : "";
                String what = call.method() + " " + call.path() + " -> " + response.status() + " " + response.body();
                if (call.catalogue() || call.noAuthentication()) {
                    softly.assertThat(GUARD_REFUSALS).as(what).doesNotContain(detail);
                } else {
                    softly.assertThat(response.status()).as(what).isEqualTo(403);
                    softly.assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                    softly.assertThat(GUARD_REFUSALS).as(what).contains(detail);
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void aPatCannotAcceptOrRejectItsOwnersInvitations() {
        UserProfile inviter = domains.adminOf(domain);
        long other = domains.domain("Inviting");
        String inviterToken = api.accessToken(domains.adminOf(other));
        long invitation = api.post(
                        "/api/v1/domains/" + other + "/invitations",
                        inviterToken,
                        Map.of("user_id", alice.id(), "role", "admin"))
                .json()
                .path("id")
                .asLong();
        assertThat(inviter).isNotNull();
        String secret = pat(List.of());

        String refusal = GUARD_REFUSALS.stream()
                .filter(s -> s.startsWith("Personal access tokens can only"))
                .findFirst()
                .orElseThrow();
        api.get("/api/v1/invitations/received", secret).assertProblem(403, refusal);
        api.post("/api/v1/invitations/" + invitation + "/accept", secret, null).assertProblem(403, refusal);
        api.post("/api/v1/invitations/" + invitation + "/reject", secret, null).assertProblem(403, refusal);

        assertThat(api.get("/api/v1/invitations/received", aliceToken)
                        .json()
                        .path("invitations")
                        .get(0)
                        .path("state")
                        .asString())
                .as("the invitation is still pending")
                .isEqualTo("pending");
    }
}
