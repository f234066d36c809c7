package dev.scopekeeper.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Membership needs consent and accepting never harms a domain: a domain admin brings a new user in by an
 * invitation the user accepts (platform administrators still add directly), cannot probe ids for users they
 * cannot see, and a stale invitation never lowers a member's role nor takes away the last admin.
 */
@ScopekeeperTest
class MembershipConsentTest {

    @Autowired
    DomainService domains;

    @Autowired
    InvitationService invitations;

    @Autowired
    MemberService members;

    @Autowired
    TestUsers users;

    @Autowired
    TestDomains testDomains;

    UserProfile root;
    UserProfile dana;
    long domain;

    @BeforeEach
    void danaAdministersADomain() {
        root = users.create("root", PlatformRole.ADMIN);
        dana = users.create("dana", PlatformRole.USER);
        domain = testDomains.create(root, "Consent").id();
        members.addMember(domain, dana.id(), DomainRole.ADMIN);
    }

    @AfterEach
    void signOut() {
        users.signOut();
    }

    private long memberCount() {
        return testDomains.as(root, () -> members.listMembers(domain, 0, 100).total());
    }

    @Test
    void aStaleInvitationNeverLowersARoleNorRemovesTheLastAdmin() {
        UserProfile eve = users.create("eve", PlatformRole.USER);
        users.signIn(root);
        InvitationView stale = invitations.sendInvitation(domain, eve.username(), DomainRole.VIEWER);
        members.addMember(domain, eve.id(), DomainRole.ADMIN);
        members.removeMember(domain, dana.id());
        members.removeMember(domain, root.id());
        users.signIn(eve);
        assertThat(members.listMembers(domain, 0, 10).items()).singleElement().satisfies(m -> assertThat(m.role())
                .isEqualTo(DomainRole.ADMIN));

        assertThatThrownBy(() -> invitations.acceptInvitation(stale.id()))
                .isInstanceOf(Conflict.class)
                .hasMessage("You are already admin in this domain; accepting this invitation would lower your role"
                        + " to viewer. Reject it, or ask a domain admin to change your role.");

        assertThat(members.listMembers(domain, 0, 10).items()).singleElement().satisfies(m -> assertThat(m.role())
                .isEqualTo(DomainRole.ADMIN));
        assertThat(invitations.listReceivedInvitations(0, 10).items())
                .extracting(InvitationView::id)
                .containsExactly(stale.id());
        assertThat(invitations.rejectInvitation(stale.id()).state()).isEqualTo(InvitationState.REJECTED);
    }

    @Test
    void acceptingAHigherRoleRaisesItAndAnEqualOneChangesNothing() {
        UserProfile finn = users.create("finn", PlatformRole.USER);
        users.signIn(root);
        InvitationView toAdmin = invitations.sendInvitation(domain, finn.username(), DomainRole.ADMIN);
        long other = testDomains.create(root, "Other").id();
        InvitationView toEditor = invitations.sendInvitation(other, finn.username(), DomainRole.EDITOR);
        members.addMember(domain, finn.id(), DomainRole.EDITOR);
        members.addMember(other, finn.id(), DomainRole.EDITOR);

        users.signIn(finn);
        assertThat(invitations.acceptInvitation(toAdmin.id()).state()).isEqualTo(InvitationState.ACCEPTED);
        assertThat(domains.read(domain).myRole()).isEqualTo(DomainRole.ADMIN);
        assertThat(invitations.acceptInvitation(toEditor.id()).state()).isEqualTo(InvitationState.ACCEPTED);
        assertThat(domains.read(other).myRole()).isEqualTo(DomainRole.EDITOR);
    }

    @Test
    void aDomainAdminInvitesANewUserWhoJoinsOnlyByAccepting() {
        UserProfile gus = users.create("gus", PlatformRole.USER);
        users.signIn(dana);

        MemberAddition added = members.addMember(domain, gus.username(), DomainRole.EDITOR);

        assertThat(added.invited()).isTrue();
        assertThat(added.invitation().inviteeId()).isEqualTo(gus.id());
        assertThat(added.invitation().state()).isEqualTo(InvitationState.PENDING);
        assertThat(memberCount()).as("not a member before accepting").isEqualTo(2);
        users.signIn(gus);
        invitations.acceptInvitation(added.invitation().id());
        assertThat(domains.read(domain).myRole()).isEqualTo(DomainRole.EDITOR);

        users.signIn(dana);
        MemberAddition changed = members.addMember(domain, gus.id(), DomainRole.VIEWER);
        assertThat(changed.invited()).as("a member's role changes directly").isFalse();
        assertThat(changed.member().role()).isEqualTo(DomainRole.VIEWER);
    }

    @Test
    void aDomainAdminCannotTellAnUnknownIdFromAUserTheyCannotSee() {
        UserProfile stranger = users.create("stranger", PlatformRole.USER);
        users.signIn(dana);

        InvalidInput unknown = catchInvalid(() -> members.addMember(domain, Long.MAX_VALUE, DomainRole.VIEWER));
        InvalidInput foreign = catchInvalid(() -> members.addMember(domain, stranger.id(), DomainRole.VIEWER));
        InvalidInput unknownInvite =
                catchInvalid(() -> invitations.sendInvitation(domain, Long.MAX_VALUE, DomainRole.VIEWER));
        InvalidInput foreignInvite =
                catchInvalid(() -> invitations.sendInvitation(domain, stranger.id(), DomainRole.VIEWER));

        assertThat(foreign.getMessage()).isEqualTo(unknown.getMessage()).isEqualTo("No such user");
        assertThat(foreign.field()).isEqualTo(unknown.field());
        assertThat(foreignInvite.getMessage()).isEqualTo(unknownInvite.getMessage());
        assertThat(foreignInvite.field()).isEqualTo(unknownInvite.field());
        assertThat(memberCount()).isEqualTo(2);
    }

    @Test
    void aCoMemberIsInvitedByIdAndAPlatformAdministratorAddsDirectly() {
        UserProfile hana = users.create("hana", PlatformRole.USER);
        long shared = testDomains.create(root, "Shared").id();
        members.addMember(shared, dana.id(), DomainRole.VIEWER);
        members.addMember(shared, hana.id(), DomainRole.VIEWER);

        users.signIn(dana);
        assertThat(members.addMember(domain, hana.id(), DomainRole.VIEWER).invited())
                .isTrue();

        UserProfile ivan = users.create("ivan", PlatformRole.USER);
        users.signIn(root);
        MemberAddition direct = members.addMember(domain, ivan.id(), DomainRole.VIEWER);
        assertThat(direct.invited()).isFalse();
        assertThat(direct.member().userId()).isEqualTo(ivan.id());
    }

    private static InvalidInput catchInvalid(Runnable action) {
        try {
            action.run();
        } catch (InvalidInput e) {
            return e;
        }
        throw new AssertionError("expected an InvalidInput");
    }
}
