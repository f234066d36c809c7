package dev.scopekeeper.domains;

import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.domains.DomainService.DomainRequest;
import dev.scopekeeper.entities.ChannelService;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.GroupService;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/** Creates domains with members through the real services, for tests. */
@Component
public class TestDomains {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final DomainService domains;
    private final MemberService members;
    private final TestUsers testUsers;
    private final ClientService clients;
    private final ChannelService channels;
    private final GroupService groups;
    private final Map<Long, UserProfile> admins = new ConcurrentHashMap<>();

    TestDomains(
            DomainService domains,
            MemberService members,
            TestUsers testUsers,
            ClientService clients,
            ChannelService channels,
            GroupService groups) {
        this.domains = domains;
        this.members = members;
        this.testUsers = testUsers;
        this.clients = clients;
        this.channels = channels;
        this.groups = groups;
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

    /** A new domain, administered by a fresh platform admin; returns its id. */
    public long domain(String prefix) {
        UserProfile admin = testUsers.create("dadmin", PlatformRole.ADMIN);
        long id = as(admin, () -> domains.create(new DomainRequest(
                        prefix + " " + SEQUENCE.incrementAndGet(),
                        uniqueRoute(prefix.toLowerCase().replaceAll("[^a-z0-9]", "")),
                        List.of()))
                .id());
        admins.put(id, admin);
        return id;
    }

    public void member(long domainId, UserProfile user, DomainRole role) {
        as(admins.get(domainId), () -> members.addMember(domainId, user.id(), role));
    }

    public void removeMember(long domainId, UserProfile user) {
        as(admins.get(domainId), () -> {
            members.removeMember(domainId, user.id());
            return null;
        });
    }

    public long client(long domainId, String name) {
        return as(admins.get(domainId), () -> clients.create(domainId, new ClientService.ClientRequest(name, List.of()))
                .client()
                .id());
    }

    public long channel(long domainId, String name) {
        return as(admins.get(domainId), () -> channels.create(
                        domainId, new ChannelService.ChannelRequest(name, List.of()))
                .id());
    }

    public long group(long domainId, String name) {
        return as(admins.get(domainId), () -> groups.create(
                        domainId, new GroupService.GroupRequest(name, "", List.of(), null))
                .id());
    }

    public UserProfile adminOf(long domainId) {
        return admins.get(domainId);
    }

    /** Runs the action signed in as {@code user}, then restores whoever was signed in before. */
    public <T> T as(UserProfile user, Supplier<T> action) {
        SecurityContext previous = testUsers.currentContext();
        testUsers.signIn(user);
        try {
            return action.get();
        } finally {
            testUsers.restore(previous);
        }
    }
}
