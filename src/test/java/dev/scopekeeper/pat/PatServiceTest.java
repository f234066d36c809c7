package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.MutableClock;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.PatService.PatQuery;
import dev.scopekeeper.pat.PatService.SortBy;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The PAT lifecycle on the real database: create, list, rename, regenerate, revoke, delete, scopes. */
@ApiTest
class PatServiceTest {

    @Autowired
    PatService pats;

    @Autowired
    TestUsers users;

    @Autowired
    TestDomains domains;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    UserProfile alice;
    long domain;
    long client;

    @BeforeEach
    void aliceIsAnEditorOfADomainWithAClient() {
        alice = users.create("alice", PlatformRole.USER);
        domain = domains.domain("Acme");
        domains.member(domain, alice, DomainRole.EDITOR);
        client = domains.client(domain, "thermostat");
        users.signIn(alice);
    }

    @AfterEach
    void cleanUp() {
        users.signOut();
        clock.reset();
    }

    private IssuedPat create(String name, PatDuration duration, ScopeRequest... scopes) {
        return pats.create(new CreatePatRequest(name, "for tests", duration, null, List.of(scopes)));
    }

    @Test
    void aNewTokenIsActiveShowsItsSecretOnceAndStoresOnlyADigest() {
        Instant now = clock.instant();
        IssuedPat issued = create(
                "ci deploy", PatDuration.days(30), new ScopeRequest(domain, "clients", "view", String.valueOf(client)));

        assertThat(PatTokens.check(issued.secret())).isNull();
        PatDetails pat = issued.pat();
        assertThat(pat.status()).isEqualTo(PatStatus.ACTIVE);
        assertThat(pat.ownerId()).isEqualTo(alice.id());
        assertThat(pat.createdById()).isEqualTo(alice.id());
        assertThat(pat.expiresAt()).isCloseTo(now.plus(Duration.ofDays(30)), within(5));
        assertThat(pat.secretHint()).isEqualTo(PatTokens.hint(issued.secret()));
        assertThat(pat.scopes()).singleElement().satisfies(scope -> {
            assertThat(scope.entityType()).isEqualTo("clients");
            assertThat(scope.operation()).isEqualTo("view");
            assertThat(scope.entityName()).isEqualTo("thermostat");
        });
        String stored = jdbc.queryForObject("SELECT secret_digest FROM pat WHERE id = ?", String.class, pat.id());
        assertThat(stored).hasSize(64).isNotEqualTo(issued.secret());
        assertThat(pats.get(pat.id()).toString()).doesNotContain(issued.secret());
        assertThat(issued.toString()).doesNotContain(issued.secret());
    }

    @Test
    void namesAreUniquePerOwnerIgnoringCase() {
        create("Deploy", PatDuration.days(7));

        assertThatThrownBy(() -> create("deploy", PatDuration.days(7)))
                .isInstanceOfSatisfying(
                        Conflict.class, e -> assertThat(e.field()).isEqualTo("name"))
                .hasMessage("You already have a token named \"deploy\"");

        UserProfile bob = users.create("bob", PlatformRole.USER);
        users.signIn(bob);
        assertThat(create("deploy", PatDuration.days(7)).pat().name()).isEqualTo("deploy");
    }

    @Test
    void badInputIsRefusedAtTheFieldAndNothingIsCreated() {
        assertInvalid(() -> create(" ", PatDuration.days(7)), "name");
        assertInvalid(() -> create("x".repeat(101), PatDuration.days(7)), "name");
        assertInvalid(() -> create("t", PatDuration.until(clock.instant().minusSeconds(60))), "duration");
        assertInvalid(() -> create("t", PatDuration.until(clock.instant().plus(Duration.ofDays(400)))), "duration");
        assertInvalid(
                () -> create("t", PatDuration.days(7), new ScopeRequest(domain, "robots", "view", "*")), "scopes");
        assertInvalid(
                () -> create("t", PatDuration.days(7), new ScopeRequest(domain, "clients", "fly", "*")), "scopes");
        assertInvalid(
                () -> create("t", PatDuration.days(7), new ScopeRequest(domain, "clients", "view", "999999")),
                "scopes");
        long foreign = domains.domain("Other");
        assertInvalid(
                () -> create("t", PatDuration.days(7), new ScopeRequest(foreign, "clients", "view", "*")), "scopes");
        assertThatThrownBy(() -> PatDuration.parse("2w")).isInstanceOf(InvalidInput.class);

        assertThat(pats.list(allOfMine()).total()).isZero();
    }

