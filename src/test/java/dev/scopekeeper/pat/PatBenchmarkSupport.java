package dev.scopekeeper.pat;

import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.PatService.PatQuery;
import dev.scopekeeper.pat.PatService.SortBy;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import dev.scopekeeper.security.UserTokenService;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Test-side helpers for {@code dev.scopekeeper.bench.ApiBenchmark} that need the pat package's insides. */
@Component
public class PatBenchmarkSupport {

    private final PatService pats;
    private final PatCache cache;
    private final TestUsers users;
    private final UserTokenService userTokens;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PatListCounts listCounts;
    private final PatOwnerCounts ownerCounts;
    private final org.springframework.transaction.support.TransactionTemplate readOnly;

    PatBenchmarkSupport(
            PatService pats,
            PatCache cache,
            TestUsers users,
            UserTokenService userTokens,
            JdbcTemplate jdbc,
            Clock clock,
            PatListCounts listCounts,
            PatOwnerCounts ownerCounts,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.ownerCounts = ownerCounts;
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.pats = pats;
        this.cache = cache;
        this.users = users;
        this.userTokens = userTokens;
        this.jdbc = jdbc;
        this.clock = clock;
        this.listCounts = listCounts;
    }

    public String userAccessToken(UserProfile user) {
        return userTokens
                .issue(user.username(), TestUsers.PASSWORD, "127.0.0.1")
                .accessToken();
    }

    /** A PAT of the user allowed to view that one client. */
    public String patFor(UserProfile user, long domainId, long clientId) {
        users.signIn(user);
        try {
            return pats.create(new CreatePatRequest(
                            "bench",
                            "",
                            PatDuration.days(30),
                            null,
                            List.of(new ScopeRequest(domainId, "clients", "view", String.valueOf(clientId)))))
                    .secret();
        } finally {
            users.signOut();
        }
    }

    public void evictCache() {
        cache.evictAll();
    }

    /**
     * Fills the pat table to {@code total} rows (one user with 10% of them, the rest spread over
     * users with 1,000 each), then times PatService.list for the big user against a user with 10.
     */
    public String listBenchmark(int total) {
        return listBenchmark(total, 0);
    }

