package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two changes of one token sent at the same moment over the API, many times: each answers as it would have
 * alone, one after the other, and never "someone else changed this item" (409) or 500. Deleting is the stronger
 * action: a delete racing a revoke (or a rename, a new description, a scope change) always deletes the token
 * (204); the other change either happened before it (200) or finds the token gone (404). Two compatible edits
 * (revoke and rename) both take effect; so do an administrator's delete racing the owner's revoke, and a leak
 * report racing the owner's rename (the report revokes, as it would alone: no 409 that tells the reporter a
 * token was there).
 */
@ApiTest
class PatEditRaceApiTest extends ApiTestBase {

    private static final int TRIALS = 40;
    private static final String NOT_FOUND = "Personal access token not found";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    UserProfile owner;
    String token;
    long domain;
    long client;
    ExecutorService pool;

    @BeforeEach
    void ownerWithAClient() {
        owner = users.create("racer", PlatformRole.USER);
        token = api.accessToken(owner);
        domain = domains.domain("Races");
        domains.member(domain, owner, DomainRole.EDITOR);
        client = domains.client(domain, "sprinter");
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aDeleteRacingARevokeOfTheSameTokenAlwaysDeletesIt() throws Exception {
        for (int trial = 0; trial < TRIALS; trial++) {
            long id = createPat("doomed " + trial);

            List<Response> answers = together(
                    () -> api.delete("/api/v1/pats/" + id, token),
                    () -> api.patch("/api/v1/pats/" + id + "/secret/revoke", token, null));

            assertDeletedWhateverElseHappened(id, answers, "revoked");
        }
    }

    @Test
    void aDeleteRacingARenameADescriptionOrAScopeChangeAlwaysDeletesIt() throws Exception {
        Map<String, Object> scopes = Map.of("scopes", List.of(clientViewScope(domain, "*")));
        for (int trial = 0; trial < TRIALS; trial++) {
            long id = createPat("doomed " + trial);
            Callable<Response> other =
                    switch (trial % 3) {
                        case 0 -> () -> api.patch("/api/v1/pats/" + id + "/name", token, Map.of("name", "renamed"));
                        case 1 ->
                            () -> api.patch("/api/v1/pats/" + id + "/description", token, Map.of("description", "d"));
                        default -> () -> api.patch("/api/v1/pats/" + id + "/scope/add", token, scopes);
                    };

            List<Response> answers = together(() -> api.delete("/api/v1/pats/" + id, token), other);

            assertDeletedWhateverElseHappened(id, answers, "active");
        }
    }

    @Test
    void aRevokeRacingARenameOfTheSameTokenBothTakeEffect() throws Exception {
        for (int trial = 0; trial < TRIALS; trial++) {
            long id = createPat("before " + trial);
            String renamed = "after " + trial;

            List<Response> answers = together(
                    () -> api.patch("/api/v1/pats/" + id + "/secret/revoke", token, null),
                    () -> api.patch("/api/v1/pats/" + id + "/name", token, Map.of("name", renamed)));

            assertThat(answers).as("trial %d", trial).allSatisfy(answer -> assertThat(answer.status())
                    .as(answer.body())
                    .isEqualTo(200));
            Response after = api.get("/api/v1/pats/" + id, token);
            assertThat(after.json().path("status").asString()).isEqualTo("revoked");
            assertThat(after.json().path("name").asString()).isEqualTo(renamed);
        }
    }

    @Test
    void anAdministratorsDeleteRacingTheOwnersRevokeAlwaysDeletesIt() throws Exception {
        String admin = api.accessToken(users.create("racingadmin", PlatformRole.ADMIN));
        for (int trial = 0; trial < TRIALS; trial++) {
            long id = createPat("doomed " + trial);

            List<Response> answers = together(
                    () -> api.delete("/api/v1/admin/tokens/" + id, admin),
                    () -> api.patch("/api/v1/pats/" + id + "/secret/revoke", token, null));

            assertDeletedWhateverElseHappened(id, answers, "revoked");
        }
    }

    @Test
    void aLeakReportRacingARenameStillRevokesTheToken() throws Exception {
        for (int trial = 0; trial < TRIALS; trial++) {
            JsonNode pat = createClientViewPat(token, "leaky " + trial, "7d", domain, String.valueOf(client));
            long id = pat.path("id").asLong();
            String secret = pat.path("secret").asString();
            String reporter = "203.0.113." + (trial + 10);

            List<Response> answers = together(
                    () -> report(reporter, secret),
                    () -> api.patch("/api/v1/pats/" + id + "/name", token, Map.of("name", "renamed " + id)));

            Response reported = answers.get(0);
            assertThat(reported.status()).as(reported.body()).isEqualTo(202);
            assertThat(reported.body()).isEqualTo("{\"accepted\":1}");
            assertThat(answers.get(1).status()).as(answers.get(1).body()).isEqualTo(200);
            JsonNode after = api.get("/api/v1/pats/" + id, token).json();
            assertThat(after.path("status").asString()).isEqualTo("revoked");
            assertThat(after.path("revoked_by").asString()).isEqualTo("leak_report");
            assertThat(after.path("name").asString()).isEqualTo("renamed " + id);
        }
    }

    @Test
    void twoDeletesOfOneTokenAtOnceAnswer204AndThen404() throws Exception {
        for (int trial = 0; trial < TRIALS; trial++) {
            long id = createPat("twice " + trial);

            List<Response> answers = together(
                    () -> api.delete("/api/v1/pats/" + id, token), () -> api.delete("/api/v1/pats/" + id, token));

            List<Response> sorted = answers.stream()
                    .sorted(java.util.Comparator.comparingInt(Response::status))
                    .toList();
            assertThat(sorted.get(0).status()).as(sorted.get(0).body()).isEqualTo(204);
            sorted.get(1).assertProblem(404, NOT_FOUND);
        }
    }

    @Test
    void twoTokensRenamedToOneNameAtOnceGiveItToOneAndA409ToTheOther() throws Exception {
        for (int trial = 0; trial < TRIALS; trial++) {
            long one = createPat("first " + trial);
            long two = createPat("second " + trial);
            String name = "Wanted " + trial;

            List<Response> answers = together(
                    () -> api.patch("/api/v1/pats/" + one + "/name", token, Map.of("name", name)),
                    () -> api.patch("/api/v1/pats/" + two + "/name", token, Map.of("name", name.toLowerCase())));

            assertOneWonTheName(answers, trial);
        }
    }

    @Test
    void aRenameRacingACreateWithTheSameNameGivesItToOneAndA409ToTheOther() throws Exception {
        for (int trial = 0; trial < TRIALS; trial++) {
            long id = createPat("old " + trial);
            String name = "Taken " + trial;

            List<Response> answers = together(
                    () -> api.patch("/api/v1/pats/" + id + "/name", token, Map.of("name", name)),
                    () -> api.post("/api/v1/pats", token, Map.of("name", name.toUpperCase(), "duration", "7d")));

            assertOneWonTheName(answers, trial);
        }
    }

    /** One answer took the name (200 or 201), the other is a 409 saying the name is taken. */
    private static void assertOneWonTheName(List<Response> answers, int trial) {
        List<Integer> statuses = answers.stream().map(Response::status).sorted().toList();
        assertThat(statuses).as("trial %d: %s", trial, answers).hasSize(2);
        assertThat(statuses.get(0)).as(answers.toString()).isIn(200, 201);
        Response refused = answers.stream()
                .filter(a -> a.status() == 409)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no 409 in trial " + trial + ": "
                        + answers.stream().map(Response::body).toList()));
        assertThat(refused.json().path("detail").asString()).startsWith("You already have a token named");
        assertThat(refused.json().path("field").asString()).isEqualTo("name");
    }

    /** {@code POST /api/v1/credentials/revoke} as sent through the trusted reverse proxy from that address. */
    private Response report(String address, String secret) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + environment.getRequiredProperty("local.server.port") + "/api/v1/credentials/revoke"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("{\"credentials\": [\"" + secret + "\"]}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers(), response.body());
    }

    /** The delete answered 204 and the token is gone; the other change answered 200 (before it) or 404. */
    private void assertDeletedWhateverElseHappened(long id, List<Response> answers, String otherStatus) {
        Response deleted = answers.get(0);
        Response other = answers.get(1);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        if (other.status() == 200) {
            assertThat(other.json().path("status").asString()).isEqualTo(otherStatus);
        } else {
            other.assertProblem(404, NOT_FOUND);
        }
        api.get("/api/v1/pats/" + id, token).assertProblem(404, NOT_FOUND);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pat WHERE id = ?", Integer.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pat_scope WHERE pat_id = ?", Integer.class, id))
                .isZero();
    }

    private long createPat(String name) {
        return createClientViewPat(token, name, "7d", domain, String.valueOf(client))
                .path("id")
                .asLong();
    }

    /** Both calls released at the same moment; their answers in the order given. */
    private List<Response> together(Callable<Response> first, Callable<Response> second) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Response> gated1 = gated(first, ready, start);
        Callable<Response> gated2 = gated(second, ready, start);
        Future<Response> one = pool.submit(gated1);
        Future<Response> two = pool.submit(gated2);
        ready.await();
        start.countDown();
        return List.of(one.get(30, TimeUnit.SECONDS), two.get(30, TimeUnit.SECONDS));
    }

    private static Callable<Response> gated(Callable<Response> call, CountDownLatch ready, CountDownLatch start) {
        return () -> {
            ready.countDown();
            start.await();
            return call.call();
        };
    }
}
