package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.MutableClock;
import dev.scopekeeper.ResetDatabase;
import dev.scopekeeper.audit.AuditEntry;
import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditService;
import dev.scopekeeper.audit.AuditService.AuditQuery;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The token policy in the database: enforced on create and regenerate, counted and revoked violations,
 * automatic revocation of unused tokens. A fresh database, since the policy and the jobs are global.
 */
@ApiTest
@ResetDatabase
class PolicyServiceTest {

    @Autowired
    PolicyService policies;

    @Autowired
    PatService pats;

    @Autowired
    PatAutoRevoker autoRevoker;

    @Autowired
    AuditService audit;

    @Autowired
    TestUsers users;

    @Autowired
    TestDomains domains;

    @Autowired
    MutableClock clock;

    UserProfile admin;
    UserProfile alice;
    long domain;

    @BeforeEach
    void anAdminAndAUserWithADomain() {
        admin = users.create("padmin", PlatformRole.ADMIN);
        alice = users.create("alice", PlatformRole.USER);
        domain = domains.domain("Policy");
        domains.member(domain, alice, DomainRole.EDITOR);
    }

    @AfterEach
    void restoreTheDefaultPolicy() {
        users.signIn(admin);
        policies.update(PatPolicy.DEFAULT);
        users.signOut();
        clock.reset();
    }

    private PatPolicy policy(
            int maxDays,
            boolean never,
            String defaultDuration,
            boolean description,
            int maxScopes,
            Integer autoRevoke) {
        return new PatPolicy(maxDays, never, defaultDuration, description, maxScopes, autoRevoke);
    }

    private IssuedPat createAsAlice(String name, String description, PatDuration duration, int scopes) {
        users.signIn(alice);
        List<ScopeRequest> requested = java.util.stream.IntStream.range(0, scopes)
                .mapToObj(i -> new ScopeRequest(
                        domain,
                        "clients",
                        List.of("view", "update", "delete", "create", "list", "enable")
                                .get(i),
                        "*"))
                .toList();
        return pats.create(new CreatePatRequest(name, description, duration, null, requested));
    }

