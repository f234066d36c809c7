package dev.scopekeeper.notify;

import dev.scopekeeper.pat.PatExpiries;
import dev.scopekeeper.pat.PatExpiries.ExpiringPat;
import dev.scopekeeper.pat.PatLifecyclePolicy;
import dev.scopekeeper.security.UserDirectory;
import dev.scopekeeper.security.UserProfile;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expiry warnings: for every live token, one mail per threshold of the lifecycle policy (default 30, 7 and 1
 * days before it expires) and one on the day it expired, to its owner and, when an administrator minted it
 * for them, to that administrator. A threshold applies only to tokens that lived longer than it (a 7-day
 * token gets no "7 days left" mail) and, when several were crossed since the last run, only the nearest.
 *
 * <p>Exactly once, across nodes and restarts: each notice is first claimed by inserting its row
 * (token, expiry, threshold) into {@code pat_expiry_notice} under a unique key; only the node whose insert
 * won sends it. A notice whose mails all fail is un-claimed and retried on the next run.
 */
@Component
class ExpiryNotifier {

    private static final Logger log = LoggerFactory.getLogger(ExpiryNotifier.class);
    private static final int PAGE = 1000;
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final PatExpiries expiries;
    private final UserDirectory users;
    private final NotifyPreferenceRepository preferences;
    private final Mailer mailer;
    private final MailComposer composer;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    ExpiryNotifier(
            PatExpiries expiries,
            UserDirectory users,
            NotifyPreferenceRepository preferences,
            Mailer mailer,
            MailComposer composer,
            JdbcTemplate jdbc,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.expiries = expiries;
        this.users = users;
        this.preferences = preferences;
        this.mailer = mailer;
        this.composer = composer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Sends what is due now; returns how many notices (token × threshold) this run sent. */
    // Once per cluster: a node that finds the lock taken skips this run (base.ScheduledJobLocks). Held at least
    // lock-at-least-for, so nodes whose schedules are a little apart do not repeat a run just finished elsewhere.
    @SchedulerLock(name = "pat-expiry-notices", lockAtLeastFor = "${scopekeeper.jobs.lock-at-least-for:PT1M}")
    @Scheduled(
            initialDelayString = "${scopekeeper.notify.expiry-interval:PT15M}",
            fixedDelayString = "${scopekeeper.notify.expiry-interval:PT15M}")
    int run() {
        if (!mailer.configured()) {
            return 0;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PatLifecyclePolicy policy = expiries.policy();
        List<Integer> ascending = policy.warnDays().reversed();
        int sent = 0;
        if (!ascending.isEmpty()) {
            Instant horizon = now.plus(Duration.ofDays(ascending.getLast()));
            for (ExpiringPat pat : liveExpiring(now, horizon)) {
                Duration left = Duration.between(now, pat.expiresAt());
                Duration lifetime = Duration.between(pat.issuedAt(), pat.expiresAt());
                Optional<Integer> threshold = ascending.stream()
                        .filter(days -> left.compareTo(Duration.ofDays(days)) <= 0
                                && lifetime.compareTo(Duration.ofDays(days)) > 0)
                        .findFirst();
                if (threshold.isPresent() && notify(pat, threshold.get(), now)) {
                    sent++;
                }
            }
        }
        for (ExpiringPat pat : liveExpiring(now.minus(Duration.ofDays(1)), now)) {
            if (notify(pat, 0, now)) {
                sent++;
            }
        }
        if (sent > 0) {
            log.info("Sent {} token expiry notice(s)", sent);
        }
        return sent;
    }

    private List<ExpiringPat> liveExpiring(Instant from, Instant to) {
        List<ExpiringPat> all = new ArrayList<>();
        Instant cursor = from;
        while (true) {
            List<ExpiringPat> page = expiries.liveExpiringBetween(cursor, to, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            cursor = page.getLast().expiresAt();
        }
    }

    /** Claims the notice, then mails every recipient who wants it; false when another run had it already. */
    private boolean notify(ExpiringPat pat, int thresholdDays, Instant now) {
        List<UserProfile> recipients = recipients(pat);
        if (recipients.isEmpty()) {
            return false;
        }
        Timestamp expiresAt = Timestamp.from(pat.expiresAt());
        int claimed = jdbc.update(
                "INSERT IGNORE INTO pat_expiry_notice (pat_id, expires_at, threshold_days, sent_at)"
                        + " VALUES (?, ?, ?, ?)",
                pat.id(),
                expiresAt,
                thresholdDays,
                Timestamp.from(now));
        if (claimed == 0) {
            return false;
        }
        String ownerName = users.find(pat.ownerId()).map(UserProfile::username).orElse("#" + pat.ownerId());
        boolean any = false;
        for (UserProfile to : recipients) {
            Mail mail = thresholdDays == 0
                    ? composer.compose(
                            to.email(),
                            name(to),
                            "expired",
                            pat.id(),
                            pat.name(),
                            ownerName,
                            DATE.format(pat.expiresAt()))
                    : composer.compose(
                            to.email(),
                            name(to),
                            "expiring",
                            pat.id(),
                            pat.name(),
                            ownerName,
                            DATE.format(pat.expiresAt()),
                            thresholdDays);
            any |= mailer.send(mail);
        }
        if (!any) {
            jdbc.update(
                    "DELETE FROM pat_expiry_notice WHERE pat_id = ? AND expires_at = ? AND threshold_days = ?",
                    pat.id(),
                    expiresAt,
                    thresholdDays);
        }
        return any;
    }

    /** The owner and the administrator who minted it for them, enabled, with an address, expiry mails on. */
    private List<UserProfile> recipients(ExpiringPat pat) {
        Set<Long> ids = new LinkedHashSet<>(List.of(pat.ownerId(), pat.createdById()));
        ids.removeAll(readOnly.execute(status -> preferences.findExpiryMailsOff(ids)));
        return ids.stream()
                .map(users::find)
                .flatMap(Optional::stream)
                .filter(u -> u.enabled() && u.email() != null && !u.email().isBlank())
                .toList();
    }

    static String name(UserProfile user) {
        return user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName();
    }
}
