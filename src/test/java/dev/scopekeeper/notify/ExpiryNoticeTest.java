package dev.scopekeeper.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.MutableClock;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.pat.IssuedPat;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatExpiries;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserDirectory;
import dev.scopekeeper.security.UserProfile;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Expiry warnings by mail, received by a real SMTP server (GreenMail): one per threshold, exactly once. */
@ApiTest
class ExpiryNoticeTest {

    @Autowired
    PatService pats;

    @Autowired
    NotificationService notifications;

    @Autowired
    TestUsers users;

    @Autowired
    MutableClock clock;

    @Autowired
    ExpiryNotifier notifier;

    @Autowired
    PatExpiries expiries;

    @Autowired
    UserDirectory directory;

    @Autowired
    NotifyPreferenceRepository preferences;

    @Autowired
    Mailer mailer;

    @Autowired
    MailComposer composer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void reset() {
        clock.reset();
        users.signOut();
    }

    private IssuedPat create(UserProfile as, String name, int days, Long forUser) {
        users.signIn(as);
        return pats.create(new CreatePatRequest(name, "", PatDuration.days(days), forUser, List.of()));
    }

    @Test
    void theOwnerIsWarnedOncePerThresholdAndOnTheDayItExpired() {
        UserProfile alice = users.create("alice", PlatformRole.USER);
        IssuedPat token = create(alice, "deploy", 30, null);

        clock.advance(Duration.ofDays(23).plusMinutes(1));
        notifier.run();
        notifier.run();
        List<MimeMessage> mails = TestMail.await(alice.email(), 1);
        assertThat(Mails.subjects(mails)).containsExactly("Token \"deploy\" expires in 7 day(s)");
        MimeMessage warning = mails.getFirst();
        assertThat(Mails.text(warning))
                .contains("https://scopekeeper.test.example/pats/" + token.pat().id())
                .doesNotContain(token.secret());
        assertThat(Mails.html(warning))
                .contains("href=\"https://scopekeeper.test.example/pats/"
                        + token.pat().id())
                .doesNotContain(token.secret());

        clock.advance(Duration.ofDays(6));
        notifier.run();
        clock.advance(Duration.ofDays(1));
        notifier.run();
        notifier.run();
        assertThat(Mails.subjects(TestMail.await(alice.email(), 3)))
                .containsExactly(
                        "Token \"deploy\" expires in 7 day(s)",
                        "Token \"deploy\" expires in 1 day(s)",
                        "Token \"deploy\" has expired");

        clock.advance(Duration.ofDays(2));
        notifier.run();
        assertThat(TestMail.to(alice.email())).hasSize(3);
    }

    @Test
    void theAdministratorWhoMintedItIsWarnedToo() {
        UserProfile admin = users.create("admin", PlatformRole.ADMIN);
        UserProfile bob = users.create("bob", PlatformRole.USER);
        create(admin, "ci for bob", 60, bob.id());

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        notifier.run();
        assertThat(Mails.subjects(TestMail.await(bob.email(), 2)))
                .contains("Token \"ci for bob\" expires in 30 day(s)");
        assertThat(Mails.subjects(TestMail.await(admin.email(), 1)))
                .containsExactly("Token \"ci for bob\" expires in 30 day(s)");
        assertThat(Mails.text(TestMail.to(admin.email()).getFirst())).contains("\"ci for bob\" of " + bob.username());
    }

    @Test
    void aTokenShorterThanAThresholdGetsNoMailForIt() {
        UserProfile carol = users.create("carol", PlatformRole.USER);
        create(carol, "weekly", 7, null);

        clock.advance(Duration.ofMinutes(5));
        notifier.run();
        clock.advance(Duration.ofDays(6));
        notifier.run();
        assertThat(Mails.subjects(TestMail.await(carol.email(), 1)))
                .containsExactly("Token \"weekly\" expires in 1 day(s)");
    }

    @Test
    void aUserWhoTurnedExpiryMailsOffGetsNone() {
        UserProfile dave = users.create("dave", PlatformRole.USER);
        create(dave, "quiet", 30, null);
        users.signIn(dave);
        assertThat(notifications.expiryMailsEnabled()).isTrue();
        notifications.setExpiryMails(false);
        assertThat(notifications.expiryMailsEnabled()).isFalse();

        clock.advance(Duration.ofDays(29).plusMinutes(1));
        notifier.run();
        clock.advance(Duration.ofDays(1));
        notifier.run();
        sleep(300);
        assertThat(TestMail.to(dave.email())).isEmpty();
    }

    @Test
    void twoSchedulersOnOneDatabaseSendEachNoticeOnce() throws Exception {
        UserProfile erin = users.create("erin", PlatformRole.USER);
        create(erin, "shared", 30, null);
        clock.advance(Duration.ofDays(23).plusMinutes(1));

        ExpiryNotifier first =
                new ExpiryNotifier(expiries, directory, preferences, mailer, composer, jdbc, clock, transactions);
        ExpiryNotifier second =
                new ExpiryNotifier(expiries, directory, preferences, mailer, composer, jdbc, clock, transactions);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = threads.submit(() -> runAfter(start, first));
            Future<Integer> b = threads.submit(() -> runAfter(start, second));
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        // and after a "restart": a new instance finds the notice recorded
        new ExpiryNotifier(expiries, directory, preferences, mailer, composer, jdbc, clock, transactions).run();

        TestMail.await(erin.email(), 1);
        sleep(300);
        assertThat(Mails.subjects(TestMail.to(erin.email()))).containsExactly("Token \"shared\" expires in 7 day(s)");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM pat_expiry_notice n JOIN pat p ON p.id = n.pat_id"
                                + " WHERE p.owner_id = ?",
                        Integer.class,
                        erin.id()))
                .isEqualTo(1);
    }

    private static int runAfter(CyclicBarrier barrier, ExpiryNotifier notifier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
            return notifier.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
