package dev.scopekeeper.domains;

import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.domains.DomainService.DomainRequest;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Creates domains with members through the real services, for tests. */
@Component
public class TestDomains {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final DomainService domains;
    private final MemberService members;
    private final TestUsers testUsers;

    TestDomains(DomainService domains, MemberService members, TestUsers testUsers) {
        this.domains = domains;
        this.members = members;
        this.testUsers = testUsers;
    }

    /** A unique route, e.g. {@code team-17-12345}. */
    public static String uniqueRoute(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    /** Signs in {@code platformAdmin}, who creates the domain (becoming its admin); stays signed in. */
    public DomainView create(UserProfile platformAdmin, String name) {
        testUsers.signIn(platformAdmin);
        return domains.create(new DomainRequest(name, uniqueRoute("d"), List.of()));
    }

    /** Needs a signed-in domain admin. */
    public void addMember(long domainId, UserProfile user, DomainRole role) {
        members.addMember(domainId, user.id(), role);
    }
}