    @Test
    void onlyAdministratorsMintTokensForOtherUsersWhichThenBelongToThem() {
        UserProfile bob = users.create("bob", PlatformRole.USER);
        assertThatThrownBy(() ->
                        pats.create(new CreatePatRequest("for bob", "", PatDuration.days(1), bob.id(), List.of())))
                .isInstanceOf(Forbidden.class);

        UserProfile admin = users.create("admin", PlatformRole.ADMIN);
        users.signIn(admin);
        IssuedPat minted = pats.create(new CreatePatRequest("for bob", "", PatDuration.days(1), bob.id(), List.of()));

        assertThat(minted.pat().ownerId()).isEqualTo(bob.id());
        assertThat(minted.pat().createdById()).isEqualTo(admin.id());
        assertThatThrownBy(() -> pats.get(minted.pat().id())).isInstanceOf(NotFound.class);
        users.signIn(bob);
        assertThat(pats.get(minted.pat().id()).createdByName()).isEqualTo(admin.username());
        users.signIn(admin);
        assertInvalid(
                () -> pats.create(new CreatePatRequest("ghost", "", PatDuration.days(1), 987654321L, List.of())),
                "user_id");
    }

    @Test
    void theStatusFilterFollowsTheClock() {
        long shortLived = create("short", PatDuration.days(1)).pat().id();
        long revoked = create("revoked", PatDuration.days(30)).pat().id();
        create("forever", PatDuration.never());
        pats.revoke(revoked);

        clock.advance(Duration.ofDays(2));

        assertThat(names(PatStatus.ACTIVE)).containsExactly("forever");
        assertThat(names(PatStatus.EXPIRED)).containsExactly("short");
        assertThat(names(PatStatus.REVOKED)).containsExactly("revoked");
        assertThat(pats.list(allOfMine()).total()).isEqualTo(3);
        assertThat(pats.get(shortLived).status()).isEqualTo(PatStatus.EXPIRED);
    }

