package dev.scopekeeper.pat;

import dev.scopekeeper.base.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Automatic revocation of tokens nobody used for the policy's N days (last use, or issue if never used).
 * Off unless the policy sets N. Runs every hour by default ({@code scopekeeper.pat.auto-revoke-interval});
 * each revocation is audited and reaches the authentication cache at once.
 */
@Component
class PatAutoRevoker {

    private static final Logger log = LoggerFactory.getLogger(PatAutoRevoker.class);

    private final PatPolicySource policy;
    private final PatRepository pats;
    private final PatRevocations revocations;
    private final PatUsageRecorder usage;
    private final Clock clock;

    PatAutoRevoker(
            PatPolicySource policy,
            PatRepository pats,
            PatRevocations revocations,
            PatUsageRecorder usage,
            Clock clock) {
        this.policy = policy;
        this.pats = pats;
        this.revocations = revocations;
        this.usage = usage;
        this.clock = clock;
    }

    /** Returns how many tokens were revoked (0 when the policy has automatic revocation off). */
    // Once per cluster: a node that finds the lock taken skips this run (base.ScheduledJobLocks). Held at least
    // lock-at-least-for, so nodes whose schedules are a little apart do not repeat a run just finished elsewhere.
    @SchedulerLock(name = "pat-auto-revoke", lockAtLeastFor = "${scopekeeper.jobs.lock-at-least-for:PT1M}")
    @Scheduled(
            initialDelayString = "${scopekeeper.pat.auto-revoke-interval:PT1H}",
            fixedDelayString = "${scopekeeper.pat.auto-revoke-interval:PT1H}")
    @Transactional
    public int revokeUnused() {
        Integer days = policy.current().autoRevokeUnusedDays();
        if (days == null) {
            return 0;
        }
        usage.flush();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int revoked = revocations.revoke(
                pats.findUnusedActiveIds(now, now.minus(Duration.ofDays(days))),
                now,
                RevokedBy.POLICY,
                Messages.get("pat.revokedReason.unused", days),
                "revoked automatically: unused for " + days + " days");
        if (revoked > 0) {
            log.info("Revoked {} personal access tokens unused for {} days", revoked, days);
        }
        return revoked;
    }
}