    /**
     * As {@link #listBenchmark(int)}; with a {@code port} (not 0) also times {@code GET /api/v1/pats} over HTTP for
     * both users in the same run: warm (the owner's total kept, as when paging on) and cold (the kept totals
     * evicted before each call, as after a change of the owner's tokens).
     */
    public String listBenchmark(int total, int port) {
        UserProfile heavy = users.create("heavy", PlatformRole.USER);
        UserProfile light = users.create("light", PlatformRole.USER);
        long started = System.nanoTime();
        insertPats(light.id(), 10);
        int heavyCount = total / 10;
        insertPats(heavy.id(), heavyCount);
        int rest = total - heavyCount - 10;
        while (rest > 0) {
            int n = Math.min(1000, rest);
            insertPats(users.create("filler", PlatformRole.USER).id(), n);
            rest -= n;
        }
        long fillSeconds = (System.nanoTime() - started) / 1_000_000_000;
        jdbc.execute("ANALYZE TABLE pat");
        Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM pat", Long.class);

        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%d rows in `pat` (filled in %d s). Median of 21 calls of"
                        + " `PatService.list` (page of 10 + total count):%n%n",
                rows,
                fillSeconds));
        out.append("| query | user with 10 tokens, ms | user with " + heavyCount + " tokens, ms | ratio |\n")
                .append("|---|---:|---:|---:|\n");
        row(
                out,
                "active, sorted by name, first page",
                light,
                heavy,
                () -> query(Optional.of(PatStatus.ACTIVE), null, 0, SortBy.NAME));
        row(
                out,
                "all, sorted by name, page at offset 5,000",
                light,
                heavy,
                () -> query(Optional.empty(), null, 5_000, SortBy.NAME));
        row(
                out,
                "all, sorted by last used, first page",
                light,
                heavy,
                () -> query(Optional.empty(), null, 0, SortBy.LAST_USED));
        row(
                out,
                "expired, sorted by name, first page",
                light,
                heavy,
                () -> query(Optional.of(PatStatus.EXPIRED), null, 0, SortBy.NAME));
        row(out, "name contains \"42\", first page", light, heavy, () -> query(Optional.empty(), "42", 0, SortBy.NAME));
        out.append("\nQuery plan of the first query (EXPLAIN):\n\n```\n");
        jdbc.queryForList(
                        "EXPLAIN SELECT * FROM pat WHERE owner_id = ? AND revoked_at IS NULL AND"
                                + " (expires_at IS NULL OR expires_at > NOW()) ORDER BY name LIMIT 10",
                        heavy.id())
                .forEach(r -> out.append(r).append('\n'));
        out.append("```\n");
        out.append(totalStatements(heavy, heavyCount));
        if (port != 0) {
            out.append(httpListBenchmark(port, light, heavy, heavyCount));
        }
        return out.toString();
    }

    /**
     * The total's own statement for the big owner when nothing is kept, the two ways interleaved in one run: the
     * COUNT over the owner's tokens (what every first call ran before {@link PatOwnerCounts}) against the stored
     * counts (one row, plus the owner's expired live tokens for Active and Expired), each in a read-only
     * transaction, median of 21 after 5 warm-ups.
     */
    private String totalStatements(UserProfile heavy, int heavyCount) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%nThe total's statement alone when nothing is kept, user with %d tokens, interleaved in one run"
                        + " (median of 21 after 5 warm-ups, each in a read-only transaction):%n%n"
                        + "| filter | COUNT over the owner's tokens, ms | stored counts, ms | ratio |%n"
                        + "|---|---:|---:|---:|%n",
                heavyCount));
        String where = "SELECT COUNT(*) FROM pat WHERE owner_id = ?";
        record Filter(String label, PatStatus status, String count) {}
        for (Filter filter : List.of(
                new Filter("all", null, where),
                new Filter(
                        "active",
                        PatStatus.ACTIVE,
                        where + " AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)"),
                new Filter("expired", PatStatus.EXPIRED, where + " AND revoked_at IS NULL AND expires_at <= ?"),
                new Filter("revoked", PatStatus.REVOKED, where + " AND revoked_at IS NOT NULL"))) {
            List<Long> counted = new ArrayList<>();
            List<Long> stored = new ArrayList<>();
            for (int i = 0; i < 26; i++) {
                Instant now = clock.instant();
                Object[] args = filter.count().contains("expires_at")
                        ? new Object[] {heavy.id(), Timestamp.from(now)}
                        : new Object[] {heavy.id()};
                long start = System.nanoTime();
                Long a = readOnly.execute(status -> jdbc.queryForObject(filter.count(), Long.class, args));
                long middle = System.nanoTime();
                Long b = readOnly.execute(status -> ownerCounts.total(heavy.id(), filter.status(), now));
                long end = System.nanoTime();
                if (!a.equals(b)) {
                    throw new IllegalStateException(filter.label() + ": COUNT " + a + " but stored " + b);
                }
                if (i >= 5) {
                    counted.add(middle - start);
                    stored.add(end - middle);
                }
            }
            counted.sort(Long::compare);
            stored.sort(Long::compare);
            double c = counted.get(counted.size() / 2) / 1e6;
            double st = stored.get(stored.size() / 2) / 1e6;
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", filter.label(), c, st, st / c));
        }
        return out.toString();
    }

    /** Before each timed call: nothing, a change of one of the owner's tokens, or every kept total dropped. */
    enum Before {
        NOTHING,
        A_CHANGE,
        NOTHING_KEPT
    }

    private String httpListBenchmark(int port, UserProfile light, UserProfile heavy, int heavyCount) {
        String lightToken = userAccessToken(light);
        String heavyToken = userAccessToken(heavy);
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        long changed = jdbc.queryForObject(
                "SELECT id FROM pat WHERE owner_id = ? ORDER BY id LIMIT 1", Long.class, heavy.id());
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nOver HTTP, same run: `GET /api/v1/pats` (limit 10, with `total`), median of 21 calls after 5"
                        + " warm-ups; *after a change*: one of the owner's tokens renamed (`PatService.rename`)"
                        + " before each call; *nothing kept*: every kept total and page position dropped before each"
                        + " call (the first call after a restart or a bulk revocation); *walking on*: each call reads"
                        + " the next page (offset += 10), as a script paging through does:%n%n"));
        out.append("| request | user with 10 tokens, ms | user with " + heavyCount + " tokens, ms | ratio | "
                        + heavyCount + ", after a change, ms | " + heavyCount + ", nothing kept, ms |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        String[][] requests = {
            {"active, sorted by name, first page", "status=active&limit=10&offset=0"},
            {"active, sorted by name, second page", "status=active&limit=10&offset=10"},
            {"all, sorted by name, page at offset 50,000", "status=all&limit=10&offset=50000"},
            {"all, sorted by name, walking on from offset 50,000", "status=all&limit=10&offset=50000+"},
            {"all, sorted by last used, first page", "status=all&sort=last_used&limit=10&offset=0"},
            {"name contains \"42\", first page", "status=all&name=42&limit=10&offset=0"},
        };
        for (String[] request : requests) {
            java.util.function.IntFunction<String> uri = call -> "http://127.0.0.1:" + port + "/api/v1/pats?"
                    + (request[1].endsWith("+")
                            ? request[1].replace("offset=50000+", "offset=" + (50_000 + 10 * call))
                            : request[1]);
            double lightMs = httpTime(http, uri, light, lightToken, Before.NOTHING, changed);
            double heavyMs = httpTime(http, uri, heavy, heavyToken, Before.NOTHING, changed);
            double heavyChanged = httpTime(http, uri, heavy, heavyToken, Before.A_CHANGE, changed);
            double heavyNothingKept = httpTime(http, uri, heavy, heavyToken, Before.NOTHING_KEPT, changed);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %.1f | %.2f | %.2f |%n",
                    request[0],
                    lightMs,
                    heavyMs,
                    heavyMs / lightMs,
                    heavyChanged,
                    heavyNothingKept));
        }
        return out.toString();
    }

    private double httpTime(
            java.net.http.HttpClient http,
            java.util.function.IntFunction<String> uri,
            UserProfile user,
            String token,
            Before before,
            long changedPat) {
        List<Long> nanos = new ArrayList<>();
        listCounts.evictAll();
        try {
            for (int i = 0; i < 26; i++) {
                switch (before) {
                    case NOTHING -> {}
                    case A_CHANGE -> {
                        users.signIn(user);
                        try {
                            pats.rename(changedPat, "bench-renamed-" + i);
                        } finally {
                            users.signOut();
                        }
                    }
                    case NOTHING_KEPT -> listCounts.evictAll();
                }
                java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(uri.apply(i)))
                        .header("Authorization", "Bearer " + token)
                        .build();
                long start = System.nanoTime();
                var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
                long took = System.nanoTime() - start;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode() + " from " + uri.apply(i));
                }
                if (i >= 5) {
                    nanos.add(took);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        nanos.sort(Long::compare);
        return nanos.get(nanos.size() / 2) / 1e6;
    }

    private PatQuery query(Optional<PatStatus> status, String name, int offset, SortBy sort) {
        return new PatQuery(status, name, offset, 10, sort, false);
    }

    private void row(StringBuilder out, String label, UserProfile light, UserProfile heavy, Supplier<PatQuery> query) {
        double lightMs = time(light, query.get());
        double heavyMs = time(heavy, query.get());
        out.append(String.format(
                Locale.ROOT, "| %s | %.2f | %.2f | %.1f |%n", label, lightMs, heavyMs, heavyMs / lightMs));
    }

    private double time(UserProfile user, PatQuery query) {
        users.signIn(user);
        try {
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < 26; i++) {
                long start = System.nanoTime();
                pats.list(query);
                if (i >= 5) {
                    nanos.add(System.nanoTime() - start);
                }
            }
            nanos.sort(Long::compare);
            return nanos.get(nanos.size() / 2) / 1e6;
        } finally {
            users.signOut();
        }
    }

    /**
     * Multi-row INSERTs of 1,000: names "token-N", a mix of active, expired, revoked and never-expiring; then the
     * owner's stored counts, counted as changeset 146 counts an install's tokens.
     */
    void insertPats(long ownerId, int count) {
        Instant now = clock.instant();
        for (int from = 0; from < count; from += 1000) {
            int to = Math.min(count, from + 1000);
            StringBuilder sql = new StringBuilder("INSERT INTO pat (owner_id, created_by_id, name, description,"
                    + " secret_digest, secret_hint, issued_at, expires_at, revoked_at, use_count, version) VALUES ");
            List<Object> args = new ArrayList<>();
            for (int i = from; i < to; i++) {
                sql.append(i > from ? "," : "").append("(?,?,?,'',?,'pat_xxxx…xxxx',?,?,?,0,0)");
                Instant expires =
                        switch (i % 10) {
                            case 0 -> null;
                            case 1 -> now.minus(Duration.ofDays(1));
                            default -> now.plus(Duration.ofDays(30));
                        };
                args.add(ownerId);
                args.add(ownerId);
                args.add("token-" + i);
                args.add(digest(ownerId + ":" + i));
                args.add(Timestamp.from(now.minus(Duration.ofMinutes(i))));
                args.add(expires == null ? null : Timestamp.from(expires));
                args.add(i % 10 == 2 ? Timestamp.from(now) : null);
            }
            jdbc.update(sql.toString(), args.toArray());
        }
        // what the application writes with each token it stores (PatOwnerCounts), added up for the rows above
        jdbc.update(
                "INSERT INTO pat_owner_count (owner_id, live, revoked) SELECT owner_id, COUNT(*) - COUNT(revoked_at),"
                        + " COUNT(revoked_at) FROM pat WHERE owner_id = ? GROUP BY owner_id"
                        + " ON DUPLICATE KEY UPDATE live = VALUES(live), revoked = VALUES(revoked)",
                ownerId);
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
