package dev.scopekeeper.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.domains.DomainService;
import dev.scopekeeper.domains.DomainService.DomainRequest;
import dev.scopekeeper.domains.InvitationService;
import dev.scopekeeper.domains.MemberService;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.entities.ChannelService;
import dev.scopekeeper.entities.ChannelService.ChannelRequest;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.ClientService.ClientRequest;
import dev.scopekeeper.entities.GroupService;
import dev.scopekeeper.entities.GroupService.GroupRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * The role rule for every operation of the catalogue and every kind of caller, driven by the catalogue:
 * an operation added to {@link Operation} without an invocation here fails the test.
 */
@ScopekeeperTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

    enum Caller {
        VIEWER,
        EDITOR,
        ADMIN,
        NON_MEMBER,
        PLATFORM_ADMIN
    }

    /** Everything one operation needs, created fresh for every case by the domain's owner. */
    record Fixture(
            long domain, long group, long childGroup, long otherGroup, long client, long channel, long invitation) {}

    @Autowired
    DomainService domains;

    @Autowired
    InvitationService invitations;

    @Autowired
    MemberService members;

    @Autowired
    GroupService groups;

    @Autowired
    ClientService clients;

    @Autowired
    ChannelService channels;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestDomains testDomains;

    private final Map<Caller, UserProfile> callers = new EnumMap<>(Caller.class);
    private UserProfile owner;
    private UserProfile invitee;
    private UserProfile secondInvitee;
    private final Map<Operation, Consumer<Fixture>> invocations = new EnumMap<>(Operation.class);

    @BeforeAll
    void createUsersAndInvocations() {
        owner = testUsers.create("owner", PlatformRole.ADMIN);
        invitee = testUsers.create("invitee", PlatformRole.USER);
        secondInvitee = testUsers.create("invitee2", PlatformRole.USER);
        for (Caller caller : Caller.values()) {
            callers.put(
                    caller,
                    testUsers.create(
                            caller.name().toLowerCase().replace('_', '-'),
                            caller == Caller.PLATFORM_ADMIN ? PlatformRole.ADMIN : PlatformRole.USER));
        }
        ListQuery page = ListQuery.firstPage();
        List<String> tags = List.of("matrix");

        on(Operation.CLIENTS_VIEW, f -> clients.view(f.domain(), f.client()));
        on(Operation.CLIENTS_UPDATE, f -> clients.update(f.domain(), f.client(), "renamed client"));
        on(Operation.CLIENTS_UPDATE_TAGS, f -> clients.updateTags(f.domain(), f.client(), tags));
        on(Operation.CLIENTS_UPDATE_SECRET, f -> clients.updateSecret(f.domain(), f.client()));
        on(Operation.CLIENTS_ENABLE, f -> clients.enable(f.domain(), f.client()));
        on(Operation.CLIENTS_DISABLE, f -> clients.disable(f.domain(), f.client()));
        on(Operation.CLIENTS_DELETE, f -> clients.delete(f.domain(), f.client()));
        on(Operation.CLIENTS_SET_PARENT_GROUP, f -> clients.setParentGroup(f.domain(), f.client(), f.otherGroup()));
        on(Operation.CLIENTS_REMOVE_PARENT_GROUP, f -> clients.removeParentGroup(f.domain(), f.client()));
        on(Operation.CLIENTS_CONNECT_TO_CHANNEL, f -> clients.connectToChannel(f.domain(), f.client(), f.channel()));
        on(
                Operation.CLIENTS_DISCONNECT_FROM_CHANNEL,
                f -> clients.disconnectFromChannel(f.domain(), f.client(), f.channel()));

        on(Operation.CHANNELS_VIEW, f -> channels.view(f.domain(), f.channel()));
        on(Operation.CHANNELS_UPDATE, f -> channels.update(f.domain(), f.channel(), "renamed channel"));
        on(Operation.CHANNELS_UPDATE_TAGS, f -> channels.updateTags(f.domain(), f.channel(), tags));
        on(Operation.CHANNELS_ENABLE, f -> channels.enable(f.domain(), f.channel()));
        on(Operation.CHANNELS_DISABLE, f -> channels.disable(f.domain(), f.channel()));
        on(Operation.CHANNELS_DELETE, f -> channels.delete(f.domain(), f.channel()));
        on(Operation.CHANNELS_SET_PARENT_GROUP, f -> channels.setParentGroup(f.domain(), f.channel(), f.otherGroup()));
        on(Operation.CHANNELS_REMOVE_PARENT_GROUP, f -> channels.removeParentGroup(f.domain(), f.channel()));
        on(Operation.CHANNELS_CONNECT_CLIENT, f -> channels.connectClient(f.domain(), f.channel(), f.client()));
        on(Operation.CHANNELS_DISCONNECT_CLIENT, f -> channels.disconnectClient(f.domain(), f.channel(), f.client()));

        on(Operation.GROUPS_VIEW, f -> groups.view(f.domain(), f.group()));
        on(Operation.GROUPS_UPDATE, f -> groups.update(f.domain(), f.group(), "renamed group", "new description"));
        on(Operation.GROUPS_UPDATE_TAGS, f -> groups.updateTags(f.domain(), f.group(), tags));
        on(Operation.GROUPS_ENABLE, f -> groups.enable(f.domain(), f.group()));
        on(Operation.GROUPS_DISABLE, f -> groups.disable(f.domain(), f.group()));
        on(Operation.GROUPS_DELETE, f -> groups.delete(f.domain(), f.group()));
        on(Operation.GROUPS_RETRIEVE_GROUP_HIERARCHY, f -> groups.retrieveGroupHierarchy(f.domain(), f.group(), 3));
        on(Operation.GROUPS_ADD_PARENT_GROUP, f -> groups.addParentGroup(f.domain(), f.group(), f.otherGroup()));
        on(Operation.GROUPS_REMOVE_PARENT_GROUP, f -> groups.removeParentGroup(f.domain(), f.childGroup()));
        on(
                Operation.GROUPS_ADD_CHILDREN_GROUPS,
                f -> groups.addChildrenGroups(f.domain(), f.group(), List.of(f.otherGroup())));
        on(
                Operation.GROUPS_REMOVE_CHILDREN_GROUPS,
                f -> groups.removeChildrenGroups(f.domain(), f.group(), List.of(f.childGroup())));
        on(Operation.GROUPS_REMOVE_ALL_CHILDREN_GROUPS, f -> groups.removeAllChildrenGroups(f.domain(), f.group()));
        on(Operation.GROUPS_LIST_CHILDREN_GROUPS, f -> groups.listChildrenGroups(f.domain(), f.group(), page));
        on(Operation.GROUPS_SET_CHILD_CLIENT, f -> groups.setChildClient(f.domain(), f.otherGroup(), f.client()));
        on(Operation.GROUPS_REMOVE_CHILD_CLIENT, f -> groups.removeChildClient(f.domain(), f.group(), f.client()));
        on(Operation.GROUPS_SET_CHILD_CHANNEL, f -> groups.setChildChannel(f.domain(), f.otherGroup(), f.channel()));
        on(Operation.GROUPS_REMOVE_CHILD_CHANNEL, f -> groups.removeChildChannel(f.domain(), f.group(), f.channel()));

        on(
                Operation.DOMAINS_CREATE,
                f -> domains.create(new DomainRequest("Created", TestDomains.uniqueRoute("created"), List.of())));
        on(
                Operation.DOMAINS_UPDATE,
                f -> domains.update(
                        f.domain(), new DomainRequest("Updated", TestDomains.uniqueRoute("updated"), tags)));
        on(Operation.DOMAINS_READ, f -> domains.read(f.domain()));
        on(Operation.DOMAINS_ENABLE, f -> domains.enable(f.domain()));
        on(Operation.DOMAINS_DISABLE, f -> domains.disable(f.domain()));
        on(Operation.DOMAINS_LIST, f -> domains.list(page));
        on(
                Operation.DOMAINS_SEND_INVITATION,
                f -> invitations.sendInvitation(f.domain(), secondInvitee.username(), DomainRole.EDITOR));
        on(Operation.DOMAINS_LIST_INVITATION, f -> invitations.listInvitation(0, 10));
        on(Operation.DOMAINS_LIST_DOMAIN_INVITATION, f -> invitations.listDomainInvitation(f.domain(), 0, 10));
        on(Operation.DOMAINS_DELETE_INVITATION, f -> invitations.deleteInvitation(f.domain(), f.invitation()));
        on(Operation.DOMAINS_CREATE_CLIENTS, f -> clients.create(f.domain(), new ClientRequest("new client", tags)));
        on(Operation.DOMAINS_LIST_CLIENTS, f -> clients.list(f.domain(), page));
        on(
                Operation.DOMAINS_CREATE_CHANNELS,
                f -> channels.create(f.domain(), new ChannelRequest("new channel", tags)));
        on(Operation.DOMAINS_LIST_CHANNELS, f -> channels.list(f.domain(), page));
        on(
                Operation.DOMAINS_CREATE_GROUPS,
                f -> groups.create(f.domain(), new GroupRequest("new group", "", tags, null)));
        on(Operation.DOMAINS_LIST_GROUPS, f -> groups.list(f.domain(), page));
    }

    private void on(Operation op, Consumer<Fixture> invocation) {
        invocations.put(op, invocation);
    }

    @AfterEach
    void signOut() {
        testUsers.signOut();
    }

    @Test
    void everyOperationOfTheCatalogueHasAnInvocationInThisMatrix() {
        assertThat(invocations.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Operation.class));
    }

    Stream<Arguments> cases() {
        return Arrays.stream(Operation.values())
                .flatMap(op -> Arrays.stream(Caller.values()).map(caller -> Arguments.of(op, caller)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cases")
    void theRoleRuleDecidesEveryOperationForEveryCaller(Operation op, Caller caller) {
        Fixture fixture = fixture();
        Consumer<Fixture> invocation = invocations.get(op);
        assertThat(invocation).as("invocation of " + op).isNotNull();
        testUsers.signIn(callers.get(caller));

        switch (expected(op, caller)) {
            case "allowed" -> assertThatCode(() -> invocation.accept(fixture)).doesNotThrowAnyException();
            case "forbidden" ->
                assertThatThrownBy(() -> invocation.accept(fixture)).isInstanceOf(Forbidden.class);
            default ->
                assertThatThrownBy(() -> invocation.accept(fixture))
                        .isInstanceOf(NotFound.class)
                        .hasMessage("Domain not found");
        }
    }

    /** The rule of issue 3, written from the catalogue's own data. */
    private static String expected(Operation op, Caller caller) {
        if (caller == Caller.PLATFORM_ADMIN) {
            return "allowed";
        }
        if (!op.isDomainBound()) {
            return op.isPlatformAdminOnly() ? "forbidden" : "allowed";
        }
        if (caller == Caller.NON_MEMBER) {
            return "notFound";
        }
        return DomainRole.valueOf(caller.name()).atLeast(op.minimumRole()) ? "allowed" : "forbidden";
    }

    private Fixture fixture() {
        long domain = testDomains.create(owner, "Matrix").id();
        testDomains.addMember(domain, callers.get(Caller.ADMIN), DomainRole.ADMIN);
        testDomains.addMember(domain, callers.get(Caller.EDITOR), DomainRole.EDITOR);
        testDomains.addMember(domain, callers.get(Caller.VIEWER), DomainRole.VIEWER);
        long group = groups.create(domain, new GroupRequest("group", "", List.of(), null))
                .id();
        long child = groups.create(domain, new GroupRequest("child", "", List.of(), group))
                .id();
        long other = groups.create(domain, new GroupRequest("other", "", List.of(), null))
                .id();
        long client = clients.create(domain, new ClientRequest("client", List.of()))
                .client()
                .id();
        long channel = channels.create(domain, new ChannelRequest("channel", List.of()))
                .id();
        clients.setParentGroup(domain, client, group);
        channels.setParentGroup(domain, channel, group);
        clients.connectToChannel(domain, client, channel);
        long invitation = invitations
                .sendInvitation(domain, invitee.id(), DomainRole.VIEWER)
                .id();
        testUsers.signOut();
        return new Fixture(domain, group, child, other, client, channel, invitation);
    }

    @Test
    void everyPublicServiceMethodRefusesCallersWhoAreNotSignedIn() throws Exception {
        int checked = 0;
        for (Object service : List.of(domains, members, groups, clients, channels)) {
            for (Method method : AopUtils.getTargetClass(service).getMethods()) {
                if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                Object[] args = Arrays.stream(method.getParameterTypes())
                        .map(RoleMatrixTest::dummy)
                        .toArray();
                try {
                    method.invoke(service, args);
                    throw new AssertionError(method + " ran without a signed-in user");
                } catch (InvocationTargetException e) {
                    assertThat(e.getCause())
                            .as(method.toString())
                            .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(Operation.values().length);
    }

    private static Object dummy(Class<?> type) {
        if (type == long.class) {
            return 1L;
        }
        if (type == int.class) {
            return 1;
        }
        return null;
    }
}
