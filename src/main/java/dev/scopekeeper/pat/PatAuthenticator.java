package dev.scopekeeper.pat;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.authz.AccessFactsCache;
import dev.scopekeeper.base.Messages;
import dev.scopekeeper.security.ScopekeeperPrincipal;
import dev.scopekeeper.security.api.AuditedRefusal;
import dev.scopekeeper.security.api.BearerTokenAuthenticator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Authorization: Bearer pat_…}: the PAT {@link org.springframework.security.authentication.AuthenticationProvider}
 * of the API's resource-server chain. Order of checks: format and checksum (no database), then the
 * digest through {@link PatCache} (database only on a miss), then status and the owner's account.
 * The 401 says which of invalid, expired, revoked or disabled owner it was, and nothing else.
 */
@Component
@Order(0)
class PatAuthenticator implements BearerTokenAuthenticator {

    private final PatTokens tokens;
    private final PatCache cache;
    private final PatRepository pats;
    private final AccessFactsCache accessFacts;
    private final PatUsageRecorder usage;
    private final AuditLog audit;
    private final PatGraceUsage graceUsage;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    PatAuthenticator(
            PatTokens tokens,
            PatCache cache,
            PatRepository pats,
            AccessFactsCache accessFacts,
            PatUsageRecorder usage,
            AuditLog audit,
            PlatformTransactionManager transactions,
            Clock clock,
            PatGraceUsage graceUsage) {
        this.graceUsage = graceUsage;
        this.tokens = tokens;
        this.cache = cache;
        this.pats = pats;
        this.accessFacts = accessFacts;
        this.usage = usage;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** A refused token; the message is the problem detail and never contains the token. */
    static final class PatRefused extends AuditedRefusal {
        /** Not audited (a string that is not a well-formed token). */
        PatRefused(String messageKey) {
            super(Messages.get(messageKey), "", detail -> {});
        }

        /** Audited by the API's authentication once the throttle has counted it (see {@link AuditedRefusal}). */
        PatRefused(String messageKey, String detail, Consumer<String> audit) {
            super(Messages.get(messageKey), detail, audit);
        }
    }

    @Override
    public boolean supports(String token) {
        return token.startsWith(PatTokens.PREFIX);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (PatTokens.check(token) != null) {
            counted("invalid");
            throw new PatRefused("pat.auth.invalid");
        }
        // The client address as the resource-server filter recorded it (the real client behind a trusted proxy).
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        PatCache.Entry entry = cache.get(tokens.digest(token), this::load).orElseThrow(() -> {
            counted("unknown");
            return new PatRefused(
                    "pat.auth.invalid",
                    "unknown token " + PatTokens.hint(token),
                    detail ->
                            audit.recordAnonymous(AuditEventType.PAT_USE_DENIED, null, null, "pat", null, ip, detail));
        });
        Instant now = clock.instant();
        String refusal = refusal(entry, now);
        if (refusal != null) {
            counted(refusal.substring("pat.auth.".length()));
            throw new PatRefused(
                    refusal,
                    Messages.get(refusal),
                    detail -> audit.recordAnonymous(
                            AuditEventType.PAT_USE_DENIED,
                            entry.owner().id(),
                            entry.owner().username(),
                            "pat",
                            entry.patId(),
                            ip,
                            detail));
        }
        usage.record(entry.patId(), now, ip);
        if (entry.isPreviousSecret()) {
            graceUsage.record(entry.patId(), now, ip);
        }
        counted("success");
        return new PatAuthentication(entry.owner(), entry.patId(), entry.scopes(), secretExpiresAt(entry));
    }

    /**
     * When the secret presented stops working: the token's expiry, or for the secret a regeneration replaced, the
     * end of its grace if that comes first (what /introspect's {@code exp} and Scopekeeper-Token-Expires report).
     */
    private static Instant secretExpiresAt(PatCache.Entry entry) {
        if (!entry.isPreviousSecret()) {
            return entry.expiresAt();
        }
        Instant graceEnds = entry.previousSecretUntil();
        return entry.expiresAt() == null || graceEnds.isBefore(entry.expiresAt()) ? graceEnds : entry.expiresAt();
    }

    /** Why a known token is refused right now (the key of the 401's message), or null when it is live. */
    private static String refusal(PatCache.Entry entry, Instant now) {
        return entry.revokedAt() != null
                ? "pat.auth.revoked"
                : entry.expiresAt() != null && !entry.expiresAt().isAfter(now)
                        ? "pat.auth.expired"
                        : !entry.owner().enabled()
                                ? "pat.auth.ownerDisabled"
                                : entry.isPreviousSecret()
                                                && !entry.previousSecretUntil().isAfter(now)
                                        ? "pat.auth.rotated"
                                        : null;
    }

    /**
     * The authentication this token would get, with the same checks as {@link #authenticate} but none of its side
     * effects (no audit, no usage, no metrics): for other services asking about a token they were shown
     * ({@link PatIntrospection}). Empty for anything that is not a live PAT.
     */
    Optional<PatAuthentication> live(String token) {
        if (token == null || PatTokens.check(token) != null) {
            return Optional.empty();
        }
        return cache.get(tokens.digest(token), this::load)
                .filter(entry -> refusal(entry, clock.instant()) == null)
                .map(entry ->
                        new PatAuthentication(entry.owner(), entry.patId(), entry.scopes(), secretExpiresAt(entry)));
    }

    /** The counter of each outcome, looked up once (building its id and tags on every request cost more). */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** {@code scopekeeper_pat_authentications_total{outcome=...}} on /actuator/prometheus. */
    private void counted(String outcome) {
        counters.computeIfAbsent(outcome, o -> Metrics.counter("scopekeeper.pat.authentications", "outcome", o))
                .increment();
    }

    private Optional<PatCache.Entry> load(String digest) {
        return readOnly.execute(status -> pats.findBySecretDigest(digest)
                .flatMap(pat -> owner(pat)
                        .map(owner -> new PatCache.Entry(
                                pat.getId(),
                                owner,
                                pat.getRevokedAt(),
                                pat.getExpiresAt(),
                                List.copyOf(pat.getScopes().stream()
                                        .map(PatScope::key)
                                        .toList()))))
                .or(() -> loadPreviousSecret(digest)));
    }

    /**
     * The owner, read with their access facts in the domains the scopes name (cached for {@code DomainAccess}),
     * so a token's first request costs no separate facts query.
     */
    private Optional<ScopekeeperPrincipal> owner(PersonalAccessToken pat) {
        Set<Long> domains =
                pat.getScopes().stream().map(s -> s.key().domainId()).collect(Collectors.toSet());
        return accessFacts.principalPreloading(pat.getOwnerId(), domains);
    }

    // --- rotation with grace (i15): the secret a regeneration replaced, while its grace lasts ---

    private Optional<PatCache.Entry> loadPreviousSecret(String digest) {
        return pats.findByPreviousSecretDigest(digest).flatMap(pat -> {
            Instant until = pat.previousSecretAcceptedUntil(clock.instant());
            return until == null
                    ? Optional.empty()
                    : owner(pat)
                            .map(owner -> new PatCache.Entry(
                                    pat.getId(),
                                    owner,
                                    pat.getRevokedAt(),
                                    pat.getExpiresAt(),
                                    List.copyOf(pat.getScopes().stream()
                                            .map(PatScope::key)
                                            .toList()),
                                    until));
        });
    }
}
