package dev.scopekeeper.pat;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.OffsetPage;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.security.AnyCredential;
import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.UserCredentialsOnly;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle of my own tokens beyond create/revoke: rotation with a grace period (both secrets work
 * until it ends, "Stop now" ends it, revoking or the next regeneration ends it too) and "expiring soon".
 * Like {@link PatService}, refuses callers authenticated with a PAT ({@link UserCredentialsOnly}) and hides other
 * users' tokens.
 */
@Service
@PreAuthorize("isAuthenticated()")
@UserCredentialsOnly(UserCredentialsOnly.TOKEN_MANAGEMENT)
public class PatLifecycleService {

    /** Tokens expiring within this are marked in the PAT table and counted in the header. */
    public static final Duration EXPIRING_SOON = Duration.ofDays(7);

    /** The old secret after a rotation with grace: accepted until then, used that often since. */
    public record GraceStatus(Instant until, long uses) {}

    private final PatService patService;
    private final PatMapper mapper;
    private final PatRepository pats;
    private final PatLifecyclePolicyRepository policies;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PatGraceUsage graceUsage;
    private final Clock clock;

    PatLifecycleService(
            PatService patService,
            PatMapper mapper,
            PatRepository pats,
            PatLifecyclePolicyRepository policies,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            PatGraceUsage graceUsage,
            Clock clock) {
        this.patService = patService;
        this.mapper = mapper;
        this.pats = pats;
        this.policies = policies;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.graceUsage = graceUsage;
        this.clock = clock;
    }

    /**
     * Regenerate ({@link PatService#regenerate}: new secret and lifetime) and keep the replaced secret
     * working for {@code grace} — only if it was working (an active token); any earlier grace ends.
     */
    @Transactional
    public IssuedPat regenerate(long patId, PatDuration duration, PatGrace grace) {
        PatGrace chosen = grace == null ? PatGrace.NONE : grace;
        PatGrace max = LifecyclePolicyService.current(policies).maxGrace();
        if (chosen.duration().compareTo(max.duration()) > 0) {
            throw max == PatGrace.NONE
                    ? new InvalidInput("grace", "pat.validation.grace.forbidden")
                    : new InvalidInput("grace", "pat.validation.grace.tooLong", max.wireName());
        }
        PersonalAccessToken pat = mineForChange(patId);
        Instant now = now();
        boolean working = pat.status(now) == PatStatus.ACTIVE;
        String replaced = pat.getSecretDigest();
        IssuedPat issued = patService.regenerate(patId, duration);
        if (chosen == PatGrace.NONE || !working) {
            return issued;
        }
        Instant until = now.plus(chosen.duration());
        pat.keepPreviousSecret(replaced, until);
        pats.flush();
        events.publishEvent(new PatEvents.TokenChanged(patId));
        audit.record(
                AuditEventType.PAT_REGENERATED,
                "pat",
                patId,
                "name=" + pat.getName() + ", old secret accepted until " + until);
        return issued;
    }

    /** The running grace of my token, if any. */
    @Transactional(readOnly = true)
    public Optional<GraceStatus> grace(long patId) {
        PersonalAccessToken pat = mine(patId);
        Instant until = pat.previousSecretAcceptedUntil(now());
        return until == null ? Optional.empty() : Optional.of(new GraceStatus(until, pat.getPreviousSecretUses()));
    }

    /** "Stop now": the old secret stops working at once. Idempotent. */
    @Transactional
    public void endGrace(long patId) {
        graceUsage.flush();
        PersonalAccessToken pat = mineForChange(patId);
        long uses = pat.getPreviousSecretUses();
        if (pat.endGrace()) {
            pats.flush();
            events.publishEvent(new PatEvents.TokenChanged(patId));
            audit.record(
                    AuditEventType.PAT_GRACE_ENDED,
                    "pat",
                    patId,
                    "name=" + pat.getName() + ", old secret stopped after " + uses + " request(s)");
        }
    }

    /** How many of my live tokens expire within {@link #EXPIRING_SOON} (the header's count). */
    @AnyCredential
    @Transactional(readOnly = true)
    public long countExpiringSoon() {
        if (currentUser.find().isEmpty() || isTokenCaller()) {
            return 0;
        }
        Instant now = now();
        return pats.countExpiringSoon(currentUser.id(), now, now.plus(EXPIRING_SOON));
    }

    /** My live tokens expiring within {@link #EXPIRING_SOON}, soonest first (the header's link). */
    @Transactional(readOnly = true)
    public ListResult<PatSummary> listExpiringSoon(int offset, int limit) {
        long me = currentUser.id();
        Instant now = now();
        Instant until = now.plus(EXPIRING_SOON);
        OffsetPage page = OffsetPage.of(offset, limit, Sort.by("expiresAt").and(Sort.by("id")));
        Specification<PersonalAccessToken> spec = (root, cq, cb) -> cb.and(
                cb.equal(root.get("ownerId"), me),
                cb.isNull(root.get("revokedAt")),
                cb.greaterThan(root.get("expiresAt"), now),
                cb.lessThanOrEqualTo(root.get("expiresAt"), until));
        Page<PersonalAccessToken> result = pats.findAll(spec, page);
        return ListResult.of(result, page, pat -> mapper.summary(pat, now));
    }

    /** Whether a token expiring at that instant counts as "expiring soon" now. */
    @AnyCredential
    public boolean isExpiringSoon(Instant expiresAt) {
        Instant now = clock.instant();
        return expiresAt != null && expiresAt.isAfter(now) && !expiresAt.isAfter(now.plus(EXPIRING_SOON));
    }

    private boolean isTokenCaller() {
        return currentUser
                .authentication()
                .filter(PatAuthentication.class::isInstance)
                .isPresent();
    }

    private PersonalAccessToken mine(long patId) {
        return pats.findByIdAndOwnerId(patId, currentUser.id()).orElseThrow(() -> new NotFound("pat.error.notFound"));
    }

    /** {@link #mine}, locked for this change as {@link PatService}'s changes lock it. */
    private PersonalAccessToken mineForChange(long patId) {
        return pats.findLockedWithScopesByIdAndOwnerId(patId, currentUser.id())
                .orElseThrow(() -> new NotFound("pat.error.notFound"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
