package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditService;
import dev.scopekeeper.audit.AuditService.AuditQuery;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Domain admins oversee the tokens reaching into their domain, and only that part of them. */
@ApiTest
class DomainTokenServiceTest {

    @Autowired
    DomainTokenService domainTokens;

    @Autowired
    PatService pats;

    @Autowired
    AuditService audit;

    @Autowired
    TestUsers users;

    @Autowired
    TestDomains domains;

    UserProfile carol;
    UserProfile domainAdmin;
    long ours;
    long theirs;
    long token;

    @BeforeEach
    void carolHasATokenReachingIntoTwoDomains() {
        carol = users.create("carol", PlatformRole.USER);
        domainAdmin = users.create("dadm", PlatformRole.USER);
        ours = domains.domain("Ours");
        theirs = domains.domain("Theirs");
        domains.member(ours, carol, DomainRole.EDITOR);
        domains.member(theirs, carol, DomainRole.EDITOR);
        domains.member(ours, domainAdmin, DomainRole.ADMIN);
        long sensor = domains.client(ours, "sensor");
        users.signIn(carol);
        token = pats.create(new CreatePatRequest(
                        "ci",
                        "d",
                        PatDuration.days(7),
                        null,
                        List.of(
                                new ScopeRequest(ours, "clients", "view", String.valueOf(sensor)),
                                new ScopeRequest(ours, "channels", "*", "*"),
                                new ScopeRequest(theirs, "clients", "*", "*"))))
                .pat()
                .id();
        users.signOut();
    }

    @AfterEach
    void signOut() {
        users.signOut();
    }

    private List<PatScopeView> carolsScopes() {
        return domains.as(carol, () -> pats.get(token).scopes());
    }

    @Test
    void aDomainAdminSeesTheTokenWithOnlyThisDomainsScopes() {
        users.signIn(domainAdmin);
        var rows = domainTokens.list(ours, 0, 10);

        assertThat(rows.total()).isEqualTo(1);
        DomainTokenRow row = rows.items().getFirst();
        assertThat(row.ownerName()).isEqualTo(carol.username());
        assertThat(row.name()).isEqualTo("ci");
        assertThat(row.status()).isEqualTo(PatStatus.ACTIVE);
        assertThat(row.scopes()).hasSize(2).allSatisfy(s -> assertThat(s.domainId())
                .isEqualTo(ours));
        assertThat(row.toString()).doesNotContain("pat_");
    }

    @Test
    void nobodyElseSeesTheDomainsTokens() {
        users.signIn(carol);
        assertThatThrownBy(() -> domainTokens.list(ours, 0, 10)).as("an editor").isInstanceOf(Forbidden.class);
        UserProfile outsider = users.create("outsider", PlatformRole.USER);
        users.signIn(outsider);
        assertThatThrownBy(() -> domainTokens.list(ours, 0, 10)).isInstanceOf(NotFound.class);
        users.signIn(domainAdmin);
        assertThatThrownBy(() -> domainTokens.list(theirs, 0, 10))
                .as("admin of another domain")
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> domainTokens.revokeDomainAccess(theirs, token)).isInstanceOf(NotFound.class);
    }

    @Test
    void aPlatformAdministratorActsAsAdminOfEveryDomain() {
        users.signIn(users.create("root", PlatformRole.ADMIN));
        assertThat(domainTokens.list(theirs, 0, 10).items()).singleElement().satisfies(row -> assertThat(row.scopes())
                .singleElement()
                .satisfies(s -> assertThat(s.domainId()).isEqualTo(theirs)));
    }

    @Test
    void aDomainAdminRemovesOneScopeThenTheWholeAccessAndTheOwnerSeesIt() {
        users.signIn(domainAdmin);
        PatScopeView channels = domainTokens.list(ours, 0, 10).items().getFirst().scopes().stream()
                .filter(s -> s.entityType().equals("channels"))
                .findFirst()
                .orElseThrow();
        long theirScope = carolsScopes().stream()
                .filter(s -> s.domainId() == theirs)
                .findFirst()
                .orElseThrow()
                .id();
        users.signIn(domainAdmin);
        assertThatThrownBy(() -> domainTokens.removeScope(ours, token, theirScope))
                .as("another domain's scope")
                .isInstanceOf(NotFound.class);

        DomainTokenRow after = domainTokens.removeScope(ours, token, channels.id());
        assertThat(after.scopes()).singleElement().satisfies(s -> assertThat(s.entityType())
                .isEqualTo("clients"));
        assertThat(carolsScopes()).hasSize(2);

        users.signIn(domainAdmin);
        assertThat(domainTokens.revokeDomainAccess(ours, token)).isEqualTo(1);
        assertThat(carolsScopes()).singleElement().satisfies(s -> assertThat(s.domainId())
                .isEqualTo(theirs));
        users.signIn(domainAdmin);
        assertThat(domainTokens.list(ours, 0, 10).total()).isZero();
        assertThatThrownBy(() -> domainTokens.revokeDomainAccess(ours, token)).isInstanceOf(NotFound.class);

        users.signIn(users.create("auditor", PlatformRole.ADMIN));
        assertThat(audit.list(new AuditQuery(
                                null, null, domainAdmin.username(), AuditEventType.PAT_SCOPES_REMOVED, token, 0, 10))
                        .total())
                .isEqualTo(2);
    }

    @Test
    void removingAMemberFromTheDomainRemovesTheirTokensScopesThereAtOnce() {
        domains.removeMember(ours, carol);

        assertThat(carolsScopes()).singleElement().satisfies(s -> assertThat(s.domainId())
                .isEqualTo(theirs));
        users.signIn(domainAdmin);
        assertThat(domainTokens.list(ours, 0, 10).total()).isZero();
    }
}
