package dev.scopekeeper.bench;

import dev.scopekeeper.Application;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.entities.api.EntityReadOnly;
import dev.scopekeeper.pat.PatBenchmarkSupport;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Measures, in one run on loopback against the real app and an embedded MariaDB:
 * requests/s and p50/p99 latency of one entity GET authenticated with (a) a user bearer token,
 * (b) a PAT whose cache entry is warm, (c) a PAT whose cache entry is evicted before every request;
 * and the PAT list query at 1,000,000 rows (one user holding 100,000). Results are printed as
 * Markdown for docs/benchmarks.md. Run: {@code bench/run-benchmarks.sh}.
 */
public final class ApiBenchmark {

    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final Duration ROUND = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int TOTAL_PATS = Integer.getInteger("bench.pats", 1_000_000);
    /**
     * {@code -Dbench.only=list}: only the PAT list part (service and HTTP), not the entity GET rounds;
     * {@code -Dbench.only=entity}: only the entity GET rounds.
     */
    private static final String ONLY = System.getProperty("bench.only", "");

    /** The embedded database's data directory of this run (its process is found by it). */
    private static volatile Path dataDirectory;

    private ApiBenchmark() {}

    /**
     * Runs the benchmark against a fresh embedded MariaDB in a temporary data directory (removed afterwards), never
     * the working directory's {@code ./data}. The JVM always exits: 0 after a finished run, 1 when anything threw
     * (a failed start or a round's non-200 answer would otherwise leave non-daemon threads holding it open).
     */
    public static void main(String[] args) {
        int status = 1;
        Path dataDir = null;
        try {
            dataDir = Files.createTempDirectory("scopekeeper-bench-");
            dataDirectory = dataDir;
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                    .initializers(EntityReadOnly::register)
                    .run(
                            "--spring.datasource.url=",
                            "--scopekeeper.embedded-db.data-dir=" + dataDir,
                            "--server.port=0",
                            "--scopekeeper.admin.username=",
                            "--spring.main.banner-mode=off",
                            "--logging.level.root=warn",
                            "--scopekeeper.api.failure-limit=1000000",
                            "--spring.datasource.hikari.maximum-pool-size=16")) {
                run(app);
            }
            status = 0;
        } catch (Throwable failure) {
            failure.printStackTrace();
        } finally {
            deleteQuietly(dataDir);
            System.exit(status);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not remove " + dir + ": " + e);
        }
    }

    private static void run(ConfigurableApplicationContext app) throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
        TestUsers users = app.getBean(TestUsers.class);
        TestDomains domains = app.getBean(TestDomains.class);
        PatBenchmarkSupport pats = app.getBean(PatBenchmarkSupport.class);

        UserProfile user = users.create("bench", PlatformRole.USER);
        long domain = domains.domain("Bench");
        domains.member(domain, user, DomainRole.EDITOR);
        long client = domains.client(domain, "bench-client");
        String accessToken = pats.userAccessToken(user);
        String pat = pats.patFor(user, domain, client);
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/domains/" + domain + "/clients/" + client);
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        URI floor = URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness");
        URI read = URI.create("http://127.0.0.1:" + port + EntityReadOnly.path(domain, client));
        checkEntityRead(app, http, uri, read, pat);
        if (!ONLY.equals("list")) {
            entityGets(http, uri, floor, read, accessToken, pat, pats);
        }
        if (ONLY.equals("entity")) {
            return;
        }
        System.out.println("## PAT list query at " + TOTAL_PATS + " rows\n");
        System.out.println(pats.listBenchmark(TOTAL_PATS, port));
    }

    /**
     * Before anything is measured: (e) is served by the annotated {@link EntityReadOnly} controller (the one
     * handler method Spring MVC maps under {@code /bench/}), answers the same JSON as the PAT's (b) request, and
     * carries no PAT header (no credential went through).
     */
    private static void checkEntityRead(
            ConfigurableApplicationContext app, HttpClient http, URI uri, URI read, String pat) throws Exception {
        RequestMappingHandlerMapping mappings =
                app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<String> benchHandlers = mappings.getHandlerMethods().entrySet().stream()
                .filter(m -> m.getKey().getPatternValues().stream().anyMatch(p -> p.startsWith("/bench/")))
                .map(m -> m.getKey().getPatternValues() + " -> "
                        + m.getValue().getBeanType().getSuperclass().getSimpleName() + "."
                        + m.getValue().getMethod().getName())
                .toList();
        if (benchHandlers.size() != 1 || !benchHandlers.get(0).endsWith("EntityReadOnly.view")) {
            throw new IllegalStateException("(e) is not the annotated EntityReadOnly.view: " + benchHandlers);
        }
        var viaPat = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + pat)
                        .build(),
                BodyHandlers.ofString());
        var alone = http.send(HttpRequest.newBuilder(read).build(), BodyHandlers.ofString());
        if (alone.statusCode() != 200
                || !alone.body().equals(viaPat.body())
                || alone.headers().firstValue("Scopekeeper-Token-Expires").isPresent()
                || viaPat.headers().firstValue("Scopekeeper-Token-Expires").isEmpty()) {
            throw new IllegalStateException("(e) does not answer as (b): " + alone.statusCode() + " " + alone.body()
                    + " against " + viaPat.body());
        }
        System.err.println("bench (e) " + benchHandlers.get(0) + " answers as (b): " + alone.body());
    }

    /**
     * Modes (a)–(c) read one client; (d) is the HTTP floor: the public liveness probe through the same server
     * (Tomcat, the security filter chain, Spring MVC dispatch), with no credential and no database, so (b) − (d)
     * is what a cached PAT and the client read add to a request that does nothing. (e) is the client read alone:
     * the same annotated-controller dispatch, service method, transaction interceptor, statement and JSON as
     * (a)-(c), with no credential and no authorization ({@link EntityReadOnly}), so (b) - (e) is what the PAT's authentication and authorization
     * cost on top of reading the entity.
     */
    private static void entityGets(
            HttpClient http, URI uri, URI floor, URI read, String accessToken, String pat, PatBenchmarkSupport pats)
            throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(
                "| mode | requests/s | p50 ms | p99 ms | vs (a) throughput | CPU µs per request: JVM + database"
                        + " | of which the request threads | of which the database |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Result> a = new ArrayList<>();
        List<Result> b = new ArrayList<>();
        List<Result> c = new ArrayList<>();
        List<Result> d = new ArrayList<>();
        List<Result> e = new ArrayList<>();
        load(http, floor, null, () -> null, Duration.ofSeconds(5));
        load(http, read, null, () -> null, Duration.ofSeconds(5));
        load(http, uri, accessToken, () -> null, Duration.ofSeconds(5));
        load(http, uri, pat, () -> null, Duration.ofSeconds(5));
        for (int round = 0; round < ROUNDS; round++) {
            started(round, "a");
            a.add(load(http, uri, accessToken, () -> null, ROUND));
            started(round, "b");
            b.add(load(http, uri, pat, () -> null, ROUND));
            started(round, "c");
            c.add(load(
                    http,
                    uri,
                    pat,
                    () -> {
                        pats.evictCache();
                        return null;
                    },
                    ROUND));
            started(round, "d");
            d.add(load(http, floor, null, () -> null, ROUND));
            started(round, "e");
            e.add(load(http, read, null, () -> null, ROUND));
        }
        Result ma = median(a);
        Result mb = median(b);
        Result mc = median(c);
        Result md = median(d);
        Result me = median(e);
        out.append(row("(a) user bearer token", ma, a, ma));
        out.append(row("(b) PAT, cached", mb, b, ma));
        out.append(row("(c) PAT, cache evicted before each request", mc, c, ma));
        out.append(row("(d) HTTP floor: public liveness probe, no credential, no database", md, d, ma));
        out.append(row("(e) the client read alone: no credential, no authorization", me, e, ma));
        // cost per request = client threads / throughput
        double costA = THREADS * 1000.0 / ma.perSecond();
        double costB = THREADS * 1000.0 / mb.perSecond();
        double costD = THREADS * 1000.0 / md.perSecond();
        double costE = THREADS * 1000.0 / me.perSecond();
        out.append(String.format(
                Locale.ROOT,
                "%nCost per request (client threads / throughput): (a) %.3f ms, (b) %.3f ms, (d) %.3f ms, "
                        + "(e) %.3f ms. PAT warm / user token: %.2f. PAT warm / floor: %.2f. Beyond the floor: "
                        + "(b) %.3f ms, (a) %.3f ms, (e) the entity read %.3f ms. PAT warm beyond the entity read: "
                        + "(b) - (e) = %.3f ms = %.1f %% of the floor; (b) / (e) = %.2f.%n",
                costA,
                costB,
                costD,
                costE,
                costB / costA,
                costB / costD,
                costB - costD,
                costA - costD,
                costE - costD,
                costB - costE,
                100 * (costB - costE) / costD,
                costB / costE));
        // the same, round by round: (b), (d) and (e) of one round ran within 40 s of each other, so a load change
        // between rounds moves all three; the median of these shows how far the medians above can be trusted
        List<Double> perRound = new ArrayList<>();
        out.append("\nRound by round, (b) - (e) as % of (d):");
        for (int round = 0; round < ROUNDS; round++) {
            double rb = THREADS * 1000.0 / b.get(round).perSecond();
            double rd = THREADS * 1000.0 / d.get(round).perSecond();
            double re = THREADS * 1000.0 / e.get(round).perSecond();
            perRound.add(100 * (rb - re) / rd);
            out.append(String.format(Locale.ROOT, " %.1f", perRound.getLast()));
        }
        List<Double> sortedRounds = perRound.stream().sorted().toList();
        out.append(String.format(Locale.ROOT, "; median %.1f %%.%n", sortedRounds.get(sortedRounds.size() / 2)));
        // the same in CPU time per request, which other processes' load does not move as it moves throughput
        double cpuB = medianOf(b, Result::cpuMicros);
        double cpuD = medianOf(d, Result::cpuMicros);
        double cpuE = medianOf(e, Result::cpuMicros);
        out.append(String.format(
                Locale.ROOT,
                "%nCPU per request (JVM + database, median of rounds): (b) %.1f µs, (d) %.1f µs, (e) %.1f µs."
                        + " PAT warm beyond the entity read: (b) - (e) = %.1f µs = %.1f %% of the floor's %.1f µs;"
                        + " request threads alone: (b) - (e) = %.1f µs, (d) %.1f µs.%n",
                cpuB,
                cpuD,
                cpuE,
                cpuB - cpuE,
                100 * (cpuB - cpuE) / cpuD,
                cpuD,
                medianOf(b, Result::requestCpuMicros) - medianOf(e, Result::requestCpuMicros),
                medianOf(d, Result::requestCpuMicros)));
        out.append("Round by round, CPU (b) - (e) as % of (d):");
        List<Double> cpuRounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            cpuRounds.add(100
                    * (b.get(round).cpuMicros() - e.get(round).cpuMicros())
                    / d.get(round).cpuMicros());
            out.append(String.format(Locale.ROOT, " %.1f", cpuRounds.getLast()));
        }
        List<Double> sortedCpu = cpuRounds.stream().sorted().toList();
        out.append(String.format(Locale.ROOT, "; median %.1f %%.%n", sortedCpu.get(sortedCpu.size() / 2)));
        System.out.println("\n## Entity GET (" + THREADS + " client threads, " + ROUNDS + " rounds of "
                + ROUND.toSeconds() + " s, median round)\n");
        System.out.println(out);
    }

    /**
     * When each round of a mode starts (on stderr): with {@code -XX:StartFlightRecording} on the java line, a
     * recording's samples can be cut by mode (e.g. (b) against (e)) by these times.
     */
    private static void started(int round, String mode) {
        System.err.println("bench round " + round + " mode " + mode + " starts " + java.time.Instant.now());
    }

    /**
     * One round: throughput and latency, and the CPU time it took per request, measured apart from whatever else
     * runs on the machine (other processes' load moves throughput, not these): the benchmark's JVM (server and
     * client), the server's request threads alone ({@code http-nio-*-exec-*}), and the embedded MariaDB's process.
     */
    private record Result(
            double perSecond,
            double p50,
            double p99,
            double jvmCpuMicros,
            double requestCpuMicros,
            double dbCpuMicros) {

        /** CPU per request of the whole system under test: the JVM (server and client) and the database. */
        double cpuMicros() {
            return jvmCpuMicros + dbCpuMicros;
        }
    }

    /** CPU time so far (ns): the JVM, its server request threads, the embedded database's process. */
    private record Cpu(long jvm, long requestThreads, long db) {

        static Cpu now() {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long request = 0;
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                String name = thread.getName();
                if (name.startsWith("http-nio-") && name.contains("-exec-")) {
                    long cpu = threads.getThreadCpuTime(thread.threadId());
                    request += Math.max(0, cpu);
                }
            }
            return new Cpu(os.getProcessCpuTime(), request, databaseCpu());
        }

        /**
         * utime + stime of the benchmark's own embedded database (the {@code mariadbd} whose command line names the
         * benchmark's data directory; other engineers' databases on the machine are not counted), in ns.
         */
        private static long databaseCpu() {
            long ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .toList()) {
                    try {
                        String comm = Files.readString(proc.resolve("comm")).strip();
                        if (!comm.equals("mariadbd") && !comm.equals("mysqld")) {
                            continue;
                        }
                        String cmdline = Files.readString(proc.resolve("cmdline"));
                        if (dataDirectory == null || !cmdline.contains(dataDirectory.toString())) {
                            continue;
                        }
                        String stat = Files.readString(proc.resolve("stat"));
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // fields after "pid (comm) ": state is [0], utime [11], stime [12]
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    } catch (IOException | RuntimeException gone) {
                        // the process ended while listed
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return ticks * 10_000_000L; // USER_HZ = 100
        }
    }

    private static Result median(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort((x, y) -> Double.compare(x.perSecond(), y.perSecond()));
        return sorted.get(sorted.size() / 2);
    }

    /** The median round's throughput and latency; each CPU figure is the median over all rounds of that figure. */
    private static String row(String mode, Result r, List<Result> rounds, Result baseline) {
        return String.format(
                Locale.ROOT,
                "| %s | %.0f | %.2f | %.2f | %.2f | %.1f | %.1f | %.1f |%n",
                mode,
                r.perSecond(),
                r.p50(),
                r.p99(),
                r.perSecond() / baseline.perSecond(),
                medianOf(rounds, Result::cpuMicros),
                medianOf(rounds, Result::requestCpuMicros),
                medianOf(rounds, Result::dbCpuMicros));
    }

    private static double medianOf(List<Result> rounds, java.util.function.ToDoubleFunction<Result> figure) {
        double[] sorted = rounds.stream().mapToDouble(figure).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static Result load(HttpClient http, URI uri, String token, Supplier<Void> beforeEach, Duration length)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        Cpu before = Cpu.now();
        long end = System.nanoTime() + length.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
                if (token != null) {
                    builder.header("Authorization", "Bearer " + token);
                }
                HttpRequest request = builder.build();
                while (System.nanoTime() < end && n < latencies.length) {
                    beforeEach.get();
                    long start = System.nanoTime();
                    var response = http.send(request, BodyHandlers.discarding());
                    latencies[n++] = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + " from " + uri);
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        Cpu after = Cpu.now();
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double n = merged.length;
        return new Result(
                merged.length / (double) length.toSeconds(),
                merged[merged.length / 2] / 1e6,
                merged[(int) (merged.length * 0.99)] / 1e6,
                (after.jvm() - before.jvm()) / n / 1e3,
                (after.requestThreads() - before.requestThreads()) / n / 1e3,
                (after.db() - before.db()) / n / 1e3);
    }
}
