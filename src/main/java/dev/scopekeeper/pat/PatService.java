package dev.scopekeeper.pat;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.OffsetPage;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.security.AnyCredential;
import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.UserCredentialsOnly;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing one's own personal access tokens (and, for administrators, minting them for others).
 * No method is callable with a PAT ({@link UserCredentialsOnly}): a leaked token cannot mint more tokens.
 * Tokens of other users are "not found".
 */
@Service
@PreAuthorize("isAuthenticated()")
@UserCredentialsOnly(UserCredentialsOnly.TOKEN_MANAGEMENT)
public class PatService {

    private static final String TARGET = "pat";
    private static final java.time.format.DateTimeFormatter REVOKED_ON = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);

    private final PatRepository pats;
    private final PatTokens tokens;
    private final PatPolicySource policy;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PatMapper mapper;
    private final PatRequests requests;
    private final PatListQueries listQueries;

    PatService(
            PatRepository pats,
            PatTokens tokens,
            PatPolicySource policy,
            CurrentUser currentUser,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            PatMapper mapper,
            PatRequests requests,
            PatListQueries listQueries) {
        this.pats = pats;
        this.tokens = tokens;
        this.policy = policy;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.mapper = mapper;
        this.requests = requests;
        this.listQueries = listQueries;
    }

    /** What a new token is made of; {@code userId} (administrators only) mints it for someone else. */
    public record CreatePatRequest(
            String name, String description, PatDuration duration, Long userId, List<ScopeRequest> scopes) {}

    /** Sort keys of the PAT list. */
    public enum SortBy {
        NAME,
        CREATED,
        EXPIRES,
        LAST_USED
    }

    /** A page of my tokens: status filter (empty = all), name contains (case-insensitive). */
    public record PatQuery(
            Optional<PatStatus> status, String name, int offset, int limit, SortBy sortBy, boolean descending) {

        public static PatQuery firstPage() {
            return new PatQuery(Optional.of(PatStatus.ACTIVE), null, 0, 10, SortBy.NAME, false);
        }
    }

    public PatPolicy currentPolicy() {
        return policy.current();
    }

    @Transactional
    public IssuedPat create(CreatePatRequest request) {
        long me = currentUser.id();
        long ownerId = request.userId() == null ? me : requests.mintFor(request.userId());
        String name = Names.name("name", request.name());
        String description = requests.checkedDescription(request.description());
        Instant now = now();
        Instant expiresAt = requests.checkedExpiry(request.duration(), now);
        if (pats.existsByOwnerIdAndName(ownerId, name)) {
            throw new Conflict("name", "pat.validation.name.taken", name);
        }
        String secret = tokens.generate();
        PersonalAccessToken pat = new PersonalAccessToken(
                ownerId, me, name, description, tokens.digest(secret), PatTokens.hint(secret), now, expiresAt);
        requests.addScopes(pat, request.scopes() == null ? List.of() : request.scopes());
        try {
            pat = pats.saveAndFlush(pat);
        } catch (DataIntegrityViolationException e) {
            throw new Conflict("name", "pat.validation.name.taken", name);
        }
        audit.record(
                AuditEventType.PAT_CREATED,
                TARGET,
                pat.getId(),
                "name=" + name + ", owner=" + ownerId + ", expires=" + (expiresAt == null ? "never" : expiresAt)
                        + ", scopes=" + pat.getScopes().size());
        if (ownerId != me) {
            events.publishEvent(new PatNotice(
                    PatNotice.Kind.CREATED_FOR_YOU,
                    pat.getId(),
                    ownerId,
                    name,
                    currentUser.require().username(),
                    now,
                    null));
        }
        return new IssuedPat(mapper.details(pat), secret);
    }

    /**
     * A page of my tokens with the number of all matches. The total is counted once per filter and kept until a
     * change of my tokens (or the next expiry) can have changed it ({@link PatListCounts}); the last page needs no
     * count at all.
     */
    @Transactional(readOnly = true)
    public ListResult<PatSummary> list(PatQuery query) {
        return listQueries.list(currentUser.id(), query, now());
    }

    /** A page of my tokens without any total: the PAT table pages on without counting. */
    @Transactional(readOnly = true)
    public Slice<PatSummary> listSlice(PatQuery query) {
        return listQueries.listSlice(currentUser.id(), query, now());
    }

    /** From this offset on, a page of the list reads ids first (see {@link PatListQueries}). */
    static final int DEEP_PAGE = PatListQueries.DEEP_PAGE;

    @Transactional(readOnly = true)
    public PatDetails get(long patId) {
        return mapper.details(mine(patId));
    }

    @Transactional
    public PatDetails rename(long patId, String newName) {
        PersonalAccessToken pat = mineForChange(patId);
        String name = Names.name("name", newName);
        if (pats.existsByOwnerIdAndNameAndIdNot(pat.getOwnerId(), name, patId)) {
            throw new Conflict("name", "pat.validation.name.taken", name);
        }
        String old = pat.getName();
        pat.rename(name);
        try {
            // the check above does not see a token given this name at the same moment; the unique key does
            pats.flush();
        } catch (DataIntegrityViolationException e) {
            throw new Conflict("name", "pat.validation.name.taken", name);
        }
        audit.record(AuditEventType.PAT_RENAMED, TARGET, patId, "from=" + old + ", to=" + name);
        return mapper.details(pat);
    }

    @Transactional
    public PatDetails describe(long patId, String description) {
        PersonalAccessToken pat = mineForChange(patId);
        pat.describe(requests.checkedDescription(description));
        audit.record(AuditEventType.PAT_DESCRIBED, TARGET, patId, "name=" + pat.getName());
        return mapper.details(pat);
    }

    /**
     * A new secret and lifetime; the old secret stops working at once. Works on expired tokens and on tokens the
     * owner revoked; a revocation by an administrator, a domain admin, the policy or a leak report is final for
     * the owner (409 saying who and when) until a platform administrator lifts it
     * ({@link PatAdministrationService#liftRevocation}).
     */
    @Transactional
    public IssuedPat regenerate(long patId, PatDuration duration) {
        PersonalAccessToken pat = mineForChange(patId);
        if (pat.revocationFinalForOwner()) {
            throw finalRevocation(pat);
        }
        Instant now = now();
        Instant expiresAt = requests.checkedExpiry(duration, now);
        requests.checkedDescription(pat.getDescription());
        requests.checkScopeCount(pat);
        String secret = tokens.generate();
        pat.regenerate(tokens.digest(secret), PatTokens.hint(secret), now, expiresAt);
        pats.flush();
        changed(pat);
        audit.record(
                AuditEventType.PAT_REGENERATED,
                TARGET,
                patId,
                "name=" + pat.getName() + ", expires=" + (expiresAt == null ? "never" : expiresAt));
        return new IssuedPat(mapper.details(pat), secret);
    }

    /** Immediate and idempotent; the token stays listed as revoked. The owner may regenerate it later. */
    @Transactional
    public PatDetails revoke(long patId) {
        PersonalAccessToken pat = mineForChange(patId);
        revoke(pat, RevokedBy.OWNER, null, "revoked by the owner");
        return mapper.details(pat);
    }

    /**
     * The one internal path of every single-token revocation (owner, administrator, domain admin, policy, leak
     * report): records who and why, audits, and reaches the authentication cache after commit. Callers have done
     * their access checks. Returns false when nothing changed (already revoked at least as finally).
     */
    boolean revoke(PersonalAccessToken pat, RevokedBy by, String reason, String auditText) {
        if (!pat.revoke(now(), by, reason)) {
            return false;
        }
        pats.flush();
        changed(pat);
        audit.record(
                AuditEventType.PAT_REVOKED,
                TARGET,
                pat.getId(),
                "name=" + pat.getName() + ", " + auditText
                        + (pat.getRevokedReason() == null ? "" : ": " + pat.getRevokedReason()));
        revokedNotice(pat, by);
        return true;
    }

    /** i15: the owner is mailed when someone else revoked the token (security notice). */
    private void revokedNotice(PersonalAccessToken pat, RevokedBy by) {
        if (by.finalForOwner()) {
            String actor = by == RevokedBy.LEAK_REPORT
                    ? Messages.get(by.labelKey())
                    : currentUser.find().map(p -> p.username()).orElse(Messages.get(by.labelKey()));
            events.publishEvent(new PatNotice(
                    by == RevokedBy.LEAK_REPORT ? PatNotice.Kind.LEAKED : PatNotice.Kind.REVOKED,
                    pat.getId(),
                    pat.getOwnerId(),
                    pat.getName(),
                    actor,
                    pat.getRevokedAt(),
                    pat.getRevokedReason()));
        }
    }

    /**
     * For a leaked-token report (e.g. a secret scanner's {@code POST /api/v1/credentials/revoke}): revokes the
     * token whose secret this is, finally for its owner, without telling the caller whether it existed.
     * Needs no signed-in caller. Returns whether a token was revoked now.
     */
    @PreAuthorize("permitAll()")
    @AnyCredential
    @Transactional
    public boolean revokeAsLeaked(String secret, String reason) {
        if (PatTokens.check(secret) != null) {
            return false;
        }
        return pats.findBySecretDigest(tokens.digest(secret))
                .map(pat -> revoke(
                        pat,
                        RevokedBy.LEAK_REPORT,
                        reason == null ? "reported as leaked" : reason,
                        "revoked: reported as leaked"))
                .orElse(false);
    }

    /** 409 "Revoked by an administrator on 2026-12-01 21:30 UTC: reason". */
    static Conflict finalRevocation(PersonalAccessToken pat) {
        return new Conflict(
                null,
                "pat.error.revokedFinal",
                Messages.get(pat.getRevokedBy().labelKey()),
                REVOKED_ON.format(pat.getRevokedAt()),
                pat.getRevokedReason() == null
                        ? Messages.get("pat.error.revokedFinal.noReason")
                        : pat.getRevokedReason());
    }

    @Transactional
    public void delete(long patId) {
        PersonalAccessToken pat = mineForChange(patId);
        pats.delete(pat);
        pats.flush();
        changed(pat);
        audit.record(AuditEventType.PAT_DELETED, TARGET, patId, "name=" + pat.getName());
    }

    /** Deletes every token of mine; returns how many. */
    @Transactional
    public int deleteAll() {
        long me = currentUser.id();
        int deleted = pats.deleteAllByOwner(me);
        events.publishEvent(new PatEvents.OwnerChanged(me));
        audit.record(AuditEventType.PAT_DELETED, TARGET, null, "all tokens of user " + me + ": " + deleted);
        return deleted;
    }

    @Transactional(readOnly = true)
    public ListResult<PatScopeView> listScopes(long patId, int offset, int limit) {
        OffsetPage page = OffsetPage.of(offset, limit, Sort.unsorted());
        List<PatScopeView> all = mapper.scopeViews(mine(patId));
        int from = (int) Math.min(page.offset(), all.size());
        int to = Math.min(from + limit, all.size());
        return new ListResult<>(all.size(), offset, limit, all.subList(from, to));
    }

    /** Adds scopes after validating each; one already present is ignored, not doubled. */
    @Transactional
    public PatDetails addScopes(long patId, List<ScopeRequest> scopes) {
        PersonalAccessToken pat = mineForChange(patId);
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidInput("scopes", "pat.validation.scopes.required");
        }
        int added = requests.addScopes(pat, scopes);
        pats.flush();
        changed(pat);
        audit.record(AuditEventType.PAT_SCOPES_ADDED, TARGET, patId, "name=" + pat.getName() + ", added=" + added);
        return mapper.details(pat);
    }

    /** Removes the scopes equal to the given ones (unknown ones are ignored). */
    @Transactional
    public PatDetails removeScopes(long patId, List<ScopeRequest> scopes) {
        PersonalAccessToken pat = mineForChange(patId);
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidInput("scopes", "pat.validation.scopes.required");
        }
        int removed = 0;
        for (ScopeRequest scope : scopes) {
            removed += pat.removeScope(requests.parseScope(scope, pat.getOwnerId(), false)) ? 1 : 0;
        }
        return scopesRemoved(pat, removed);
    }

    /** Removes scopes by their ids ({@code scopes_id}, as Magistrala sends them). */
    @Transactional
    public PatDetails removeScopesById(long patId, Collection<Long> scopeIds) {
        PersonalAccessToken pat = mineForChange(patId);
        if (scopeIds == null || scopeIds.isEmpty()) {
            throw new InvalidInput("scopes_id", "pat.validation.scopes.required");
        }
        int removed = 0;
        for (Long id : scopeIds) {
            removed += id != null && pat.removeScopeById(id) ? 1 : 0;
        }
        return scopesRemoved(pat, removed);
    }

    @Transactional
    public PatDetails clearScopes(long patId) {
        PersonalAccessToken pat = mineForChange(patId);
        return scopesRemoved(pat, pat.clearScopes());
    }

    private PatDetails scopesRemoved(PersonalAccessToken pat, int removed) {
        pats.flush();
        changed(pat);
        audit.record(
                AuditEventType.PAT_SCOPES_REMOVED,
                TARGET,
                pat.getId(),
                "name=" + pat.getName() + ", removed=" + removed);
        return mapper.details(pat);
    }

    // --- rules ---

    private PersonalAccessToken mine(long patId) {
        return pats.findWithScopesByIdAndOwnerId(patId, currentUser.id())
                .orElseThrow(() -> new NotFound("pat.error.notFound"));
    }

    /**
     * {@link #mine}, its row locked until the transaction ends (see the repository method): every change of one
     * token runs after the one before it committed and sees what it left, so two changes at the same moment never
     * meet as a stale version (409 "someone else changed this item"). A delete racing a revoke deletes the token;
     * whichever comes second of two compatible edits (revoke and rename) applies to what the first left, and a
     * change arriving after a delete finds no token (404).
     */
    private PersonalAccessToken mineForChange(long patId) {
        return pats.findLockedWithScopesByIdAndOwnerId(patId, currentUser.id())
                .orElseThrow(() -> new NotFound("pat.error.notFound"));
    }

    private void changed(PersonalAccessToken pat) {
        events.publishEvent(new PatEvents.TokenChanged(pat.getId()));
    }

    /** The Clock's now at the database's precision (microseconds), so what is returned is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
