package dev.scopekeeper.pat;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.UserCredentialsOnly;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token policy (platform administrators only). A new policy applies to new tokens and regenerations
 * at once; existing tokens are never altered silently: {@link #countViolations} tells how many break it
 * and {@link #revokeViolations} revokes them when the administrator confirms.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
@UserCredentialsOnly
public class PolicyService {

    private final PatPolicyRepository policies;
    private final PatPolicySource source;
    private final PatRepository pats;
    private final PatRevocations revocations;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PolicyService(
            PatPolicyRepository policies,
            PatPolicySource source,
            PatRepository pats,
            PatRevocations revocations,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.policies = policies;
        this.source = source;
        this.pats = pats;
        this.revocations = revocations;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public PatPolicy get() {
        return policies.findById(PatPolicyRecord.ID)
                .map(PatPolicyRecord::toPolicy)
                .orElse(PatPolicy.DEFAULT);
    }

    /** Saves the policy (validated as a whole); existing tokens stay as they are. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PatPolicy update(PatPolicy policy) {
        PatPolicy next = required(policy).validated();
        PatPolicyRecord record = policies.findById(PatPolicyRecord.ID)
                .orElseThrow(() -> new IllegalStateException("pat_policy row 1 is missing"));
        PatPolicy previous = record.toPolicy();
        record.update(next, now(), currentUser.id());
        policies.flush();
        audit.record(
                AuditEventType.POLICY_CHANGED,
                "policy",
                PatPolicyRecord.ID,
                "from " + describe(previous) + " to " + describe(next));
        events.publishEvent(new PatPolicySource.PolicyChanged());
        return next;
    }

    /** How many active tokens the given (not necessarily saved) policy would be broken by. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public PolicyViolations countViolations(PatPolicy policy) {
        PatPolicy p = required(policy).validated();
        List<Object[]> rows = pats.countViolations(
                now(), p.maxLifetimeDays(), p.neverAllowed() ? 0 : 1, p.maxScopes(), p.descriptionRequired() ? 1 : 0);
        Object[] row = rows.getFirst();
        return new PolicyViolations(number(row[0]), number(row[1]), number(row[2]), number(row[3]), number(row[4]));
    }

    /** Revokes every active token that breaks the policy; returns how many. Each owner sees it in the audit log. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int revokeViolations(PatPolicy policy) {
        PatPolicy p = required(policy).validated();
        Instant now = now();
        List<Long> ids = pats.findViolationIds(
                now, p.maxLifetimeDays(), p.neverAllowed() ? 0 : 1, p.maxScopes(), p.descriptionRequired() ? 1 : 0);
        return revocations.revoke(
                ids,
                now,
                RevokedBy.POLICY,
                Messages.get("pat.revokedReason.policy"),
                "revoked by an administrator: breaks the token policy");
    }

    private static PatPolicy required(PatPolicy policy) {
        if (policy == null) {
            throw new InvalidInput(null, "admin.policy.validation.required");
        }
        return policy;
    }

    private static String describe(PatPolicy p) {
        return "[maxLifetimeDays=" + p.maxLifetimeDays() + ", neverAllowed=" + p.neverAllowed() + ", defaultDuration="
                + p.defaultDuration() + ", descriptionRequired=" + p.descriptionRequired() + ", maxScopes="
                + p.maxScopes() + ", autoRevokeUnusedDays="
                + (p.autoRevokeUnusedDays() == null ? "off" : p.autoRevokeUnusedDays()) + "]";
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
