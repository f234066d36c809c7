package dev.scopekeeper.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.domains.MemberService;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.pat.DomainTokenService;
import dev.scopekeeper.pat.IssuedPat;
import dev.scopekeeper.pat.PatAdministrationService;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.ScopeRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Security notices to the owner, received by GreenMail: created for you, revoked by others, access removed. */
@ApiTest
class SecurityNoticeTest {

    @Autowired
    PatService pats;

    @Autowired
    PatAdministrationService administration;

    @Autowired
    DomainTokenService domainTokens;

    @Autowired
    NotificationService notifications;

    @Autowired
    MemberService members;

    @Autowired
    TestUsers users;

    @Autowired
    TestDomains domains;

    UserProfile admin;
    UserProfile bob;

    @BeforeEach
    void anAdministratorAndBob() {
        admin = users.create("noticeadmin", PlatformRole.ADMIN);
        bob = users.create("noticebob", PlatformRole.USER);
    }

    @AfterEach
    void signOut() {
        users.signOut();
    }

    @Test
    void bobIsToldWhenAnAdministratorMintsAndThenRevokesATokenForHim() {
        users.signIn(bob);
        notifications.setExpiryMails(false); // security notices cannot be turned off
        users.signIn(admin);
        IssuedPat issued = pats.create(new CreatePatRequest("ci", "", PatDuration.days(30), bob.id(), List.of()));

        List<MimeMessage> created = TestMail.await(bob.email(), 1);
        assertThat(Mails.subjects(created)).containsExactly("A token \"ci\" was created for you");
        assertThat(Mails.text(created.getFirst()))
                .contains(
                        "The administrator " + admin.username(),
                        "https://scopekeeper.test.example/pats/" + issued.pat().id())
                .doesNotContain(issued.secret());
        assertThat(Mails.html(created.getFirst())).doesNotContain(issued.secret());

        administration.revoke(issued.pat().id(), "contractor left");

        List<MimeMessage> both = TestMail.await(bob.email(), 2);
        assertThat(Mails.subjects(both))
                .containsExactly("A token \"ci\" was created for you", "Your token \"ci\" was revoked");
        assertThat(Mails.text(both.get(1))).contains("revoked by " + admin.username(), "Reason: contractor left");
        assertThat(TestMail.to(admin.email())).isEmpty();
    }

    @Test
    void aBulkRevocationByAnAdministratorTellsEachOwner() {
        users.signIn(bob);
        long id = pats.create(new CreatePatRequest("bulk", "", PatDuration.days(30), null, List.of()))
                .pat()
                .id();
        users.signIn(admin);

        administration.revokeAll(List.of(id));

        List<MimeMessage> mails = TestMail.await(bob.email(), 1);
        assertThat(Mails.subjects(mails)).containsExactly("Your token \"bulk\" was revoked");
        assertThat(Mails.text(mails.getFirst())).contains("revoked by an administrator");
    }

    @Test
    void anOwnerRevokingTheirOwnTokenGetsNoMail() throws InterruptedException {
        users.signIn(bob);
        long id = pats.create(new CreatePatRequest("mine", "", PatDuration.days(30), null, List.of()))
                .pat()
                .id();
        pats.revoke(id);
        Thread.sleep(300);
        assertThat(TestMail.to(bob.email())).isEmpty();
    }

    @Test
    void aDomainAdminRemovingTheTokensAccessTellsTheOwner() {
        long shop = domains.domain("Shop");
        long lab = domains.domain("Lab");
        UserProfile carol = users.create("noticecarol", PlatformRole.USER);
        domains.member(shop, bob, DomainRole.EDITOR);
        domains.member(lab, bob, DomainRole.EDITOR);
        domains.member(shop, carol, DomainRole.ADMIN);
        users.signIn(bob);
        long id = pats.create(new CreatePatRequest(
                        "two domains",
                        "",
                        PatDuration.days(30),
                        null,
                        List.of(
                                new ScopeRequest(shop, "clients", "view", "*"),
                                new ScopeRequest(lab, "clients", "view", "*"))))
                .pat()
                .id();

        users.signIn(carol);
        domainTokens.revokeDomainAccess(shop, id);

        List<MimeMessage> mails = TestMail.await(bob.email(), 1);
        assertThat(Mails.subjects(mails)).containsExactly("Your token \"two domains\" lost access to a domain");
        assertThat(Mails.text(mails.getFirst())).contains(carol.username() + " removed the access");
    }

    @Test
    void aDomainAdminRemovingTheOwnerFromTheDomainTellsTheOwnerWhichTokensLostAccess() {
        long shop = domains.domain("Shop");
        domains.member(shop, bob, DomainRole.EDITOR);
        users.signIn(bob);
        long withScope = pats.create(new CreatePatRequest(
                        "shop reader",
                        "",
                        PatDuration.days(30),
                        null,
                        List.of(new ScopeRequest(shop, "clients", "view", "*"))))
                .pat()
                .id();
        pats.create(new CreatePatRequest("elsewhere", "", PatDuration.days(30), null, List.of()));
        users.signOut();

        domains.removeMember(shop, bob);

        List<MimeMessage> mails = TestMail.await(bob.email(), 1);
        assertThat(Mails.subjects(mails)).containsExactly("Your token \"shop reader\" lost access to a domain");
        assertThat(Mails.text(mails.getFirst()))
                .contains(
                        domains.adminOf(shop).username() + " removed the access",
                        "Reason: its owner is no longer a member of domain ",
                        "https://scopekeeper.test.example/pats/" + withScope);
        users.signIn(bob);
        assertThat(pats.get(withScope).scopes()).isEmpty();
    }

    @Test
    void aDomainAdminLeavingTheDomainThemselvesGetsNoMail() throws InterruptedException {
        long shop = domains.domain("Shop");
        domains.member(shop, bob, DomainRole.ADMIN); // the domain keeps its first admin
        users.signIn(bob);
        pats.create(new CreatePatRequest(
                "mine in shop",
                "",
                PatDuration.days(30),
                null,
                List.of(new ScopeRequest(shop, "clients", "view", "*"))));
        users.signOut();

        domains.as(bob, () -> {
            members.removeMember(shop, bob.id());
            return null;
        });

        Thread.sleep(300);
        assertThat(TestMail.to(bob.email())).isEmpty();
    }
}
