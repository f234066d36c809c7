package dev.scopekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Statements Hibernate prepares per HTTP request on the authorization hot path (issue 12's table), counted by
 * {@link StatementCounter} over real HTTP: counts, not timings, so they are the same on every machine.
 * "Warm" means the same caller made the same request just before (authentication and access-facts caches
 * filled); "cold" is the first request of a new token, user and domain.
 *
 * <p>Measured with this test (statements Hibernate prepares; transaction statements not counted):
 *
 * <table>
 *   <tr><th>request</th><th>before (dfd52b0)</th><th>after</th></tr>
 *   <tr><td>GET a client, PAT, warm</td><td>5</td><td>1 (the client)</td></tr>
 *   <tr><td>GET a client, PAT, cold</td><td>7</td><td>3 (token, owner with facts, client)</td></tr>
 *   <tr><td>GET a client, user token</td><td>6</td><td>2 warm (user, client), 3 cold (+ facts)</td></tr>
 *   <tr><td>GET a domain, user token</td><td>9</td><td>2 warm (user, domain), 3 cold (+ facts)</td></tr>
 * </table>
 */
@ApiTest
class StatementCountApiTest extends ApiTestBase {

    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    UserProfile alice;
    String userToken;
    long domain;
    String clientPath;

    @BeforeEach
    void aliceIsAnEditorOfADomainWithAClient() {
        alice = users.create("counted", PlatformRole.USER);
        userToken = api.accessToken(alice);
        domain = domains.domain("Counted");
        domains.member(domain, alice, DomainRole.EDITOR);
        long client = domains.client(domain, "door");
        clientPath = "/api/v1/domains/" + domain + "/clients/" + client;
    }

    private String pat() {
        return createClientViewPat(userToken, "counted" + System.nanoTime(), "7d", domain, "*")
                .path("secret")
                .asString();
    }

    @Test
    void aClientReadWithAWarmPatIsOneStatement() {
        String pat = pat();
        counted(clientPath, pat);

        assertThat(counted(clientPath, pat)).hasSize(1);
    }

    @Test
    void aClientReadWithAColdPatIsAtMostThreeStatements() {
        assertThat(counted(clientPath, pat())).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void aClientReadWithAUserTokenIsAtMostTwoStatements() {
        List<String> cold = counted(clientPath, userToken);
        assertThat(cold).hasSizeLessThanOrEqualTo(3);

        assertThat(counted(clientPath, userToken)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aDomainReadWithAUserTokenIsAtMostTwoStatements() {
        String path = "/api/v1/domains/" + domain;
        List<String> cold = counted(path, userToken);
        assertThat(cold).hasSizeLessThanOrEqualTo(3);

        assertThat(counted(path, userToken)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aCheckThatNamesTheClosestScopeReadsNamesInBatchesWhateverTheScopeCount() {
        long outside = domains.client(domain, "window");
        String body = "{\"method\":\"GET\",\"path\":\"/api/v1/domains/" + domain + "/clients/" + outside + "\"}";
        List<Integer> counts = new java.util.ArrayList<>();
        for (int scopes : List.of(1, 10)) {
            List<java.util.Map<String, Object>> list = new java.util.ArrayList<>();
            for (int i = 0; i < scopes; i++) {
                long client = domains.client(domain, "c" + scopes + "-" + i);
                list.add(java.util.Map.of(
                        "domain_id", domain, "entity_type", "clients", "operation", "view", "entity_id", "" + client));
            }
            var created = api.post(
                    "/api/v1/pats",
                    userToken,
                    java.util.Map.of("name", "checked" + scopes, "duration", "7d", "scopes", list));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String path = "/api/v1/pats/" + created.json().path("id").asLong() + "/check";
            send(path, userToken, body, first -> {}); // caches of the caller and domain filled, as in the rows above
            String answer = send(path, userToken, body, counted -> counts.add(counted.size()));
            // denied, and the answer names the closest of the token's scopes by its client's name
            assertThat(answer).contains("\"allowed\":false");
        }
        assertThat(counts.get(1))
                .as(
                        "statements of a check with 10 scopes against 1 (names resolved per domain and type, not per scope)")
                .isEqualTo(counts.get(0));
    }

    /** POSTs {@code json} to {@code path} (expecting 200), hands its statements to {@code statements}, returns the body. */
    private String send(String path, String token, String json, java.util.function.Consumer<List<String>> statements) {
        String label = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header(StatementCountingFilter.HEADER, label)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            var response = http.send(request, BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            List<String> prepared = StatementCounter.statementsOf(label);
            System.out.println(
                    "[statements] POST " + path + ": " + prepared.size() + "\n  " + String.join("\n  ", prepared));
            statements.accept(prepared);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs {@code path} (expecting 200) and returns the statements its request prepared. */
    private List<String> counted(String path, String token) {
        String label = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + path))
                .header("Authorization", "Bearer " + token)
                .header(StatementCountingFilter.HEADER, label)
                .GET()
                .build();
        try {
            var response = http.send(request, BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<String> statements = StatementCounter.statementsOf(label);
        System.out.println("[statements] " + path + " (" + token.substring(0, 4) + "): " + statements.size() + "\n  "
                + String.join("\n  ", statements));
        return statements;
    }
}
