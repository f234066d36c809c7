package dev.scopekeeper.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.MutableClock;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiClient;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.notify.Mails;
import dev.scopekeeper.notify.TestMail;
import dev.scopekeeper.pat.PatTokens;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/credentials/revoke}: no authentication, no oracle, throttled, owner mailed. */
@ApiTest
class LeakedCredentialsApiTest extends ApiTestBase {

    private static final String PATH = "/api/v1/credentials/revoke";

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    UserProfile alice;
    String userToken;
    String clientPath;
    long domain;
    long client;

    @BeforeEach
    void aliceHasAClient() {
        alice = users.create("leaky", PlatformRole.USER);
        userToken = api.accessToken(alice);
        domain = domains.domain("Leak");
        domains.member(domain, alice, DomainRole.EDITOR);
        client = domains.client(domain, "valve");
        clientPath = "/api/v1/domains/" + domain + "/clients/" + client;
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    private JsonNode createPat(String name) {
        return createClientViewPat(userToken, name, "30d", domain, String.valueOf(client));
    }

    private static String wellFormedUnknown() {
        return new PatTokens(null).generate();
    }

    @Test
    void aReportedLiveTokenIsRevokedAuditedAndItsOwnerMailed() {
        JsonNode pat = createPat("pushed to github");
        String secret = pat.path("secret").asString();
        assertThat(api.get(clientPath, secret).status()).isEqualTo(200);

        ApiClient.Response response = api.post(
                PATH, null, Map.of("credentials", List.of(secret, "pat_nonsense", wellFormedUnknown(), "ghp_other")));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(2);
        api.get(clientPath, secret).assertProblem(401, "This personal access token has been revoked");
        JsonNode after =
                api.get("/api/v1/pats/" + pat.path("id").asLong(), userToken).json();
        assertThat(after.path("status").asString()).isEqualTo("revoked");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_event WHERE event_type = 'PAT_REVOKED'"
                                + " AND target_id = ? AND ip = '127.0.0.1' AND details LIKE '%reported as leaked%'",
                        Integer.class, pat.path("id").asLong()))
                .isEqualTo(1);

