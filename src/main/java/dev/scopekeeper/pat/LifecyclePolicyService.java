package dev.scopekeeper.pat;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.security.UserCredentialsOnly;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token lifecycle policy (expiry warnings, longest rotation grace). Anyone signed in may read it (the
 * regenerate dialog offers only what it allows); platform administrators change it.
 */
@Service
@UserCredentialsOnly
public class LifecyclePolicyService {

    private final PatLifecyclePolicyRepository policies;
    private final AuditLog audit;

    LifecyclePolicyService(PatLifecyclePolicyRepository policies, AuditLog audit) {
        this.policies = policies;
        this.audit = audit;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public PatLifecyclePolicy get() {
        return current(policies);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PatLifecyclePolicy update(PatLifecyclePolicy policy) {
        if (policy == null) {
            throw new InvalidInput(null, "admin.policy.validation.required");
        }
        PatLifecyclePolicy next =
                new PatLifecyclePolicy(PatLifecyclePolicy.parseWarnDays(policy.warnDaysText()), policy.maxGrace());
        PatLifecyclePolicyRecord record = policies.findById(PatLifecyclePolicyRecord.ID)
                .orElseThrow(() -> new IllegalStateException("pat_lifecycle_policy row 1 is missing"));
        PatLifecyclePolicy previous = record.toPolicy();
        record.update(next);
        policies.flush();
        audit.record(
                AuditEventType.POLICY_CHANGED,
                "policy",
                PatLifecyclePolicyRecord.ID,
                "warnDays [" + previous.warnDaysText() + "] -> [" + next.warnDaysText() + "], maxGrace "
                        + previous.maxGrace().wireName() + " -> "
                        + next.maxGrace().wireName());
        return next;
    }

    /** For this package's services and schedulers (no caller to check). */
    static PatLifecyclePolicy current(PatLifecyclePolicyRepository policies) {
        return policies.findById(PatLifecyclePolicyRecord.ID)
                .map(PatLifecyclePolicyRecord::toPolicy)
                .orElse(PatLifecyclePolicy.DEFAULT);
    }
}
