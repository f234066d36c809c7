package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.PatService.PatQuery;
import dev.scopekeeper.pat.PatService.SortBy;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Statements the database is asked to prepare per service call, counted with Hibernate's statistics (switched on
 * for the call only): counts, not timings, so they are the same on any machine. Scope views resolve names in
 * batches, so a token with 20 scopes costs what a token with one costs; the PAT list counts an owner's tokens once,
 * not on every page.
 */
@ApiTest
class PatQueryCountTest {

    @Autowired
    PatService pats;

    @Autowired
    DomainTokenService domainTokens;

    @Autowired
    TestUsers users;

    @Autowired
    TestDomains domains;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    PatBenchmarkSupport bulk;

    UserProfile alice;
    long domain;
    List<Long> clients;

    @BeforeEach
    void aliceIsAnEditorOfADomainWithTwentyClients() {
        alice = users.create("alice", PlatformRole.USER);
        domain = domains.domain("Counted");
        domains.member(domain, alice, DomainRole.EDITOR);
        clients = IntStream.range(0, 20)
                .mapToObj(i -> domains.client(domain, "sensor-" + i))
                .toList();
        users.signIn(alice);
    }

    @AfterEach
    void signOut() {
        users.signOut();
    }

    private long tokenWithClientScopes(String name, int count) {
        return pats.create(new CreatePatRequest(
                        name,
                        "counted",
                        PatDuration.days(30),
                        null,
                        clients.stream()
                                .limit(count)
                                .map(id -> new ScopeRequest(domain, "clients", "view", String.valueOf(id)))
                                .toList()))
                .pat()
                .id();
    }