        List<MimeMessage> mails = TestMail.await(alice.email(), 1);
        assertThat(Mails.subjects(mails))
                .containsExactly("Your token \"pushed to github\" was reported as leaked and revoked");
        assertThat(Mails.text(mails.getFirst()))
                .contains("/pats/" + pat.path("id").asLong())
                .doesNotContain(secret);
    }

    @Test
    void aReportedServiceCredentialIsRevokedAtOnceAndAudited() {
        String admin = api.accessToken(users.create("leakadmin", PlatformRole.ADMIN));
        ApiClient.Response created =
                api.post("/api/v1/admin/services", admin, Map.of("name", "leaked-" + System.nanoTime()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String service = created.json().path("secret").asString();
        long id = created.json().path("id").asLong();
        String pat = createPat("asked about").path("secret").asString();
        assertThat(api.post("/api/v1/introspect", service, Map.of("token", pat)).status())
                .isEqualTo(200);

        ApiClient.Response response = api.post(
                PATH,
                null,
                Map.of("credentials", List.of(service, "svc_nonsense", new PatTokens(null).generate("svc_"))));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"accepted\":2}");
        api.post("/api/v1/introspect", service, Map.of("token", pat)).assertProblem(401, "Invalid service credential");
        assertThat(api.get("/api/v1/admin/services?limit=100", admin)
                        .json()
                        .path("services")
                        .valueStream()
                        .filter(s -> s.path("id").asLong() == id)
                        .map(s -> s.path("status").asString()))
                .containsExactly("revoked");
        // reported again: the same answer, nothing more revoked or audited
        assertThat(api.post(PATH, null, Map.of("credentials", List.of(service))).body())
                .isEqualTo("{\"accepted\":1}");
        assertThat(jdbc.queryForList(
                        "SELECT details FROM audit_event WHERE event_type = 'SERVICE_CREDENTIAL_REVOKED'"
                                + " AND target_id = ?",
                        String.class,
                        id))
                .singleElement()
                .asString()
                .contains("reported as leaked from 127.0.0.1")
                .doesNotContain(service.substring(4, 36));
    }

    @Test
    void theAnswerIsTheSameWhateverWasFound() {
        String live = createPat("live").path("secret").asString();
        ApiClient.Response found = api.post(PATH, null, Map.of("credentials", List.of(live, wellFormedUnknown())));
        ApiClient.Response notFound =
                api.post(PATH, null, Map.of("credentials", List.of(wellFormedUnknown(), wellFormedUnknown())));
        ApiClient.Response again = api.post(PATH, null, Map.of("credentials", List.of(live, wellFormedUnknown())));

        assertThat(List.of(found, notFound, again)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.body()).isEqualTo("{\"accepted\":2}");
        });
        assertThat(TestMail.await(alice.email(), 1)).hasSize(1);
    }

    @Test
    void anOldSecretStillInItsGraceIsLiveToo() {
        JsonNode pat = createPat("rotating");
        String old = pat.path("secret").asString();
        String fresh = api.patch(
                        "/api/v1/pats/" + pat.path("id").asLong() + "/secret/reset",
                        userToken,
                        Map.of("duration", "30d", "grace", "1d"))
                .json()
                .path("secret")
                .asString();

        api.post(PATH, null, Map.of("credentials", List.of(old)));

        assertThat(api.get(clientPath, old).status()).isEqualTo(401);
        assertThat(api.get(clientPath, fresh).status())
                .as("the whole token is revoked")
                .isEqualTo(401);
    }

    @Test
    void aPatInTheAuthorizationHeaderIsNeitherNeededNorRefused() {
        String reporter = createPat("reporter").path("secret").asString();
        ApiClient.Response response = api.post(PATH, reporter, Map.of("credentials", List.of(wellFormedUnknown())));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    @Test
    void atMostAThousandEntriesAndABodyIsRequired() {
        List<String> many = new ArrayList<>(Collections.nCopies(1001, "pat_x"));
        api.post(PATH, null, Map.of("credentials", many)).assertProblem(422, "At most 1,000 credentials per request");
        api.postRaw(PATH, null, "{}")
                .assertProblem(422, "Give the leaked credentials as a JSON list named \"credentials\"");
        assertThat(api.post(PATH, null, Map.of("credentials", Collections.nCopies(1000, "pat_x")))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsA400SayingSoAsOnEveryOtherEndpoint() {
        String address = uniqueAddress();
        for (String body : List.of("null", " null\n", "[]", "[\"pat_x\"]", "\"pat_x\"", "42", "true")) {
            problem(rawReportFrom(address, body, false), 400, "The request body must be a JSON object");
            problem(rawReportFrom(address, body, true), 400, "The request body must be a JSON object");
        }
        for (String body : List.of("", "{\"credentials\": ", "nope")) {
            problem(rawReportFrom(address, body, false), 400, "The request body is not valid JSON");
        }
        problem(
                rawReportFrom(address, "{\"credentials\": \"pat_x\"}", false),
                400,
                "Invalid value for \"credentials\"");
        problem(rawReportFrom(address, "{\"credentials\": [[]]}", false), 400, "Invalid value for \"credentials[0]\"");
        problem(
                rawReportFrom(address, "{\"credentials\": null}", false),
                422,
                "Give the leaked credentials as a JSON list named \"credentials\"");
        assertThat(rawReportFrom(address, "{\"credentials\": [null, \"\\u0000pat_\"]}", false)
                        .statusCode())
                .isEqualTo(202);
    }

    private static void problem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("detail").asString()).isEqualTo(detail);
    }

    /** A raw body as sent through the trusted reverse proxy from {@code clientAddress}, chunked or not. */
    private HttpResponse<String> rawReportFrom(String clientAddress, String body, boolean chunked) {
        try {
            HttpRequest.BodyPublisher content = HttpRequest.BodyPublishers.ofString(body);
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + environment.getProperty("local.server.port") + PATH))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", clientAddress)
                    // without a known length the body is sent chunked, with no Content-Length
                    .POST(chunked ? HttpRequest.BodyPublishers.fromPublisher(content) : content)
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A report as sent through the trusted reverse proxy from {@code clientAddress}. */
    private HttpResponse<String> reportFrom(String clientAddress, List<String> credentials) {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + environment.getProperty("local.server.port") + PATH))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", clientAddress)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("credentials", credentials))))
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theAuditNamesTheReportersRealAddress() {
        JsonNode pat = createPat("found in a gist");
        assertThat(reportFrom("203.0.113.7", List.of(pat.path("secret").asString()))
                        .statusCode())
                .isEqualTo(202);
        assertThat(jdbc.queryForObject(
                        "SELECT ip FROM audit_event WHERE event_type = 'PAT_REVOKED' AND target_id = ?",
                        String.class,
                        pat.path("id").asLong()))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void reportsAreThrottledPerAddress() {
        String address = "198.51.100." + (System.nanoTime() % 200 + 1);
        int status = 0;
        for (int i = 0; i < 40 && status != 429; i++) {
            status = reportFrom(address, List.of()).statusCode();
        }
        assertThat(status).isEqualTo(429);
        HttpResponse<String> throttled = reportFrom(address, List.of());
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(reportFrom("198.51.100.250", List.of()).statusCode())
                .as("another address")
                .isEqualTo(202);

        clock.advance(Duration.ofMinutes(2));
        assertThat(reportFrom(address, List.of()).statusCode()).isEqualTo(202);
    }

    private static List<String> wellFormedUnknowns(int n) {
        PatTokens generator = new PatTokens(null);
        return Stream.generate(generator::generate).limit(n).toList();
    }

    private static String uniqueAddress() {
        return "192.0.2." + (System.nanoTime() % 250 + 1);
    }

    /** JDBC statements the app prepared while {@code report} ran (Hibernate statistics, switched on at run time). */
    private long statementsDuring(Runnable report) {
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean wasEnabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            report.run();
            return statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(wasEnabled);
        }
    }

    @Test
    void aThousandEntryReportCostsAConstantNumberOfQueries() {
        String address = uniqueAddress();
        List<String> few = wellFormedUnknowns(3);
        List<String> thousand = wellFormedUnknowns(1000);

        long forFew = statementsDuring(
                () -> assertThat(reportFrom(address, few).statusCode()).isEqualTo(202));
        long forThousand = statementsDuring(() -> {
            HttpResponse<String> response = reportFrom(address, thousand);
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.body()).isEqualTo("{\"accepted\":1000}");
        });

        // two lookups (current secret, grace secret); a little slack for the app's own background writes
        assertThat(forFew).as("statements for 3 entries").isBetween(2L, 6L);
        assertThat(forThousand)
                .as("statements for 1,000 entries (was two per entry)")
                .isBetween(2L, 6L);

        // and a live token among them is still found, revoked and its owner mailed
        JsonNode pat = createPat("in a thousand");
        String live = pat.path("secret").asString();
        List<String> mixed = new ArrayList<>(wellFormedUnknowns(999));
        mixed.add(500, live);
        HttpResponse<String> response = reportFrom(uniqueAddress(), mixed);
        assertThat(response.body()).isEqualTo("{\"accepted\":1000}");
        assertThat(api.get(clientPath, live).status()).isEqualTo(401);
        assertThat(TestMail.await(alice.email(), 1)).hasSize(1);
    }

    @Test
    void reportsAreThrottledOnWellFormedEntriesNotOnlyRequests() {
        String address = uniqueAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(reportFrom(address, wellFormedUnknowns(1000)).statusCode())
                    .as("report " + (i + 1))
                    .isEqualTo(202);
        }
        HttpResponse<String> throttled = reportFrom(address, wellFormedUnknowns(1));
        assertThat(throttled.statusCode())
                .as("the 3,001st well-formed entry in a minute")
                .isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(reportFrom(address, Collections.nCopies(1000, "pat_x")).statusCode())
                .as("malformed entries never reach the database and cost nothing")
                .isEqualTo(202);

        clock.advance(Duration.ofMinutes(2));
        assertThat(reportFrom(address, wellFormedUnknowns(1000)).statusCode()).isEqualTo(202);
    }
}