    @Test
    void theListIsPagedSearchableAndSortable() {
        for (String name : List.of("alpha", "beta", "gamma", "delta")) {
            create(name, PatDuration.days(7));
        }

        ListResult<PatSummary> page = pats.list(new PatQuery(Optional.empty(), null, 1, 2, SortBy.NAME, false));
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.items()).extracting(PatSummary::name).containsExactly("beta", "delta");
        assertThat(pats.list(new PatQuery(Optional.empty(), "MM", 0, 10, SortBy.NAME, false))
                        .items())
                .extracting(PatSummary::name)
                .containsExactly("gamma");
        assertThat(pats.list(new PatQuery(Optional.empty(), "%", 0, 10, SortBy.NAME, false))
                        .total())
                .isZero();
        assertThat(pats.list(new PatQuery(Optional.empty(), null, 0, 10, SortBy.CREATED, true))
                        .items())
                .extracting(PatSummary::name)
                .first()
                .isEqualTo("delta");
        assertInvalid(() -> pats.list(new PatQuery(Optional.empty(), null, 0, 1000, SortBy.NAME, false)), "limit");
    }

    @Test
    void regeneratingGivesANewSecretAndLifetimeKeepsEverythingElseAndUnrevokes() {
        IssuedPat first = create("rotate me", PatDuration.days(7), new ScopeRequest(domain, "clients", "*", "*"));
        pats.revoke(first.pat().id());

        IssuedPat second = pats.regenerate(first.pat().id(), PatDuration.days(90));

        assertThat(second.secret()).isNotEqualTo(first.secret());
        assertThat(second.pat().status()).isEqualTo(PatStatus.ACTIVE);
        assertThat(second.pat().revokedAt()).isNull();
        assertThat(second.pat().name()).isEqualTo("rotate me");
        assertThat(second.pat().description()).isEqualTo("for tests");
        assertThat(second.pat().scopes()).hasSize(1);
        assertThat(second.pat().expiresAt()).isCloseTo(clock.instant().plus(Duration.ofDays(90)), within(5));
    }

    @Test
    void expiredTokensCanBeRegeneratedToo() {
        long id = create("old", PatDuration.days(1)).pat().id();
        clock.advance(Duration.ofDays(3));
        assertThat(pats.get(id).status()).isEqualTo(PatStatus.EXPIRED);

        assertThat(pats.regenerate(id, PatDuration.days(7)).pat().status()).isEqualTo(PatStatus.ACTIVE);
    }

    @Test
    void revokingIsIdempotentAndKeepsTheTokenListed() {
        long id = create("bye", PatDuration.days(7)).pat().id();

        Instant revokedAt = pats.revoke(id).revokedAt();
        clock.advance(Duration.ofMinutes(5));

        assertThat(pats.revoke(id).revokedAt()).isEqualTo(revokedAt);
        assertThat(names(PatStatus.REVOKED)).containsExactly("bye");
    }

    @Test
    void renamingAndDescribingCheckTheSameRules() {
        long id = create("one", PatDuration.days(7)).pat().id();
        create("two", PatDuration.days(7));

        assertThat(pats.rename(id, " uno ").name()).isEqualTo("uno");
        assertThat(pats.describe(id, "new words").description()).isEqualTo("new words");
        assertThatThrownBy(() -> pats.rename(id, "TWO")).isInstanceOf(Conflict.class);
        assertInvalid(() -> pats.describe(id, "d".repeat(1025)), "description");
    }

    @Test
    void scopesAreAddedWithoutDuplicatesRemovedAndCleared() {
        long id = create("scoped", PatDuration.days(7)).pat().id();
        ScopeRequest viewClient = new ScopeRequest(domain, "clients", "view", String.valueOf(client));
        ScopeRequest listClients = new ScopeRequest(domain, "domains", "list_clients", null);

        PatDetails added = pats.addScopes(id, List.of(viewClient, listClients, viewClient));
        assertThat(added.scopes()).hasSize(2);
        assertThat(added.scopes())
                .filteredOn(s -> s.entityType().equals("domains"))
                .singleElement()
                .satisfies(s -> assertThat(s.entity()).isEqualTo(String.valueOf(domain)));
        assertThat(pats.addScopes(id, List.of(viewClient)).scopes()).hasSize(2);
        assertThat(pats.listScopes(id, 0, 1).total()).isEqualTo(2);
        assertThat(pats.listScopes(id, 0, 1).items()).hasSize(1);

        assertThat(pats.removeScopes(id, List.of(viewClient)).scopes()).hasSize(1);
        long remainingId = pats.get(id).scopes().getFirst().id();
        assertThat(pats.removeScopesById(id, List.of(remainingId)).scopes()).isEmpty();

        pats.addScopes(id, List.of(viewClient, listClients));
        assertThat(pats.clearScopes(id).scopes()).isEmpty();
        assertInvalid(() -> pats.addScopes(id, List.of()), "scopes");
    }

    @Test
    void nobodySeesOrTouchesAnotherUsersTokens() {
        long id = create("private", PatDuration.days(7)).pat().id();
        UserProfile mallory = users.create("mallory", PlatformRole.USER);
        users.signIn(mallory);

        assertThatThrownBy(() -> pats.get(id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> pats.revoke(id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> pats.regenerate(id, PatDuration.days(1))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> pats.rename(id, "mine now")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> pats.delete(id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> pats.clearScopes(id)).isInstanceOf(NotFound.class);
        assertThat(pats.deleteAll()).isZero();
        assertThat(pats.list(allOfMine()).total()).isZero();

        users.signIn(alice);
        assertThat(pats.get(id).name()).isEqualTo("private");
    }

    @Test
    void deleteOneAndDeleteAllOfMine() {
        long one = create("one", PatDuration.days(7)).pat().id();
        create("two", PatDuration.days(7));
        create("three", PatDuration.days(7));

        pats.delete(one);
        assertThatThrownBy(() -> pats.get(one)).isInstanceOf(NotFound.class);
        assertThat(pats.deleteAll()).isEqualTo(2);
        assertThat(pats.list(allOfMine()).total()).isZero();
    }

    @Test
    void everyLifecycleEventIsAuditedWithoutTheSecret() {
        IssuedPat issued = create("audited", PatDuration.days(7));
        long id = issued.pat().id();
        IssuedPat regenerated = pats.regenerate(id, PatDuration.days(7));
        pats.addScopes(id, List.of(new ScopeRequest(domain, "clients", "view", "*")));
        pats.clearScopes(id);
        pats.revoke(id);
        pats.delete(id);

        List<String> types = jdbc.queryForList(
                "SELECT event_type FROM audit_event WHERE target_type = 'pat'" + " AND target_id = ? ORDER BY id",
                String.class,
                id);
        assertThat(types)
                .containsExactly(
                        "PAT_CREATED",
                        "PAT_REGENERATED",
                        "PAT_SCOPES_ADDED",
                        "PAT_SCOPES_REMOVED",
                        "PAT_REVOKED",
                        "PAT_DELETED");
        List<String> rows = jdbc.queryForList(
                "SELECT CONCAT_WS('|', actor_name, details) FROM audit_event"
                        + " WHERE target_type = 'pat' AND target_id = ?",
                String.class,
                id);
        assertThat(rows).allSatisfy(row -> assertThat(row)
                .startsWith(alice.username())
                .doesNotContain(issued.secret())
                .doesNotContain(regenerated.secret()));
    }

    private List<String> names(PatStatus status) {
        return pats.list(new PatQuery(Optional.of(status), null, 0, 100, SortBy.NAME, false)).items().stream()
                .map(PatSummary::name)
                .toList();
    }

    private static PatQuery allOfMine() {
        return new PatQuery(Optional.empty(), null, 0, 100, SortBy.NAME, false);
    }

    private static org.assertj.core.data.TemporalUnitOffset within(long seconds) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(seconds, ChronoUnit.SECONDS);
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field())
                .isEqualTo(field));
    }
}
