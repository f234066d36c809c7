package dev.scopekeeper.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.PatQuery;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.ScopekeeperPrincipal;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserAdministrationService;
import dev.scopekeeper.security.UserCredentialsOnly;
import dev.scopekeeper.security.UserProfile;
import dev.scopekeeper.security.UserService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The credential rule is enforced on the services, whoever calls them (method security, not the web layer): an
 * authentication carrying {@value UserCredentialsOnly#PAT_AUTHORITY} is refused by every {@link
 * UserCredentialsOnly} service with its message — before {@code @PreAuthorize}, so an administrator's token gets
 * the same answer as anyone's — while the same person signed in with a browser session (as the Vaadin views call
 * these services) is served, and the declared domain operations stay open to it.
 */
@ScopekeeperTest
class CredentialRuleTest {

    @Autowired
    TestUsers users;

    @Autowired
    TestDomains domains;

    @Autowired
    PatService pats;

    @Autowired
    UserService userService;

    @Autowired
    UserAdministrationService administration;

    @Autowired
    ClientService clients;

    SecurityContext before;
    UserProfile admin;
    long domain;
    long client;

    @BeforeEach
    void anAdministratorInADomain() {
        before = users.currentContext();
        admin = users.create("credrule", PlatformRole.ADMIN);
        domain = domains.domain("Credentials");
        domains.member(domain, admin, DomainRole.ADMIN);
        client = domains.client(domain, "pump");
    }

    @AfterEach
    void restore() {
        users.restore(before);
    }

    /** The admin authenticated like a personal access token: their authorities plus the PAT credential's. */
    private void signInWithTokenCredential() {
        users.signIn(admin);
        ScopekeeperPrincipal principal = (ScopekeeperPrincipal)
                SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
        authorities.add(new SimpleGrantedAuthority(UserCredentialsOnly.PAT_AUTHORITY));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        users.restore(context);
    }

    private static String key(Runnable call) {
        try {
            call.run();
        } catch (ServiceException refused) {
            return refused.messageKey();
        }
        return null;
    }

    @Test
    void aTokenCredentialIsRefusedByEveryUserCredentialsOnlyServiceWithItsMessage() {
        signInWithTokenCredential();

        assertThat(key(() -> pats.list(PatQuery.firstPage()))).isEqualTo(UserCredentialsOnly.TOKEN_MANAGEMENT);
        assertThat(key(userService::me)).isEqualTo(UserCredentialsOnly.NOT_IN_CATALOGUE);
        assertThatThrownBy(() -> administration.search("", 0, 10))
                .as("refused before @PreAuthorize, although the owner is an administrator")
                .isInstanceOf(Forbidden.class)
                .extracting(e -> ((ServiceException) e).messageKey())
                .isEqualTo(UserCredentialsOnly.NOT_IN_CATALOGUE);

        assertThat(pats.revokeAsLeaked("pat_not-a-token", "test"))
                .as("@AnyCredential: reporting a leaked token needs no credential and refuses none")
                .isFalse();
        assertThat(clients.list(domain, ListQuery.page(0, 10)).items())
                .as("a declared domain operation is open to it")
                .extracting(c -> c.id())
                .contains(client);
    }

    @Test
    void theSamePersonWithABrowserSessionIsServed() {
        users.signIn(admin);

        assertThat(pats.list(PatQuery.firstPage()).items()).isEmpty();
        assertThat(userService.me().id()).isEqualTo(admin.id());
        assertThat(administration.search("credrule", 0, 10).items())
                .extracting(UserProfile::id)
                .contains(admin.id());
    }
}