    @Test
    void onlyAdministratorsReadOrChangeThePolicy() {
        users.signIn(alice);
        assertThatThrownBy(() -> policies.get()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> policies.update(PatPolicy.DEFAULT)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> policies.countViolations(PatPolicy.DEFAULT)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> policies.revokeViolations(PatPolicy.DEFAULT))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theDefaultPolicyComesFromTheDatabaseAndAChangeIsAudited() {
        users.signIn(admin);
        assertThat(policies.get()).isEqualTo(PatPolicy.DEFAULT);

        PatPolicy stricter = policy(90, false, "7d", true, 3, 60);
        assertThat(policies.update(stricter)).isEqualTo(stricter);

        assertThat(policies.get()).isEqualTo(stricter);
        List<AuditEntry> changes = audit.list(
                        new AuditQuery(null, null, admin.username(), AuditEventType.POLICY_CHANGED, null, 0, 10))
                .items();
        assertThat(changes).singleElement().satisfies(e -> assertThat(e.details())
                .contains("maxLifetimeDays=365")
                .contains("maxLifetimeDays=90")
                .contains("autoRevokeUnusedDays=60"));
    }

    @Test
    void aContradictoryPolicyIsRefused() {
        users.signIn(admin);
        assertThatThrownBy(() -> policies.update(policy(0, true, "30d", false, 10, null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("maxLifetimeDays"));
        assertThatThrownBy(() -> policies.update(policy(30, true, "90d", false, 10, null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("defaultDuration"));
        assertThatThrownBy(() -> policies.update(policy(30, false, "never", false, 10, null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("defaultDuration"));
        assertThatThrownBy(() -> policies.update(policy(30, true, "7d", false, 0, null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("maxScopes"));
        assertThatThrownBy(() -> policies.update(policy(30, true, "7d", false, 5, 0)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("autoRevokeUnusedDays"));
        assertThat(policies.get()).isEqualTo(PatPolicy.DEFAULT);
    }

    @Test
    void newTokensFollowTheNewPolicyAtOnce() {
        users.signIn(admin);
        policies.update(policy(60, false, "7d", true, 2, null));

        assertThatThrownBy(() -> createAsAlice("forever", "d", PatDuration.never(), 0))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("pat.validation.duration.neverForbidden"));
        assertThatThrownBy(() -> createAsAlice("long", "d", PatDuration.days(90), 0))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("pat.validation.duration.tooLong"));
        assertThatThrownBy(() -> createAsAlice("silent", " ", PatDuration.days(7), 0))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("description"));
        assertThatThrownBy(() -> createAsAlice("wide", "d", PatDuration.days(7), 3))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.messageKey()).isEqualTo("pat.validation.scopes.tooMany"));

        Instant now = clock.instant();
        PatDetails defaulted = createAsAlice("defaulted", "d", null, 2).pat();
        assertThat(defaulted.expiresAt())
                .isBetween(
                        now.plus(Duration.ofDays(7)).minusSeconds(5),
                        now.plus(Duration.ofDays(7)).plusSeconds(5));
    }

    @Test
    void regenerationFollowsThePolicyToo() {
        long id = createAsAlice("old habits", "", PatDuration.never(), 3).pat().id();
        users.signIn(admin);
        policies.update(policy(30, false, "7d", false, 5, null));

        users.signIn(alice);
        assertThatThrownBy(() -> pats.regenerate(id, PatDuration.never()))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("duration"));
        users.signIn(admin);
        policies.update(policy(30, true, "7d", true, 2, null));
        users.signIn(alice);
        assertThatThrownBy(() -> pats.regenerate(id, PatDuration.days(7)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("description"));
        pats.describe(id, "now described");
        assertThatThrownBy(() -> pats.regenerate(id, PatDuration.days(7)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("scopes"));
        assertThat(pats.get(id).expiresAt())
                .as("the existing token is not altered")
                .isNull();
    }

    @Test
    void violationsAreCountedAndRevokedOnlyWhenAsked() {
        users.signIn(admin);
        PolicyViolations before = policies.countViolations(policy(30, false, "7d", true, 2, null));
        long neverExpiring =
                createAsAlice("never", "d", PatDuration.never(), 0).pat().id();
        long tooLong =
                createAsAlice("year", "d", PatDuration.days(365), 0).pat().id();
        long undescribed =
                createAsAlice("quiet", "", PatDuration.days(7), 0).pat().id();
        long wide = createAsAlice("wide", "d", PatDuration.days(7), 3).pat().id();
        long fine = createAsAlice("fine", "d", PatDuration.days(7), 1).pat().id();
        long revoked = createAsAlice("gone", "", PatDuration.never(), 0).pat().id();
        pats.revoke(revoked);

        users.signIn(admin);
        PatPolicy strict = policy(30, false, "7d", true, 2, null);
        policies.update(strict);
        users.signIn(alice);
        assertThat(pats.get(neverExpiring).status())
                .as("saving never alters tokens")
                .isEqualTo(PatStatus.ACTIVE);

        users.signIn(admin);
        PolicyViolations violations = policies.countViolations(strict);
        assertThat(violations.total() - before.total()).isEqualTo(4);
        assertThat(violations.neverExpiring() - before.neverExpiring()).isEqualTo(1);
        assertThat(violations.lifetimeTooLong() - before.lifetimeTooLong()).isEqualTo(1);
        assertThat(violations.missingDescription() - before.missingDescription())
                .isEqualTo(1);
        assertThat(violations.tooManyScopes() - before.tooManyScopes()).isEqualTo(1);

        assertThat(policies.revokeViolations(strict)).isEqualTo((int) violations.total());
        users.signIn(alice);
        assertThat(List.of(neverExpiring, tooLong, undescribed, wide))
                .allSatisfy(id -> assertThat(pats.get(id).status()).isEqualTo(PatStatus.REVOKED));
        assertThat(pats.get(fine).status()).isEqualTo(PatStatus.ACTIVE);
        users.signIn(admin);
        assertThat(policies.countViolations(strict).total()).isZero();
        assertThat(audit.list(new AuditQuery(null, null, null, AuditEventType.PAT_REVOKED, wide, 0, 10))
                        .items())
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains("policy"));
    }

    @Test
    void tokensUnusedForTheConfiguredDaysAreRevokedAutomatically() {
        long unused = createAsAlice("idle", "d", PatDuration.days(365), 0).pat().id();
        users.signOut();
        assertThat(autoRevoker.revokeUnused()).as("off by default").isZero();

        users.signIn(admin);
        policies.update(policy(365, true, "30d", false, 200, 30));
        clock.advance(Duration.ofDays(20));
        long recent =
                createAsAlice("recent", "d", PatDuration.days(365), 0).pat().id();
        clock.advance(Duration.ofDays(11));
        users.signOut();

        assertThat(autoRevoker.revokeUnused()).isGreaterThanOrEqualTo(1);

        users.signIn(alice);
        assertThat(pats.get(unused).status()).isEqualTo(PatStatus.REVOKED);
        assertThat(pats.get(recent).status()).isEqualTo(PatStatus.ACTIVE);
        users.signIn(admin);
        assertThat(audit.list(new AuditQuery(null, null, null, AuditEventType.PAT_REVOKED, unused, 0, 10))
                        .items())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.details()).contains("unused for 30 days");
                    assertThat(e.actorId()).isNull();
                });
    }
}
