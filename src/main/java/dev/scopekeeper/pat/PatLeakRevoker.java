package dev.scopekeeper.pat;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.base.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revokes tokens reported as leaked (the unauthenticated credential revocation endpoint): every given secret
 * that is a live token — its current secret, or the old one during a rotation grace — is revoked with the
 * reason "reported as leaked", audited with the reporter's address, and its owner is mailed. Internal: the
 * caller has checked the format and throttled the reporter; nothing here tells it what was found.
 */
@Component
public class PatLeakRevoker {

    private final PatTokens tokens;
    private final PatRepository pats;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PatLeakRevoker(PatTokens tokens, PatRepository pats, AuditLog audit, ApplicationEventPublisher events,
            Clock clock) {
        this.tokens = tokens;
        this.pats = pats;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Revokes the live tokens among these well-formed secrets; returns how many (for logs and tests only). */
    @Transactional
    public int revokeLeaked(Collection<String> secrets, String reporterAddress) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String reason = Messages.get("credentials.revoke.reason");
        Set<Long> done = new LinkedHashSet<>();
        for (String secret : new LinkedHashSet<>(secrets)) {
            String digest = tokens.digest(secret);
            Optional<PersonalAccessToken> found = pats.findBySecretDigest(digest)
                    .filter(p -> p.status(now) == PatStatus.ACTIVE)
                    .or(() -> pats.findByPreviousSecretDigest(digest)
                            .filter(p -> p.previousSecretAcceptedUntil(now) != null));
            found.filter(p -> !done.contains(p.getId())).ifPresent(pat -> {
                // As PatService.revoke(pat, by, …) does it; not called through it because that bean's class-level
                // method security wants a signed-in caller, and a leak report has none.
                pat.endGrace();
                if (pat.revoke(now, RevokedBy.LEAK_REPORT, reason)) {
                    done.add(pat.getId());
                    pats.flush();
                    events.publishEvent(new PatEvents.TokenChanged(pat.getId()));
                    // joins this transaction; the audit's address is the request's (the reporter, behind a trusted proxy)
                    audit.record(AuditEventType.PAT_REVOKED, "pat", pat.getId(), "name=" + pat.getName() + ", revoked: " + reason + " (hint " + PatTokens.hint(secret)
                                    + ", reported from " + reporterAddress + ")");
                    events.publishEvent(new PatNotice(PatNotice.Kind.LEAKED, pat.getId(), pat.getOwnerId(),
                            pat.getName(), Messages.get(RevokedBy.LEAK_REPORT.labelKey()), now, reason));
                }
            });
        }
        return done.size();
    }
}
