package dev.scopekeeper.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.authz.DomainAccess;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.domains.DomainService.DomainRequest;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.ClientService.ClientRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

@ScopekeeperTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainServiceTest {

    @Autowired
    DomainService domains;

    @Autowired
    InvitationService invitations;

    @Autowired
    CurrentDomainService current;

    @Autowired
    MemberService members;

    @Autowired
    ClientService clients;

    @Autowired
    DomainAccess access;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestDomains testDomains;

    UserProfile admin;
    UserProfile alice;
    UserProfile bob;

    @BeforeAll
    void users() {
        admin = testUsers.create("platform", PlatformRole.ADMIN);
        alice = testUsers.create("alice", PlatformRole.USER);
        bob = testUsers.create("bob", PlatformRole.USER);
    }

    @AfterEach
    void signOut() {
        testUsers.signOut();
    }

    @Test
    void aPlatformAdministratorCreatesADomainAndBecomesItsAdmin() {
        testUsers.signIn(admin);
        String route = TestDomains.uniqueRoute("acme");

        DomainView created = domains.create(new DomainRequest("  Acme  ", route, List.of("prod", " eu ", "prod")));

        assertThat(created.name()).isEqualTo("Acme");
        assertThat(created.route()).isEqualTo(route);
        assertThat(created.tags()).containsExactly("prod", "eu");
        assertThat(created.status()).isEqualTo(Status.ENABLED);
        assertThat(created.createdBy()).isEqualTo(admin.id());
        assertThat(created.myRole()).isEqualTo(DomainRole.ADMIN);
        assertThat(members.listMembers(created.id(), 0, 10).items())
                .containsExactly(new MemberView(admin.id(), admin.username(), admin.displayName(), DomainRole.ADMIN));
        assertThat(domains.read(created.id())).isEqualTo(created);
    }

    @Test
    void onlyPlatformAdministratorsCreateDomains() {
        testUsers.signIn(alice);

        assertThatThrownBy(() -> domains.create(new DomainRequest("Mine", TestDomains.uniqueRoute("mine"), null)))
                .isInstanceOf(Forbidden.class)
                .hasMessage("Only administrators may do domains create");
    }

    @Test
    void aRouteBelongsToOneDomainOnly() {
        DomainView first = testDomains.create(admin, "First");
        DomainView second = testDomains.create(admin, "Second");

        assertThatThrownBy(() -> domains.create(new DomainRequest("Copy", first.route(), null)))
                .isInstanceOfSatisfying(
                        Conflict.class, e -> assertThat(e.field()).isEqualTo("route"));
        assertThatThrownBy(() -> domains.update(second.id(), new DomainRequest("Second", first.route(), null)))
                .isInstanceOf(Conflict.class)
                .hasMessage("The route \"" + first.route() + "\" is already used by another domain");
        assertThat(domains.update(first.id(), new DomainRequest("First again", first.route(), null))
                        .name())
                .isEqualTo("First again");
    }

    @Test
    void badInputIsRefusedWithTheFieldAtFault() {
        testUsers.signIn(admin);
        String route = TestDomains.uniqueRoute("ok");

        assertInvalid(new DomainRequest(" ", route, null), "name");
        assertInvalid(new DomainRequest("x".repeat(101), route, null), "name");
        assertInvalid(new DomainRequest("Name", "", null), "route");
        assertInvalid(new DomainRequest("Name", "Upper Case", null), "route");
        assertInvalid(new DomainRequest("Name", route, List.of("a,b")), "tags");
        assertInvalid(new DomainRequest("Name", route, List.of("t".repeat(65))), "tags");
        assertInvalid(new DomainRequest("Name", route, List.of("")), "tags");
        assertInvalid(
                new DomainRequest(
                        "Name",
                        route,
                        IntStream.range(0, 21).mapToObj(i -> "tag" + i).toList()),
                "tags");
        assertThat(domains.create(new DomainRequest(
                                "x".repeat(100),
                                route,
                                IntStream.range(0, 20)
                                        .mapToObj(i -> "t".repeat(63) + (char) ('a' + i))
                                        .toList()))
                        .tags())
                .hasSize(20);
    }

    private void assertInvalid(DomainRequest request, String field) {
        assertThatThrownBy(() -> domains.create(request))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void aDisabledDomainIsReadOnlyUntilEnabledAgain() {
        DomainView domain = testDomains.create(admin, "Sleepy");
        clients.create(domain.id(), new ClientRequest("before", null));

        assertThat(domains.disable(domain.id()).status()).isEqualTo(Status.DISABLED);

        assertThatThrownBy(() -> clients.create(domain.id(), new ClientRequest("during", null)))
                .isInstanceOf(Conflict.class)
                .hasMessage("This domain is disabled; enable it before making changes");
        assertThatThrownBy(() -> domains.update(domain.id(), new DomainRequest("Awake", domain.route(), null)))
                .isInstanceOf(InvalidInput.class);
        assertThat(domains.read(domain.id()).status()).isEqualTo(Status.DISABLED);
        assertThat(clients.list(domain.id(), ListQuery.firstPage()).total()).isEqualTo(1);

        assertThat(domains.enable(domain.id()).status()).isEqualTo(Status.ENABLED);
        assertThat(clients.create(domain.id(), new ClientRequest("after", null))
                        .client()
                        .name())
                .isEqualTo("after");
    }

    @Test
    void outsidersGetNotFoundForExistingAndMissingDomainsAlike() {
        DomainView domain = testDomains.create(admin, "Secret");
        testUsers.signIn(bob);

        assertThatThrownBy(() -> domains.read(domain.id()))
                .isInstanceOf(NotFound.class)
                .hasMessage("Domain not found");
        assertThatThrownBy(() -> domains.disable(domain.id()))
                .isInstanceOf(NotFound.class)
                .hasMessage("Domain not found");
        assertThatThrownBy(() -> domains.read(Long.MAX_VALUE))
                .isInstanceOf(NotFound.class)
                .hasMessage("Domain not found");
    }

    @Test
    void theListShowsMyDomainsFilteredAndPaged() {
        String marker = TestDomains.uniqueRoute("list");
        UserProfile carol = testUsers.create("carol", PlatformRole.USER);
        DomainView red = testDomains.create(admin, marker + " red");
        domains.update(red.id(), new DomainRequest(red.name(), red.route(), List.of("warm")));
        DomainView blue = testDomains.create(admin, marker + " blue");
        DomainView notMine = testDomains.create(admin, marker + " green");
        testDomains.addMember(red.id(), carol, DomainRole.VIEWER);
        testDomains.addMember(blue.id(), carol, DomainRole.EDITOR);
        domains.disable(blue.id());
        testUsers.signIn(carol);

        ListResult all = new ListResult(domains.list(ListQuery.firstPage()));
        assertThat(all.names()).containsExactly(marker + " blue", marker + " red");
        assertThat(domains.list(ListQuery.firstPage()).items())
                .extracting(DomainView::myRole)
                .containsExactly(DomainRole.EDITOR, DomainRole.VIEWER);
        assertThat(new ListResult(domains.list(ListQuery.firstPage().withTag("warm"))).names())
                .containsExactly(marker + " red");
        assertThat(new ListResult(domains.list(ListQuery.firstPage().withStatus(Status.DISABLED))).names())
                .containsExactly(marker + " blue");
        assertThat(new ListResult(domains.list(ListQuery.firstPage().withName("RED"))).names())
                .containsExactly(marker + " red");
        var secondPage = domains.list(ListQuery.page(1, 1));
        assertThat(secondPage.total()).isEqualTo(2);
        assertThat(secondPage.items()).extracting(DomainView::name).containsExactly(marker + " red");
        assertThatThrownBy(() -> domains.list(ListQuery.page(0, 101)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> domains.list(ListQuery.page(-1, 10)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("offset"));

        testUsers.signIn(admin);
        assertThat(new ListResult(domains.list(ListQuery.firstPage().withName(marker))).names())
                .contains(notMine.name())
                .hasSize(3);
    }

    private record ListResult(List<String> names) {
        ListResult(dev.scopekeeper.base.ListResult<DomainView> result) {
            this(result.items().stream().map(DomainView::name).toList());
        }
    }

    @Test
    void anInvitedUserAcceptsAndBecomesAMemberWithTheInvitedRole() {
        DomainView domain = testDomains.create(admin, "Inviting");
        UserProfile dave = testUsers.create("dave", PlatformRole.USER);

        InvitationView sent = invitations.sendInvitation(domain.id(), dave.username(), DomainRole.EDITOR);

        assertThat(sent.state()).isEqualTo(InvitationState.PENDING);
        assertThat(sent.inviteeUsername()).isEqualTo(dave.username());
        assertThat(sent.domainName()).isEqualTo("Inviting");
        assertThat(invitations.listDomainInvitation(domain.id(), 0, 10).items()).containsExactly(sent);
        assertThat(invitations.listInvitation(0, 100).items()).contains(sent);
        assertThatThrownBy(() -> invitations.sendInvitation(domain.id(), dave.id(), DomainRole.VIEWER))
                .isInstanceOf(Conflict.class)
                .hasMessage("This user already has a pending invitation to the domain");

        testUsers.signIn(bob);
        assertThatThrownBy(() -> invitations.acceptInvitation(sent.id())).isInstanceOf(NotFound.class);

        testUsers.signIn(dave);
        assertThat(invitations.listReceivedInvitations(0, 10).items()).containsExactly(sent);
        assertThatThrownBy(() -> domains.read(domain.id())).isInstanceOf(NotFound.class);
        InvitationView accepted = invitations.acceptInvitation(sent.id());

        assertThat(accepted.state()).isEqualTo(InvitationState.ACCEPTED);
        assertThat(domains.read(domain.id()).myRole()).isEqualTo(DomainRole.EDITOR);
        assertThat(invitations.listReceivedInvitations(0, 10).items()).isEmpty();
        assertThatThrownBy(() -> invitations.rejectInvitation(sent.id()))
                .isInstanceOf(Conflict.class)
                .hasMessage("This invitation has already been answered");

        testUsers.signIn(admin);
        assertThatThrownBy(() -> invitations.sendInvitation(domain.id(), dave.id(), DomainRole.ADMIN))
                .isInstanceOf(Conflict.class)
                .hasMessage("This user is already a member of the domain");
    }

    @Test
    void aRejectedOrDeletedInvitationGrantsNothing() {
        DomainView domain = testDomains.create(admin, "Rejected");
        UserProfile erin = testUsers.create("erin", PlatformRole.USER);
        InvitationView first = invitations.sendInvitation(domain.id(), erin.id(), DomainRole.ADMIN);

        testUsers.signIn(erin);
        assertThat(invitations.rejectInvitation(first.id()).state()).isEqualTo(InvitationState.REJECTED);
        assertThat(access.roleOf(erin.id(), domain.id())).isEmpty();

        testUsers.signIn(admin);
        InvitationView second = invitations.sendInvitation(domain.id(), erin.id(), DomainRole.VIEWER);
        invitations.deleteInvitation(domain.id(), second.id());
        assertThat(invitations.listDomainInvitation(domain.id(), 0, 10).items())
                .extracting(InvitationView::id)
                .containsExactly(first.id());
        assertThatThrownBy(() -> invitations.deleteInvitation(domain.id(), second.id()))
                .isInstanceOf(NotFound.class);

        testUsers.signIn(erin);
        assertThatThrownBy(() -> invitations.acceptInvitation(second.id())).isInstanceOf(NotFound.class);
        assertThat(access.roleOf(erin.id(), domain.id())).isEmpty();
    }

    @Test
    void invitationsNeedAnExistingUserAndARole() {
        DomainView domain = testDomains.create(admin, "Nobody");

        assertThatThrownBy(() -> invitations.sendInvitation(domain.id(), "no-such-user", DomainRole.VIEWER))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("invitee"));
        assertThatThrownBy(() -> invitations.sendInvitation(domain.id(), Long.MAX_VALUE, DomainRole.VIEWER))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("invitee"));
        assertThatThrownBy(() -> invitations.sendInvitation(domain.id(), bob.id(), null))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("role"));
    }

    @Test
    void domainAdminsAddMembersChangeTheirRoleAndRemoveThem() {
        DomainView domain = testDomains.create(admin, "Team");
        UserProfile frank = testUsers.create("frank", PlatformRole.USER);

        assertThat(members.addMember(domain.id(), frank.id(), DomainRole.VIEWER)
                        .member()
                        .role())
                .isEqualTo(DomainRole.VIEWER);
        assertThat(members.addMember(domain.id(), frank.id(), DomainRole.ADMIN)
                        .member()
                        .role())
                .isEqualTo(DomainRole.ADMIN);
        assertThat(members.listMembers(domain.id(), 0, 10).total()).isEqualTo(2);

        testUsers.signIn(frank);
        members.removeMember(domain.id(), admin.id());
        assertThatThrownBy(() -> members.removeMember(domain.id(), frank.id()))
                .isInstanceOf(Conflict.class)
                .hasMessage("A domain needs at least one admin; make someone else admin first");
        assertThatThrownBy(() -> members.addMember(domain.id(), frank.id(), DomainRole.EDITOR))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> members.addMember(domain.id(), Long.MAX_VALUE, DomainRole.EDITOR))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("userId"));
        assertThatThrownBy(() -> members.removeMember(domain.id(), bob.id())).isInstanceOf(NotFound.class);
    }

    @Test
    void membersCanBeAddedByTheUsernamePeopleKnow() {
        DomainView domain = testDomains.create(admin, "By name");
        UserProfile gina = testUsers.create("gina", PlatformRole.USER);

        assertThat(members.addMember(domain.id(), " " + gina.username() + " ", DomainRole.EDITOR)
                        .member()
                        .userId())
                .isEqualTo(gina.id());
        assertThatThrownBy(() -> members.addMember(domain.id(), "no-such-person", DomainRole.EDITOR))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("username"))
                .hasMessage("No such user");
        testUsers.signIn(gina);
        assertThatThrownBy(() -> members.addMember(domain.id(), gina.username(), DomainRole.ADMIN))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void aRemovedOrDemotedMemberLosesAccessOnTheNextCall() {
        DomainView domain = testDomains.create(admin, "Revocable");
        UserProfile gina = testUsers.create("gina", PlatformRole.USER);
        testDomains.addMember(domain.id(), gina, DomainRole.EDITOR);
        testUsers.signIn(gina);
        clients.create(domain.id(), new ClientRequest("by gina", null));

        testUsers.signIn(admin);
        members.addMember(domain.id(), gina.id(), DomainRole.VIEWER);
        testUsers.signIn(gina);
        assertThatThrownBy(() -> clients.create(domain.id(), new ClientRequest("again", null)))
                .isInstanceOf(Forbidden.class);

        testUsers.signIn(admin);
        members.removeMember(domain.id(), gina.id());
        testUsers.signIn(gina);
        assertThatThrownBy(() -> domains.read(domain.id())).isInstanceOf(NotFound.class);
        assertThat(access.roleOf(gina.id(), domain.id())).isEmpty();
    }

    @Test
    void roleOfCountsPlatformAdminsAsAdminsAndDisabledAccountsAsNothing() {
        DomainView domain = testDomains.create(admin, "Roles");
        UserProfile hank = testUsers.create("hank", PlatformRole.USER);
        UserProfile otherAdmin = testUsers.create("other-admin", PlatformRole.ADMIN);
        testDomains.addMember(domain.id(), hank, DomainRole.EDITOR);

        assertThat(access.roleOf(hank.id(), domain.id())).contains(DomainRole.EDITOR);
        assertThat(access.roleOf(otherAdmin.id(), domain.id())).contains(DomainRole.ADMIN);
        assertThat(access.roleOf(bob.id(), domain.id())).isEmpty();
        assertThat(access.roleOf(hank.id(), Long.MAX_VALUE)).isEmpty();

        testUsers.setEnabled(hank.id(), false);
        assertThat(access.roleOf(hank.id(), domain.id())).isEmpty();
    }

    @Test
    void theCurrentDomainIsRememberedAndFallsBackWhenAccessEnds() {
        UserProfile ivy = testUsers.create("ivy", PlatformRole.USER);
        testUsers.signIn(ivy);
        assertThat(current.currentDomain()).isEmpty();

        DomainView alpha = testDomains.create(admin, "Alpha " + ivy.username());
        DomainView beta = testDomains.create(admin, "Beta " + ivy.username());
        testDomains.addMember(alpha.id(), ivy, DomainRole.VIEWER);
        testDomains.addMember(beta.id(), ivy, DomainRole.VIEWER);
        DomainView outside = testDomains.create(admin, "Outside");

        testUsers.signIn(ivy);
        assertThat(current.currentDomain()).map(DomainView::id).contains(alpha.id());
        assertThat(current.switchDomain(beta.id()).id()).isEqualTo(beta.id());
        assertThat(current.currentDomain()).map(DomainView::id).contains(beta.id());
        assertThatThrownBy(() -> current.switchDomain(outside.id())).isInstanceOf(NotFound.class);

        testUsers.signIn(admin);
        members.removeMember(beta.id(), ivy.id());
        testUsers.signIn(ivy);
        assertThat(current.currentDomain()).map(DomainView::id).contains(alpha.id());
    }
}
