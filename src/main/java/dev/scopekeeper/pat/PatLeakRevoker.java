package dev.scopekeeper.pat;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.base.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
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

    PatLeakRevoker(
            PatTokens tokens, PatRepository pats, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.pats = pats;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** At most this many secrets per call: the bound of the two {@code IN (...)} lookups. */
    public static final int MAX_SECRETS = 1000;

    /**
     * Revokes the live tokens among these well-formed secrets; returns how many (for logs and tests only). Two
     * queries whatever the number of secrets (one on the current-secret digests, one on the grace digests),
     * then one update, audit and mail per token actually revoked.
     */
    @Transactional
    public int revokeLeaked(Collection<String> secrets, String reporterAddress) {
        Map<String, String> secretByDigest = tokens.byDigest(secrets, MAX_SECRETS);
        if (secretByDigest.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Set<String> digests = secretByDigest.keySet();
        // id -> (token, the reported secret that matched it); current secrets first, then those in their grace
        Map<Long, Map.Entry<PersonalAccessToken, String>> hits = new LinkedHashMap<>();
        for (PersonalAccessToken pat : pats.findBySecretDigestIn(digests)) {
            if (pat.status(now) == PatStatus.ACTIVE) {
                hits.putIfAbsent(pat.getId(), Map.entry(pat, secretByDigest.get(pat.getSecretDigest())));
            }
        }
        for (PersonalAccessToken pat : pats.findByPreviousSecretDigestIn(digests)) {
            if (pat.previousSecretAcceptedUntil(now) != null) {
                hits.putIfAbsent(pat.getId(), Map.entry(pat, secretByDigest.get(pat.getPreviousSecretDigest())));
            }
        }
        if (hits.isEmpty()) {
            return 0;
        }
        String reason = Messages.get("credentials.revoke.reason");
        int revoked = 0;
        for (Map.Entry<PersonalAccessToken, String> hit : hits.values()) {
            PersonalAccessToken pat = hit.getKey();
            // As PatService.revoke(pat, by, …) does it; not called through it because that bean's class-level
            // method security wants a signed-in caller, and a leak report has none.
            pat.endGrace();
            if (pat.revoke(now, RevokedBy.LEAK_REPORT, reason)) {
                revoked++;
                pats.flush();
                events.publishEvent(new PatEvents.TokenChanged(pat.getId()));
                // joins this transaction; the audit's address is the request's (the reporter, behind a trusted proxy)
                audit.record(
                        AuditEventType.PAT_REVOKED,
                        "pat",
                        pat.getId(),
                        "name=" + pat.getName() + ", revoked: " + reason + " (hint " + PatTokens.hint(hit.getValue())
                                + ", reported from " + reporterAddress + ")");
                events.publishEvent(new PatNotice(
                        PatNotice.Kind.LEAKED,
                        pat.getId(),
                        pat.getOwnerId(),
                        pat.getName(),
                        Messages.get(RevokedBy.LEAK_REPORT.labelKey()),
                        now,
                        reason));
            }
        }
        return revoked;
    }
}
