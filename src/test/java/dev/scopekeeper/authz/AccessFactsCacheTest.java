package dev.scopekeeper.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.domains.DomainService;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserAdministrationService;
import dev.scopekeeper.security.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The facts cache itself: the facts not visible through a read request (a domain's status, a disabled account)
 * are evicted after their change commits, and a load racing a change never stores the old facts.
 */
@ScopekeeperTest
class AccessFactsCacheTest {

    @Autowired
    AccessFactsCache facts;

    @Autowired
    TestUsers users;

    @Autowired
    TestDomains domains;

    @Autowired
    DomainService domainService;

    @Autowired
    UserAdministrationService administration;

    @Autowired
    JdbcTemplate jdbc;

    UserProfile dave;
    long domain;

    @BeforeEach
    void daveIsAnEditor() {
        dave = users.create("dave", PlatformRole.USER);
        domain = domains.domain("Facts");
        domains.member(domain, dave, DomainRole.EDITOR);
    }

    @Test
    void theFactsOfOneUserInOneDomainAreOneCachedAnswer() {
        AccessFacts read = facts.of(dave.id(), domain);

        assertThat(read).isEqualTo(new AccessFacts(true, PlatformRole.USER, Status.ENABLED, DomainRole.EDITOR));
        assertThat(facts.of(dave.id(), domain)).isSameAs(read);
        assertThat(facts.of(dave.id(), domain + 1_000_000).effectiveRole()).isEmpty();
        assertThat(facts.of(-1, domain)).isEqualTo(AccessFacts.NO_USER);
    }

    @Test
    void disablingAndEnablingTheDomainReachTheCachedFacts() {
        assertThat(facts.of(dave.id(), domain).domainStatus()).isEqualTo(Status.ENABLED);

        domains.as(domains.adminOf(domain), () -> domainService.disable(domain));
        assertThat(facts.of(dave.id(), domain).domainStatus()).isEqualTo(Status.DISABLED);

        domains.as(domains.adminOf(domain), () -> domainService.enable(domain));
        assertThat(facts.of(dave.id(), domain).domainStatus()).isEqualTo(Status.ENABLED);
    }

    @Test
    void disablingAndEnablingTheAccountReachTheCachedFacts() {
        UserProfile admin = domains.adminOf(domain);
        assertThat(facts.of(dave.id(), domain).effectiveRole()).contains(DomainRole.EDITOR);

        domains.as(admin, () -> administration.disable(dave.id()));
        assertThat(facts.of(dave.id(), domain).effectiveRole()).isEmpty();
        assertThat(facts.of(dave.id(), AccessFactsCache.NO_DOMAIN).activeUserRole())
                .isEmpty();

        domains.as(admin, () -> administration.enable(dave.id()));
        assertThat(facts.of(dave.id(), domain).effectiveRole()).contains(DomainRole.EDITOR);
    }

    /**
     * A demotion racing loads of the same facts (each trial: loaders hammer the cache while the role changes):
     * once the change has returned, every read sees the new role; none of the loads that read the old row may
     * have stored it.
     */
    @Test
    void aLoadRacingAChangeNeverStoresTheOldFacts() throws Exception {
        UserProfile admin = domains.adminOf(domain);
        dev.scopekeeper.domains.MemberService members = memberService;
        int stale = 0;
        for (int trial = 0; trial < 200; trial++) {
            DomainRole before = trial % 2 == 0 ? DomainRole.EDITOR : DomainRole.VIEWER;
            DomainRole after = before == DomainRole.EDITOR ? DomainRole.VIEWER : DomainRole.EDITOR;
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch started = new CountDownLatch(2);
            List<Thread> loaders = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Thread loader = new Thread(() -> {
                    started.countDown();
                    while (!stop.get()) {
                        facts.of(dave.id(), domain);
                    }
                });
                loader.start();
                loaders.add(loader);
            }
            started.await();
            domains.as(admin, () -> members.addMember(domain, dave.id(), after));
            if (facts.of(dave.id(), domain).memberRole() != after) {
                stale++;
            }
            // The loaders keep running after the change returned: any old facts they store would show now.
            Thread.sleep(2);
            if (facts.of(dave.id(), domain).memberRole() != after) {
                stale++;
            }
            stop.set(true);
            for (Thread loader : loaders) {
                loader.join();
            }
            if (facts.of(dave.id(), domain).memberRole() != after) {
                stale++;
            }
        }
        assertThat(stale).isZero();
    }

    @Autowired
    dev.scopekeeper.domains.MemberService memberService;
}
