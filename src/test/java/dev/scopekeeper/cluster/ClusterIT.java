package dev.scopekeeper.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import dev.scopekeeper.Application;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.CacheEvictions;
import dev.scopekeeper.base.db.EmbeddedMariaDb;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.pat.IssuedPat;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.ScopeRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserAdministrationService;
import dev.scopekeeper.security.UserProfile;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13: two application nodes on one database, clustered on loopback. Every change made through node 1
 * (revoke, regenerate, remove a scope, disable the owner) is refused by node 2 on its next requests, polled with a
 * 1 s bound after node 2 has cached the token (without the cluster it kept accepting for the caches' 30 s); the
 * password throttle counts across the nodes; the scheduled jobs of both nodes take one lock; and a node cut off
 * from the cluster stops trusting its caches. Also measures the cross-node revocation latency (docs/benchmarks.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final int TRIALS = 20;

    private static Path root;
    private static EmbeddedMariaDb database;
    private static ConfigurableApplicationContext node1;
    private static ConfigurableApplicationContext node2;
    private static final HttpClient http = HttpClient.newHttpClient();

    private static TestUsers users;
    private static TestDomains domains;
    private static PatService pats;
    private static UserProfile owner;
    private static long domain;
    private static long client;

    @BeforeAll
    static void twoNodesOnOneDatabase() throws IOException {
        root = Files.createTempDirectory("scopekeeper-cluster-");
        database = EmbeddedMariaDb.startTemporary(root.resolve("db"), "sk\\_cluster\\_%");
        String schema =
                "sk_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        database.createDatabase(schema);
        int port1 = freePort();
        int port2 = freePort();
        String members = "127.0.0.1:" + port1 + ",127.0.0.1:" + port2;
        // One after the other: a concurrent first start on one empty database is i13-faults' item.
        node1 = start(schema, members, port1, "node1");
        node2 = start(schema, members, port2, "node2");
        awaitTrusted(node1);
        awaitTrusted(node2);

        users = node1.getBean(TestUsers.class);
        domains = node1.getBean(TestDomains.class);
        pats = node1.getBean(PatService.class);
        domain = domains.domain("Cluster");
        client = domains.client(domain, "pump");
        owner = users.create("clustered", PlatformRole.USER);
        domains.member(domain, owner, DomainRole.VIEWER);
    }

    private static ConfigurableApplicationContext start(String schema, String members, int clusterPort, String name)
            throws IOException {
        Path dataDir = Files.createDirectories(root.resolve(name));
        return new SpringApplicationBuilder(Application.class)
                .run(
                        "--spring.datasource.url=" + database.jdbcUrl(schema),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--scopekeeper.embedded-db.data-dir=" + dataDir.toAbsolutePath(),
                        "--scopekeeper.api.signing-key=cluster-test-signing-key-0123456789abcdef",
                        "--scopekeeper.admin.username=",
                        "--scopekeeper.cluster.members=" + members,
                        "--scopekeeper.cluster.port=" + clusterPort,
                        "--scopekeeper.cluster.interface-address=127.0.0.1",
                        // Many refused polls come from one address: keep the bad-token throttle out of the way.
                        "--scopekeeper.api.failure-limit=100000",
                        // The scheduled jobs run often, and each run holds its lock for 2 s.
                        "--scopekeeper.pat.auto-revoke-interval=PT0.2S",
                        "--scopekeeper.notify.expiry-interval=PT0.2S",
                        "--scopekeeper.jobs.lock-at-least-for=PT2S",
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=warn");
    }

    private static void awaitTrusted(ConfigurableApplicationContext node) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!node.getBean(CacheEvictions.class).trusted()) {
            assertThat(System.nanoTime()).as("cluster formed within 60 s").isLessThan(deadline);
            sleep(100);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (node2 != null) {
            node2.close();
        }
        if (node1 != null) {
            node1.close();
        }
        if (database != null) {
            database.close();
        }
    }

    // --- the table of issue 13 ---

    @Test
    @Order(1)
    void aTokenRevokedOnNode1IsRefusedByNode2WithinASecond() {
        IssuedPat pat = tokenCachedOnNode2("revoked");

        asOwner(() -> pats.revoke(pat.pat().id()));

        assertThat(refusedByNode2Within(pat.secret(), BOUND)).isEqualTo(401);
    }

    @Test
    @Order(2)
    void anOldSecretRegeneratedOnNode1IsRefusedByNode2WithinASecond() {
        IssuedPat pat = tokenCachedOnNode2("regenerated");

        IssuedPat regenerated = asOwner(() -> pats.regenerate(pat.pat().id(), PatDuration.days(7)));

        assertThat(refusedByNode2Within(pat.secret(), BOUND)).isEqualTo(401);
        assertThat(get(node2, clientPath(), regenerated.secret())).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aScopeRemovedOnNode1IsRefusedByNode2WithinASecondAsByNode1() {
        IssuedPat pat = tokenCachedOnNode2("narrowed");

        asOwner(() -> pats.removeScopes(pat.pat().id(), List.of(scope())));

        int onNode2 = refusedByNode2Within(pat.secret(), BOUND);
        assertThat(onNode2).isEqualTo(get(node1, clientPath(), pat.secret())).isNotEqualTo(200);
    }

    @Test
    @Order(4)
    void anOwnerDisabledOnNode1Gets401OnNode2AsOnNode1() {
        UserProfile disabled = users.create("disabled", PlatformRole.USER);
        domains.member(domain, disabled, DomainRole.VIEWER);
        IssuedPat pat = as(disabled, () -> pats.create(request("of disabled")));
        assertThat(get(node2, clientPath(), pat.secret())).isEqualTo(200);
        assertThat(get(node2, clientPath(), pat.secret())).isEqualTo(200);

        UserAdministrationService administration = node1.getBean(UserAdministrationService.class);
        domains.as(domains.adminOf(domain), () -> administration.disable(disabled.id()));

        assertThat(refusedByNode2Within(pat.secret(), BOUND)).isEqualTo(401);
        assertThat(get(node1, clientPath(), pat.secret())).isEqualTo(401);
    }

    // --- throttles and jobs ---

    @Test
    @Order(5)
    void wrongPasswordsOnNode1CountOnNode2() {
        UserProfile guessed = users.create("guessed", PlatformRole.USER);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(signIn(node1, guessed.username(), "wrong " + attempt)).isEqualTo(401);
        }

        // The fourth wrong password must wait (1 s) on any node: node 2 refuses it before looking at it.
        assertThat(signIn(node2, guessed.username(), "wrong 3")).isEqualTo(429);
    }

    @Test
    @Order(6)
    void theScheduledJobsOfBothNodesRunOnceAtATime() {
        JdbcTemplate jdbc = node1.getBean(JdbcTemplate.class);
        Set<String> runs = new HashSet<>();
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end) {
            runs.addAll(jdbc.queryForList(
                    "SELECT CONCAT(name, ' at ', locked_at) FROM shedlock WHERE name = 'pat-auto-revoke'",
                    String.class));
            sleep(50);
        }
        // Two schedulers firing every 0.2 s would start about 50 runs in 5 s; one lock held 2 s per run allows
        // at most one run per 2 s across both (a run may have begun just before the window).
        assertThat(runs).isNotEmpty().hasSizeLessThanOrEqualTo(4);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM shedlock WHERE name = 'pat-expiry-notices'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    @Order(7)
    void crossNodeRevocationLatencyOver20Trials() throws IOException {
        List<Long> micros = new ArrayList<>();
        int acceptedAfterRevoke = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            IssuedPat pat = tokenCachedOnNode2("latency " + trial);
            asOwner(() -> pats.revoke(pat.pat().id()));
            long revokedAt = System.nanoTime();
            while (get(node2, clientPath(), pat.secret()) == 200) {
                acceptedAfterRevoke++;
                assertThat(System.nanoTime() - revokedAt).isLessThan(BOUND.toNanos());
            }
            micros.add((System.nanoTime() - revokedAt) / 1000);
        }
        Collections.sort(micros);
        double median = (micros.get(TRIALS / 2 - 1) + micros.get(TRIALS / 2)) / 2.0;
        String report = "cross-node revocation latency over " + TRIALS + " trials (revoke returned on node 1 ->"
                + " first refusal on node 2): max " + micros.getLast() / 1000.0 + " ms, median " + median / 1000.0
                + " ms; requests node 2 still accepted after the revoke returned: " + acceptedAfterRevoke
                + "; all (µs) " + micros;
        System.out.println("[cluster] " + report);
        Files.writeString(Path.of("target", "cluster-latency.txt"), report + "\n");
        assertThat(micros.getLast()).isLessThan(BOUND.toNanos() / 1000);
    }

    // --- partition: last, it takes node 2 out of the cluster for good ---

    @Test
    @Order(8)
    void aNodeCutOffFromTheClusterStopsTrustingItsCaches() {
        IssuedPat pat = tokenCachedOnNode2("partitioned");

        node2.getBean(HazelcastInstance.class).shutdown();
        awaitUntrusted(node1);
        awaitUntrusted(node2);

        // node 2 receives no eviction any more, yet refuses at once: it reads through to the database.
        asOwner(() -> pats.revoke(pat.pat().id()));
        assertThat(get(node2, clientPath(), pat.secret())).isEqualTo(401);
        assertThat(get(node1, clientPath(), pat.secret())).isEqualTo(401);
    }

    private static void awaitUntrusted(ConfigurableApplicationContext node) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (node.getBean(CacheEvictions.class).trusted()) {
            assertThat(System.nanoTime()).as("caches distrusted within 30 s").isLessThan(deadline);
            sleep(50);
        }
    }

    // --- helpers ---

    /** A new token of the owner, used twice on node 2 so that node 2 has it cached. */
    private static IssuedPat tokenCachedOnNode2(String name) {
        IssuedPat pat = asOwner(() -> pats.create(request(name + " " + UUID.randomUUID())));
        assertThat(get(node2, clientPath(), pat.secret())).isEqualTo(200);
        assertThat(get(node2, clientPath(), pat.secret())).isEqualTo(200);
        return pat;
    }

    private static CreatePatRequest request(String name) {
        return new CreatePatRequest(name, "", PatDuration.days(7), null, List.of(scope()));
    }

    private static ScopeRequest scope() {
        return new ScopeRequest(domain, "clients", "view", Long.toString(client));
    }

    private static String clientPath() {
        return "/api/v1/domains/" + domain + "/clients/" + client;
    }

    /** Polls node 2 until it refuses the secret; fails if it still accepts after {@code bound}. */
    private static int refusedByNode2Within(String secret, Duration bound) {
        long start = System.nanoTime();
        while (true) {
            int status = get(node2, clientPath(), secret);
            if (status != 200) {
                return status;
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("node 2 still accepts the token")
                    .isLessThan(bound);
            sleep(20);
        }
    }

    private static <T> T asOwner(java.util.function.Supplier<T> action) {
        return as(owner, action);
    }

    private static <T> T as(UserProfile user, java.util.function.Supplier<T> action) {
        return domains.as(user, action);
    }

    private static int get(ConfigurableApplicationContext node, String path, String token) {
        return send(HttpRequest.newBuilder(uri(node, path))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    private static int signIn(ConfigurableApplicationContext node, String username, String password) {
        String json = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        return send(HttpRequest.newBuilder(uri(node, "/api/v1/users/tokens/issue"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json)));
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        return URI.create("http://127.0.0.1:" + node.getEnvironment().getRequiredProperty("local.server.port") + path);
    }

    private static int send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
