package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.MutableClock;
import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditService;
import dev.scopekeeper.audit.AuditService.AuditQuery;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.pat.PatAdministrationService.AdminPatQuery;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Every token of every user, for platform administrators. */
@ApiTest
class PatAdministrationServiceTest {

    @Autowired
    PatAdministrationService administration;

    @Autowired
    PatService pats;

    @Autowired
    AuditService audit;

    @Autowired
    TestUsers users;

    @Autowired
    TestDomains domains;

    @Autowired
    MutableClock clock;

    UserProfile admin;
    UserProfile bob;
    long domain;

    @BeforeEach
    void bobHasTokens() {
        admin = users.create("tadmin", PlatformRole.ADMIN);
        bob = users.create("bob", PlatformRole.USER);
        domain = domains.domain("Tokens");
        domains.member(domain, bob, DomainRole.VIEWER);
    }

    @AfterEach
    void cleanUp() {
        users.signOut();
        clock.reset();
    }

    private long bobCreates(String name, PatDuration duration, boolean scoped) {
        users.signIn(bob);
        long id = pats.create(new CreatePatRequest(
                        name,
                        "d",
                        duration,
                        null,
                        scoped ? List.of(new ScopeRequest(domain, "clients", "view", "*")) : List.of()))
                .pat()
                .id();
        users.signOut();
        return id;
    }

    private AdminPatQuery bobs() {
        return new AdminPatQuery(bob.id(), Optional.empty(), null, false, null, null, null, 0, 100);
    }

    @Test
    void everyFilterNarrowsTheListOfEveryToken() {
        long week = bobCreates("week", PatDuration.days(7), true);
        long year = bobCreates("year", PatDuration.days(365), false);
        long never = bobCreates("never", PatDuration.never(), false);
        long revoked = bobCreates("revoked", PatDuration.days(30), false);
        users.signIn(bob);
        pats.revoke(revoked);
        users.signIn(admin);

        assertThat(administration.list(bobs()).items())
                .extracting(AdminPatRow::id)
                .containsExactlyInAnyOrder(week, year, never, revoked);
        assertThat(administration.list(bobs()).items()).allSatisfy(row -> {
            assertThat(row.ownerName()).isEqualTo(bob.username());
            assertThat(row.toString()).doesNotContain("pat_");
        });
        assertThat(ids(new AdminPatQuery(
                        bob.id(), Optional.of(PatStatus.REVOKED), null, false, null, null, null, 0, 10)))
                .containsExactly(revoked);
        assertThat(ids(new AdminPatQuery(bob.id(), Optional.empty(), 10, false, null, null, null, 0, 10)))
                .containsExactly(week);
        assertThat(ids(new AdminPatQuery(bob.id(), Optional.empty(), null, true, null, null, null, 0, 10)))
                .containsExactly(never);
        assertThat(ids(new AdminPatQuery(null, Optional.empty(), null, false, null, domain, null, 0, 10)))
                .containsExactly(week);
        assertThat(ids(new AdminPatQuery(bob.id(), Optional.empty(), null, false, null, null, "yea", 0, 10)))
                .containsExactly(year);

        clock.advance(Duration.ofDays(40));
        users.signOut();
        long fresh = bobCreates("fresh", PatDuration.days(7), false);
        users.signIn(admin);
        assertThat(ids(new AdminPatQuery(bob.id(), Optional.empty(), null, false, 30, null, null, 0, 10)))
                .containsExactlyInAnyOrder(week, year, never, revoked)
                .doesNotContain(fresh);
        assertThat(ids(new AdminPatQuery(
                        bob.id(), Optional.of(PatStatus.EXPIRED), null, false, null, null, null, 0, 10)))
                .containsExactly(week);
        assertThatThrownBy(() -> administration.list(
                        new AdminPatQuery(null, Optional.empty(), -1, false, null, null, null, 0, 10)))
                .isInstanceOf(InvalidInput.class);
        assertThat(administration.tokenCounts(List.of(bob.id(), admin.id())))
                .containsEntry(bob.id(), 5L)
                .doesNotContainKey(admin.id());
    }

    private List<Long> ids(AdminPatQuery query) {
        return administration.list(query).items().stream().map(AdminPatRow::id).toList();
    }

    @Test
    void anAdministratorRevokesOneOrManyAndDeletesAnyTokenAndTheOwnerSeesIt() {
        long one = bobCreates("one", PatDuration.days(7), false);
        long two = bobCreates("two", PatDuration.days(7), false);
        long three = bobCreates("three", PatDuration.days(7), false);
        users.signIn(admin);

        assertThat(administration.get(one).name()).isEqualTo("one");
        assertThat(administration.revoke(one).status()).isEqualTo(PatStatus.REVOKED);
        assertThat(administration.revokeAll(List.of(one, two, three, 987_654L)))
                .as("already revoked and unknown skipped")
                .isEqualTo(2);
        administration.delete(three);
        assertThatThrownBy(() -> administration.get(three)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> administration.revokeAll(List.of())).isInstanceOf(InvalidInput.class);

        users.signIn(bob);
        assertThat(pats.get(two).status()).isEqualTo(PatStatus.REVOKED);
        users.signIn(admin);
        assertThat(audit.list(new AuditQuery(null, null, admin.username(), AuditEventType.PAT_REVOKED, one, 0, 10))
                        .items())
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains("administrator"));
        assertThat(audit.list(new AuditQuery(null, null, null, AuditEventType.PAT_DELETED, three, 0, 10))
                        .total())
                .isEqualTo(1);
    }

    @Test
    void onlyPlatformAdministratorsSeeEveryToken() {
        long mine = bobCreates("mine", PatDuration.days(7), false);
        users.signIn(bob);
        assertThatThrownBy(() -> administration.list(bobs())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.get(mine)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.revoke(mine)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.revokeAll(List.of(mine))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.delete(mine)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.tokenCounts(List.of(bob.id())))
                .isInstanceOf(AccessDeniedException.class);
    }
}
