package dev.scopekeeper.pat;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.domains.MemberRemoved;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user removed from a domain loses their tokens' scopes in it, in the same transaction as the removal,
 * and the authentication cache forgets those tokens right after commit.
 */
@Component
class PatMembershipListener {

    private final PatRepository pats;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    PatMembershipListener(PatRepository pats, AuditLog audit, ApplicationEventPublisher events) {
        this.pats = pats;
        this.audit = audit;
        this.events = events;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY) // the removal's own transaction
    void on(MemberRemoved event) {
        List<Long> ids = pats.findIdsWithScopeInDomain(event.userId(), event.domainId());
        if (ids.isEmpty()) {
            return;
        }
        pats.deleteScopesInDomain(ids, event.domainId());
        for (Long id : ids) {
            audit.record(
                    AuditEventType.PAT_SCOPES_REMOVED,
                    "pat",
                    id,
                    "scopes in domain " + event.domainId() + " removed: the owner is no longer a member of the domain");
            events.publishEvent(new PatEvents.TokenChanged(id));
        }
    }
}
