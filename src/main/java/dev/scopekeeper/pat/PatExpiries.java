package dev.scopekeeper.pat;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the expiry-warning scheduler needs from the token tables: the lifecycle policy and the live tokens
 * expiring in a window. Internal (no caller to check): the notify feature's scheduler uses it.
 */
@Component
public class PatExpiries {

    /** A live token about to expire (or just expired); no secret. */
    public record ExpiringPat(
            long id, long ownerId, long createdById, String name, Instant issuedAt, Instant expiresAt) {}

    private final PatRepository pats;
    private final PatLifecyclePolicyRepository policies;

    PatExpiries(PatRepository pats, PatLifecyclePolicyRepository policies) {
        this.pats = pats;
        this.policies = policies;
    }

    @Transactional(readOnly = true)
    public PatLifecyclePolicy policy() {
        return LifecyclePolicyService.current(policies);
    }

    /** Unrevoked tokens with {@code from < expires_at <= to}, soonest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<ExpiringPat> liveExpiringBetween(Instant from, Instant to, int limit) {
        return pats.findLiveExpiringBetween(from, to, PageRequest.of(0, limit)).stream()
                .map(p -> new ExpiringPat(
                        p.getId(), p.getOwnerId(), p.getCreatedById(), p.getName(), p.getIssuedAt(), p.getExpiresAt()))
                .toList();
    }
}
