package dev.scopekeeper.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.ResetDatabase;
import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.audit.AuditEntry;
import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditService;
import dev.scopekeeper.audit.AuditService.AuditQuery;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.security.UserAdministrationService.NewUser;
import dev.scopekeeper.security.UserAdministrationService.UserQuery;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Issue 6's user administration: list, role changes, password resets, the last-admin guard and the audit trail. */
@ScopekeeperTest
@ResetDatabase
class UserAdministrationRulesTest {

    @Autowired
    UserAdministrationService administration;

    @Autowired
    UserRepository users;

    @Autowired
    TestUsers testUsers;

    @Autowired
    AuditService audit;

    @AfterEach
    void signOut() {
        testUsers.signOut();
    }

    /** Only {@code keep} stays an enabled administrator. */
    private void onlyEnabledAdmin(UserProfile keep) {
        users.findAll().stream()
                .filter(u -> u.getRole() == PlatformRole.ADMIN && u.getId() != keep.id())
                .forEach(u -> testUsers.setEnabled(u.getId(), false));
    }

    private List<AuditEntry> audited(AuditEventType type, long userId) {
        return audit.list(new AuditQuery(null, null, null, type, null, 0, 100)).items().stream()
                .filter(e -> e.targetId() != null && e.targetId() == userId)
                .toList();
    }

    @Test
    void theLastEnabledAdministratorCannotBeDemotedButAnotherCan() {
        UserProfile only = testUsers.create("only-admin", PlatformRole.ADMIN);
        onlyEnabledAdmin(only);
        testUsers.signIn(only);

        assertThatThrownBy(() -> administration.changeRole(only.id(), PlatformRole.USER))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.getMessage())
                        .isEqualTo("This is the last enabled administrator; promote another administrator first"));
        assertThatThrownBy(() -> administration.disable(only.id())).isInstanceOf(Conflict.class);

        UserProfile other = testUsers.create("other", PlatformRole.USER);
        assertThat(administration.changeRole(other.id(), PlatformRole.ADMIN).role())
                .isEqualTo(PlatformRole.ADMIN);
        assertThat(administration.changeRole(only.id(), PlatformRole.USER).role())
                .isEqualTo(PlatformRole.USER);
        assertThat(audited(AuditEventType.USER_ROLE_CHANGED, only.id()))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains("from=ADMIN", "to=USER"));
    }

    @Test
    void aDisabledAdministratorDoesNotCountAsTheOtherAdministrator() {
        UserProfile active = testUsers.create("active-admin", PlatformRole.ADMIN);
        onlyEnabledAdmin(active);
        UserProfile disabledAdmin = testUsers.create("disabled-admin", PlatformRole.ADMIN);
        testUsers.setEnabled(disabledAdmin.id(), false);
        testUsers.signIn(active);

        assertThatThrownBy(() -> administration.changeRole(active.id(), PlatformRole.USER))
                .isInstanceOf(Conflict.class);
        assertThat(administration
                        .changeRole(disabledAdmin.id(), PlatformRole.USER)
                        .role())
                .as("demoting a disabled admin is fine")
                .isEqualTo(PlatformRole.USER);
    }

    @Test
    void usersAreListedPagedSearchedAndFiltered() {
        UserProfile admin = testUsers.create("lister", PlatformRole.ADMIN);
        testUsers.create("zebra-finder", PlatformRole.USER);
        UserProfile gone = testUsers.create("zebra-gone", PlatformRole.USER);
        testUsers.setEnabled(gone.id(), false);
        testUsers.signIn(admin);

        ListResult<UserProfile> zebras = administration.list(new UserQuery("ZEBRA", null, null, 0, 10));
        assertThat(zebras.total()).isEqualTo(2);
        assertThat(administration
                        .list(new UserQuery("zebra", PlatformRole.USER, false, 0, 10))
                        .items())
                .extracting(UserProfile::id)
                .containsExactly(gone.id());
        assertThat(administration
                        .list(new UserQuery(null, PlatformRole.ADMIN, true, 0, 10))
                        .items())
                .allSatisfy(u -> assertThat(u.isAdmin() && u.enabled()).isTrue());
        ListResult<UserProfile> page = administration.list(new UserQuery(null, null, null, 0, 1));
        assertThat(page.items()).hasSize(1);
        assertThat(page.total()).isGreaterThanOrEqualTo(3);
        assertThatThrownBy(() -> administration.list(new UserQuery(null, null, null, 0, 1000)))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void anAdministratorCreatesDisablesEnablesAndResetsAPasswordAllAudited() {
        UserProfile admin = testUsers.create("boss", PlatformRole.ADMIN);
        testUsers.signIn(admin);

        UserProfile created = administration.create(
                new NewUser("new-hire", "hire@example.com", "first day passphrase", PlatformRole.USER));
        administration.disable(created.id());
        administration.enable(created.id());
        assertThatThrownBy(() -> administration.resetPassword(created.id(), "short"))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("password"));
        administration.resetPassword(created.id(), "a brand new passphrase");

        assertThat(testUsers.passwordMatches(created.id(), "a brand new passphrase"))
                .isTrue();
        assertThat(audited(AuditEventType.USER_CREATED, created.id()))
                .singleElement()
                .satisfies(e -> assertThat(e.actorName()).isEqualTo(admin.username()));
        assertThat(audited(AuditEventType.USER_DISABLED, created.id())).hasSize(1);
        assertThat(audited(AuditEventType.USER_ENABLED, created.id())).hasSize(1);
        assertThat(audited(AuditEventType.USER_PASSWORD_RESET, created.id()))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).doesNotContain("passphrase"));
        assertThatThrownBy(() -> administration.changeRole(999_999, PlatformRole.USER))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void onlyAdministratorsUseTheNewMethods() {
        UserProfile user = testUsers.create("nosy", PlatformRole.USER);
        testUsers.signIn(user);
        assertThatThrownBy(() -> administration.list(new UserQuery(null, null, null, 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.changeRole(user.id(), PlatformRole.ADMIN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.resetPassword(user.id(), "self service passphrase"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.get(user.id())).isInstanceOf(AccessDeniedException.class);
    }
}
