package dev.scopekeeper.pat;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revokes many tokens at once (bulk revoke, policy violations, unused tokens): one audit line per token,
 * so each owner sees why, and a cache eviction per token right after commit. Internal: callers have done
 * their access checks.
 */
@Component
class PatRevocations {

    private static final int BATCH = 500;

    private final PatRepository pats;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    PatRevocations(PatRepository pats, AuditLog audit, ApplicationEventPublisher events) {
        this.pats = pats;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Revokes, finally for their owners ({@code by} is never {@link RevokedBy#OWNER}), those of the tokens not
     * revoked yet or revoked by their owner only; returns how many were revoked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int revoke(Collection<Long> patIds, Instant now, RevokedBy by, String reason, String auditText) {
        if (!by.finalForOwner()) {
            throw new IllegalArgumentException("bulk revocations are final: " + by);
        }
        String kept = reason == null || reason.isBlank() ? null : PersonalAccessToken.truncated(reason.strip());
        List<Long> ids = new ArrayList<>(patIds);
        int revoked = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(from + BATCH, ids.size()));
            List<Object[]> names = pats.findRevocableNames(batch);
            if (names.isEmpty()) {
                continue;
            }
            revoked += pats.revokeAll(names.stream().map(row -> (Long) row[0]).toList(), now, by, kept);
            Map<Long, Long> owners = ownersOf(names);
            // a bulk statement, which the list counts' entity listener does not see
            new HashSet<>(owners.values()).forEach(owner -> events.publishEvent(new PatListCounts.Changed(owner)));
            for (Object[] row : names) {
                long id = (Long) row[0];
                audit.record(AuditEventType.PAT_REVOKED, "pat", id, "name=" + row[1] + ", " + auditText);
                events.publishEvent(new PatEvents.TokenChanged(id));
            }
            notices(names, owners, now, by, kept);
        }
        return revoked;
    }

    /** The owner of each token in {@code names} (rows of id, name), by token id. */
    private Map<Long, Long> ownersOf(List<Object[]> names) {
        Map<Long, Long> owners = new HashMap<>();
        for (Object[] row : pats.findOwners(names.stream().map(r -> (Long) r[0]).toList())) {
            owners.put((Long) row[0], (Long) row[1]);
        }
        return owners;
    }

    /** i15: each owner is mailed that someone else revoked their token (security notice). */
    private void notices(List<Object[]> names, Map<Long, Long> owners, Instant now, RevokedBy by, String reason) {
        String actor = dev.scopekeeper.base.Messages.get(by.labelKey());
        for (Object[] row : names) {
            Long owner = owners.get((Long) row[0]);
            if (owner != null) {
                events.publishEvent(new PatNotice(
                        PatNotice.Kind.REVOKED, (Long) row[0], owner, (String) row[1], actor, now, reason));
            }
        }
    }
}