    /** The statements prepared while {@code call} runs. */
    private <T> Counted<T> counted(Supplier<T> call) {
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        try {
            T result = call.get();
            return new Counted<>(result, statistics.getPrepareStatementCount());
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    record Counted<T>(T result, long statements) {}

    @Test
    void theDetailsOfATokenWithTwentyScopesCostWhatOneScopeCostsAndAtMostFourStatements() {
        long one = tokenWithClientScopes("one scope", 1);
        long twenty = tokenWithClientScopes("twenty scopes", 20);

        Counted<PatDetails> small = counted(() -> pats.get(one));
        Counted<PatDetails> big = counted(() -> pats.get(twenty));

        assertThat(big.result().scopes()).hasSize(20).allSatisfy(scope -> assertThat(scope.entityName())
                .startsWith("sensor-"));
        assertThat(big.result().scopes())
                .extracting(PatScopeView::domainName)
                .containsOnly(small.result().scopes().getFirst().domainName());
        assertThat(big.statements()).isEqualTo(small.statements()).isLessThanOrEqualTo(4);
    }

    @Test
    void theScopeListOfATokenCostsTheSameForOneAndForTwentyScopes() {
        long one = tokenWithClientScopes("one scope", 1);
        long twenty = tokenWithClientScopes("twenty scopes", 20);

        Counted<ListResult<PatScopeView>> small = counted(() -> pats.listScopes(one, 0, 100));
        Counted<ListResult<PatScopeView>> big = counted(() -> pats.listScopes(twenty, 0, 100));

        assertThat(big.result().items()).hasSize(20);
        assertThat(big.statements()).isEqualTo(small.statements()).isLessThanOrEqualTo(4);
    }

    @Test
    void aScopeOfEachTypeInTwoDomainsCostsOneNameQueryPerDomainAndType() {
        long other = domains.domain("Counted too");
        domains.member(other, alice, DomainRole.EDITOR);
        long channel = domains.channel(domain, "feed");
        long group = domains.group(other, "floor");
        long otherClient = domains.client(other, "meter");
        long mixed = pats.create(new CreatePatRequest(
                        "mixed",
                        "counted",
                        PatDuration.days(30),
                        null,
                        List.of(
                                new ScopeRequest(domain, "clients", "view", String.valueOf(clients.get(0))),
                                new ScopeRequest(domain, "clients", "update", String.valueOf(clients.get(1))),
                                new ScopeRequest(domain, "channels", "view", String.valueOf(channel)),
                                new ScopeRequest(other, "groups", "view", String.valueOf(group)),
                                new ScopeRequest(other, "clients", "view", String.valueOf(otherClient)),
                                new ScopeRequest(other, "domains", "read", null),
                                new ScopeRequest(domain, "clients", "*", "*"))))
                .pat()
                .id();
        long plain = tokenWithClientScopes("plain", 1);

        Counted<PatDetails> details = counted(() -> pats.get(mixed));
        long base = counted(() -> pats.get(plain)).statements();

        String otherName = details.result().scopes().stream()
                .filter(scope -> scope.domainId() == other)
                .findFirst()
                .orElseThrow()
                .domainName();
        // a domains scope is named after its domain; * names no entity
        assertThat(details.result().scopes())
                .extracting(PatScopeView::entityName)
                .containsExactlyInAnyOrder("sensor-0", "sensor-1", "feed", "floor", "meter", otherName, null);
        // plain: one (domain, type) pair; mixed: four pairs that name an entity
        // (domain/clients, domain/channels, other/groups, other/clients)
        assertThat(details.statements()).isEqualTo(base + 3);
    }

    @Test
    void aDomainAdminsTokenListCostsTheSameForOneAndForTwentyScopesInTheDomain() {
        UserProfile admin = users.create("dadm", PlatformRole.USER);
        long small = domains.domain("Small");
        domains.member(small, alice, DomainRole.EDITOR);
        domains.member(small, admin, DomainRole.ADMIN);
        domains.member(domain, admin, DomainRole.ADMIN);
        long smallClient = domains.client(small, "lamp");
        pats.create(new CreatePatRequest(
                "small",
                "counted",
                PatDuration.days(30),
                null,
                List.of(new ScopeRequest(small, "clients", "view", String.valueOf(smallClient)))));
        tokenWithClientScopes("twenty scopes", 20);
        users.signIn(admin);

        Counted<ListResult<DomainTokenRow>> one = counted(() -> domainTokens.list(small, 0, 10));
        Counted<ListResult<DomainTokenRow>> twenty = counted(() -> domainTokens.list(domain, 0, 10));

        assertThat(one.result().items()).singleElement().satisfies(row -> assertThat(row.scopes())
                .hasSize(1));
        assertThat(twenty.result().items()).singleElement().satisfies(row -> assertThat(row.scopes())
                .hasSize(20)
                .allSatisfy(scope -> assertThat(scope.domainId()).isEqualTo(domain)));
        assertThat(twenty.statements()).isEqualTo(one.statements());
    }

    @Test
    void theSecondPageOfABigOwnersListDoesNotCountTheOwnersTokensAgain() {
        IntStream.range(0, 25).forEach(i -> tokenWithClientScopes("token %02d".formatted(i), 1));
        PatQuery first = new PatQuery(Optional.empty(), null, 0, 10, SortBy.NAME, false);
        PatQuery second = new PatQuery(Optional.empty(), null, 10, 10, SortBy.NAME, false);

        Counted<ListResult<PatSummary>> page1 = counted(() -> pats.list(first));
        Counted<ListResult<PatSummary>> page2 = counted(() -> pats.list(second));

        assertThat(page1.result().total()).isEqualTo(25);
        assertThat(page2.result().total()).isEqualTo(25);
        assertThat(page2.result().items()).extracting(PatSummary::name).startsWith("token 10");
        // page 1: the page, its scopes, the COUNT; page 2: the page and its scopes, no COUNT
        assertThat(page1.statements()).isEqualTo(3);
        assertThat(page2.statements()).isEqualTo(2);
    }

    @Test
    void aPageDeepInALongListShowsTheTokensAtThatPlaceInEveryOrder() {
        bulk.insertPats(alice.id(), 620); // "token-0" … "token-619", issued a minute apart, token-0 last
        List<String> byName =
                IntStream.range(0, 620).mapToObj(i -> "token-" + i).sorted().toList();

        ListResult<PatSummary> deep = pats.list(new PatQuery(Optional.empty(), null, 600, 10, SortBy.NAME, false));
        ListResult<PatSummary> last = pats.list(new PatQuery(Optional.empty(), null, 615, 10, SortBy.NAME, false));
        ListResult<PatSummary> newestFirst =
                pats.list(new PatQuery(Optional.empty(), null, 600, 10, SortBy.CREATED, true));
        ListResult<PatSummary> beyond = pats.list(new PatQuery(Optional.empty(), null, 700, 10, SortBy.NAME, false));

        assertThat(PatService.DEEP_PAGE).isLessThanOrEqualTo(600);
        assertThat(deep.items()).extracting(PatSummary::name).containsExactlyElementsOf(byName.subList(600, 610));
        assertThat(deep.total()).isEqualTo(620);
        assertThat(last.items()).extracting(PatSummary::name).containsExactlyElementsOf(byName.subList(615, 620));
        assertThat(last.total()).isEqualTo(620);
        assertThat(newestFirst.items())
                .extracting(PatSummary::name)
                .containsExactly(
                        IntStream.range(600, 610).mapToObj(i -> "token-" + i).toArray(String[]::new));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(620);
    }

    @Test
    void theActiveTotalIsCountedOnceAndKeptUntilTheNextExpiry() {
        IntStream.range(0, 25).forEach(i -> tokenWithClientScopes("token %02d".formatted(i), 1));
        PatQuery first = new PatQuery(Optional.of(PatStatus.ACTIVE), null, 0, 10, SortBy.NAME, false);
        PatQuery second = new PatQuery(Optional.of(PatStatus.ACTIVE), null, 10, 10, SortBy.NAME, false);

        Counted<ListResult<PatSummary>> page1 = counted(() -> pats.list(first));
        Counted<ListResult<PatSummary>> page2 = counted(() -> pats.list(second));

        assertThat(page1.result().total()).isEqualTo(25);
        assertThat(page2.result().total()).isEqualTo(25);
        // page 1: the page, its scopes, the total (stored counts) and the next expiry; page 2: the page and its scopes
        assertThat(page1.statements()).isEqualTo(4);
        assertThat(page2.statements()).isEqualTo(2);
    }

    @Test
    void theTotalFollowsCreateDeleteRevokeAndRegenerate() {
        List<Long> ids = IntStream.range(0, 12)
                .mapToObj(i -> tokenWithClientScopes("token %02d".formatted(i), 1))
                .toList();
        PatQuery all = new PatQuery(Optional.empty(), null, 0, 5, SortBy.NAME, false);
        PatQuery active = new PatQuery(Optional.of(PatStatus.ACTIVE), null, 0, 5, SortBy.NAME, false);
        PatQuery revoked = new PatQuery(Optional.of(PatStatus.REVOKED), null, 0, 1, SortBy.NAME, false);
        PatQuery named = new PatQuery(Optional.empty(), "token", 0, 5, SortBy.NAME, false);
        assertThat(pats.list(all).total()).isEqualTo(12);
        assertThat(pats.list(active).total()).isEqualTo(12);
        assertThat(pats.list(named).total()).isEqualTo(12);

        tokenWithClientScopes("token 12", 1);
        assertThat(pats.list(all).total()).isEqualTo(13);
        assertThat(pats.list(named).total()).isEqualTo(13);

        pats.delete(ids.get(0));
        assertThat(pats.list(all).total()).isEqualTo(12);

        pats.revoke(ids.get(1));
        pats.revoke(ids.get(2));
        assertThat(pats.list(active).total()).isEqualTo(10);
        assertThat(pats.list(revoked).total()).isEqualTo(2);

        pats.regenerate(ids.get(1), PatDuration.days(7));
        assertThat(pats.list(active).total()).isEqualTo(11);
        assertThat(pats.list(revoked).total()).isEqualTo(1);

        pats.rename(ids.get(3), "renamed");
        assertThat(pats.list(named).total()).isEqualTo(11);
    }
}
