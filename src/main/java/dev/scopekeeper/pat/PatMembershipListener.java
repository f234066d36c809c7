package dev.scopekeeper.pat;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.base.Messages;
import dev.scopekeeper.domains.MemberRemoved;
import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.ScopekeeperPrincipal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user removed from a domain loses their tokens' scopes in it, in the same transaction as the removal,
 * and the authentication cache forgets those tokens right after commit. When someone else removed them
 * (a domain admin or a platform administrator), the owner is told which tokens lost access (security notice).
 */
@Component
class PatMembershipListener {

    private final PatRepository pats;
    private final PatMapper mapper;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Clock clock;

    PatMembershipListener(
            PatRepository pats,
            PatMapper mapper,
            AuditLog audit,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            Clock clock) {
        this.pats = pats;
        this.mapper = mapper;
        this.audit = audit;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY) // the removal's own transaction
    void on(MemberRemoved event) {
        List<Long> ids = pats.findIdsWithScopeInDomain(event.userId(), event.domainId());
        if (ids.isEmpty()) {
            return;
        }
        // names before the scopes go; a token revoked already is not worth a mail
        List<PersonalAccessToken> notified = pats.findAllById(ids).stream()
                .filter(pat -> pat.getRevokedAt() == null)
                .toList();
        pats.deleteScopesInDomain(ids, event.domainId());
        for (Long id : ids) {
            audit.record(
                    AuditEventType.PAT_SCOPES_REMOVED,
                    "pat",
                    id,
                    "scopes in domain " + event.domainId() + " removed: the owner is no longer a member of the domain");
            events.publishEvent(new PatEvents.TokenChanged(id));
        }
        Optional<ScopekeeperPrincipal> remover = currentUser.find().filter(me -> me.id() != event.userId());
        if (remover.isPresent() && !notified.isEmpty()) {
            String reason = Messages.get("pat.notice.memberRemoved", mapper.domainName(event.domainId()));
            for (PersonalAccessToken pat : notified) {
                events.publishEvent(new PatNotice(
                        PatNotice.Kind.ACCESS_REMOVED,
                        pat.getId(),
                        event.userId(),
                        pat.getName(),
                        remover.get().username(),
                        clock.instant(),
                        reason));
            }
        }
    }
}
