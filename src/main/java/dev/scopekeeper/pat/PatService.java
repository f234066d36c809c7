package dev.scopekeeper.pat;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.authz.DomainAccess;
import dev.scopekeeper.authz.DomainDirectory;
import dev.scopekeeper.authz.EntityDirectory;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.OffsetPage;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.security.AnyCredential;
import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.UserCredentialsOnly;
import dev.scopekeeper.security.UserDirectory;
import dev.scopekeeper.security.UserProfile;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
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
    private final UserDirectory users;
    private final DomainAccess domainAccess;
    private final DomainDirectory domains;
    private final EntityDirectory entities;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PatScopeViews scopeViews;
    private final PatListCounts listCounts;

    PatService(
            PatRepository pats,
            PatTokens tokens,
            PatPolicySource policy,
            CurrentUser currentUser,
            UserDirectory users,
            DomainAccess domainAccess,
            DomainDirectory domains,
            EntityDirectory entities,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            PatListCounts listCounts) {
        this.pats = pats;
        this.tokens = tokens;
        this.policy = policy;
        this.currentUser = currentUser;
        this.users = users;
        this.domainAccess = domainAccess;
        this.domains = domains;
        this.entities = entities;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.scopeViews = new PatScopeViews(domains, entities);
        this.listCounts = listCounts;
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
        long ownerId = request.userId() == null ? me : mintFor(request.userId());
        String name = Names.name("name", request.name());
        String description = checkedDescription(request.description());
        Instant now = now();
        Instant expiresAt = checkedExpiry(request.duration(), now);
        if (pats.existsByOwnerIdAndName(ownerId, name)) {
            throw new Conflict("name", "pat.validation.name.taken", name);
        }
        String secret = tokens.generate();
        PersonalAccessToken pat = new PersonalAccessToken(
                ownerId, me, name, description, tokens.digest(secret), PatTokens.hint(secret), now, expiresAt);
        addScopes(pat, request.scopes() == null ? List.of() : request.scopes());
        try {
            pat = pats.saveAndFlush(pat);
        } catch (DataIntegrityViolationException e) {
            throw new Conflict("name", "pat.validation.name.taken", name);
        }
        events.publishEvent(new PatListCounts.Changed(ownerId));
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
        return new IssuedPat(details(pat), secret);
    }

    /**
     * A page of my tokens with the number of all matches. The total is counted once per filter and kept until a
     * change of my tokens (or the next expiry) can have changed it ({@link PatListCounts}); the last page needs no
     * count at all.
     */
    @Transactional(readOnly = true)
    public ListResult<PatSummary> list(PatQuery query) {
        long me = currentUser.id();
        Instant now = now();
        OffsetPage page = OffsetPage.of(query.offset(), query.limit(), sort(query));
        Specification<PersonalAccessToken> spec = mineMatching(me, query, now);
        Slice<PersonalAccessToken> slice = slice(spec, page);
        long total = !slice.hasNext() && (slice.hasContent() || page.offset() == 0)
                ? page.offset() + slice.getNumberOfElements()
                : listCounts.total(
                        me,
                        new PatListCounts.Filter(query.status().orElse(null), searched(query)),
                        now,
                        () -> pats.count(spec),
                        () -> pats.findNextExpiry(me, now));
        return new ListResult<>(
                total,
                (int) page.offset(),
                page.limit(),
                slice.getContent().stream().map(pat -> summary(pat, now)).toList());
    }

    /** A page of my tokens without any total: the PAT table pages on without counting. */
    @Transactional(readOnly = true)
    public Slice<PatSummary> listSlice(PatQuery query) {
        long me = currentUser.id();
        Instant now = now();
        OffsetPage page = OffsetPage.of(query.offset(), query.limit(), sort(query));
        return slice(mineMatching(me, query, now), page).map(pat -> summary(pat, now));
    }

    private static String searched(PatQuery query) {
        return query.name() == null || query.name().isBlank()
                ? null
                : query.name().strip();
    }

    /** My tokens matching the query's status (at {@code now}) and name search. */
    /**
     * A page of tokens. Deep in a long list (from offset {@value #DEEP_PAGE}) the ids come first, from the index
     * alone, then the page's rows by id: an offset of 50,000 otherwise reads 50,000 rows only to skip them.
     */
    private Slice<PersonalAccessToken> slice(Specification<PersonalAccessToken> spec, OffsetPage page) {
        if (page.offset() < DEEP_PAGE) {
            return pats.findBy(spec, q -> q.slice(page));
        }
        List<Long> ids = pats.findIds(spec, page, page.limit() + 1);
        boolean hasNext = ids.size() > page.limit();
        List<Long> pageIds = hasNext ? ids.subList(0, page.limit()) : ids;
        Map<Long, PersonalAccessToken> byId =
                pats.findAllById(pageIds).stream().collect(Collectors.toMap(PersonalAccessToken::getId, pat -> pat));
        List<PersonalAccessToken> rows =
                pageIds.stream().map(byId::get).filter(Objects::nonNull).toList();
        return new SliceImpl<>(rows, page, hasNext);
    }

    /** From this offset on, a page reads ids first (see {@link #slice}). */
    static final int DEEP_PAGE = 500;

    private static Specification<PersonalAccessToken> mineMatching(long me, PatQuery query, Instant now) {
        String name = searched(query);
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("ownerId"), me));
            query.status()
                    .ifPresent(status -> where.add(
                            switch (status) {
                                case REVOKED -> cb.isNotNull(root.get("revokedAt"));
                                case EXPIRED ->
                                    cb.and(
                                            cb.isNull(root.get("revokedAt")),
                                            cb.lessThanOrEqualTo(root.get("expiresAt"), now));
                                case ACTIVE ->
                                    cb.and(
                                            cb.isNull(root.get("revokedAt")),
                                            cb.or(
                                                    cb.isNull(root.get("expiresAt")),
                                                    cb.greaterThan(root.get("expiresAt"), now)));
                            }));
            if (name != null) {
                where.add(cb.like(root.get("name"), "%" + escapeLike(name) + "%", '\\'));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    @Transactional(readOnly = true)
    public PatDetails get(long patId) {
        return details(mine(patId));
    }

    @Transactional
    public PatDetails rename(long patId, String newName) {
        PersonalAccessToken pat = mine(patId);
        String name = Names.name("name", newName);
        if (pats.existsByOwnerIdAndNameAndIdNot(pat.getOwnerId(), name, patId)) {
            throw new Conflict("name", "pat.validation.name.taken", name);
        }
        String old = pat.getName();
        pat.rename(name);
        events.publishEvent(new PatListCounts.Changed(pat.getOwnerId()));
        audit.record(AuditEventType.PAT_RENAMED, TARGET, patId, "from=" + old + ", to=" + name);
        return details(pat);
    }

    @Transactional
    public PatDetails describe(long patId, String description) {
        PersonalAccessToken pat = mine(patId);
        pat.describe(checkedDescription(description));
        audit.record(AuditEventType.PAT_DESCRIBED, TARGET, patId, "name=" + pat.getName());
        return details(pat);
    }

    /**
     * A new secret and lifetime; the old secret stops working at once. Works on expired tokens and on tokens the
     * owner revoked; a revocation by an administrator, a domain admin, the policy or a leak report is final for
     * the owner (409 saying who and when) until a platform administrator lifts it
     * ({@link PatAdministrationService#liftRevocation}).
     */
    @Transactional
    public IssuedPat regenerate(long patId, PatDuration duration) {
        PersonalAccessToken pat = mine(patId);
        if (pat.revocationFinalForOwner()) {
            throw finalRevocation(pat);
        }
        Instant now = now();
        Instant expiresAt = checkedExpiry(duration, now);
        checkedDescription(pat.getDescription());
        int max = policy.current().maxScopes();
        if (pat.getScopes().size() > max) {
            throw new InvalidInput("scopes", "pat.validation.scopes.tooMany", max);
        }
        String secret = tokens.generate();
        pat.regenerate(tokens.digest(secret), PatTokens.hint(secret), now, expiresAt);
        pats.flush();
        changed(pat);
        audit.record(
                AuditEventType.PAT_REGENERATED,
                TARGET,
                patId,
                "name=" + pat.getName() + ", expires=" + (expiresAt == null ? "never" : expiresAt));
        return new IssuedPat(details(pat), secret);
    }

    /** Immediate and idempotent; the token stays listed as revoked. The owner may regenerate it later. */
    @Transactional
    public PatDetails revoke(long patId) {
        PersonalAccessToken pat = mine(patId);
        revoke(pat, RevokedBy.OWNER, null, "revoked by the owner");
        return details(pat);
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
        PersonalAccessToken pat = mine(patId);
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
        List<PatScopeView> all = scopeViews(mine(patId));
        int from = (int) Math.min(page.offset(), all.size());
        int to = Math.min(from + limit, all.size());
        return new ListResult<>(all.size(), offset, limit, all.subList(from, to));
    }

    /** Adds scopes after validating each; one already present is ignored, not doubled. */
    @Transactional
    public PatDetails addScopes(long patId, List<ScopeRequest> scopes) {
        PersonalAccessToken pat = mine(patId);
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidInput("scopes", "pat.validation.scopes.required");
        }
        int added = addScopes(pat, scopes);
        pats.flush();
        changed(pat);
        audit.record(AuditEventType.PAT_SCOPES_ADDED, TARGET, patId, "name=" + pat.getName() + ", added=" + added);
        return details(pat);
    }

    /** Removes the scopes equal to the given ones (unknown ones are ignored). */
    @Transactional
    public PatDetails removeScopes(long patId, List<ScopeRequest> scopes) {
        PersonalAccessToken pat = mine(patId);
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidInput("scopes", "pat.validation.scopes.required");
        }
        int removed = 0;
        for (ScopeRequest scope : scopes) {
            removed += pat.removeScope(parseScope(scope, pat.getOwnerId(), false)) ? 1 : 0;
        }
        return scopesRemoved(pat, removed);
    }

    /** Removes scopes by their ids ({@code scopes_id}, as Magistrala sends them). */
    @Transactional
    public PatDetails removeScopesById(long patId, Collection<Long> scopeIds) {
        PersonalAccessToken pat = mine(patId);
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
        PersonalAccessToken pat = mine(patId);
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
        return details(pat);
    }

    // --- rules ---

    private PersonalAccessToken mine(long patId) {
        return pats.findWithScopesByIdAndOwnerId(patId, currentUser.id())
                .orElseThrow(() -> new NotFound("pat.error.notFound"));
    }

    private long mintFor(long userId) {
        if (!currentUser.isAdmin()) {
            throw new Forbidden("pat.error.onlyAdminsMintForOthers");
        }
        UserProfile owner =
                users.find(userId).orElseThrow(() -> new InvalidInput("user_id", "pat.validation.user.unknown"));
        if (!owner.enabled()) {
            throw new InvalidInput("user_id", "pat.validation.user.disabled", owner.username());
        }
        return owner.id();
    }

    /** A missing duration means the policy's default duration. */
    private Instant checkedExpiry(PatDuration requested, Instant now) {
        PatPolicy rules = policy.current();
        PatDuration duration = requested == null ? rules.defaultPatDuration() : requested;
        if (duration instanceof PatDuration.Never) {
            if (!rules.neverAllowed()) {
                throw new InvalidInput("duration", "pat.validation.duration.neverForbidden");
            }
            return null;
        }
        Instant expiresAt = duration.expiresAt(now);
        if (!expiresAt.isAfter(now)) {
            throw new InvalidInput("duration", "pat.validation.duration.past");
        }
        if (expiresAt.isAfter(now.plus(rules.maxLifetime()))) {
            throw new InvalidInput(
                    "duration",
                    "pat.validation.duration.tooLong",
                    rules.maxLifetime().toDays());
        }
        return expiresAt;
    }

    private String checkedDescription(String value) {
        String description = Names.description("description", value);
        if (description.isEmpty() && policy.current().descriptionRequired()) {
            throw new InvalidInput("description", "pat.validation.description.required");
        }
        return description;
    }

    private int addScopes(PersonalAccessToken pat, List<ScopeRequest> requested) {
        int added = 0;
        for (ScopeRequest scope : requested) {
            added += pat.addScope(parseScope(scope, pat.getOwnerId(), true)) ? 1 : 0;
        }
        int max = policy.current().maxScopes();
        if (pat.getScopes().size() > max) {
            throw new InvalidInput("scopes", "pat.validation.scopes.tooMany", max);
        }
        return added;
    }

    /**
     * Validates a requested scope: the owner belongs to the domain, the entity type and operation come
     * from the catalogue (or {@code *}), the entity exists in that domain (or {@code *}); a
     * {@code domains} scope is locked to its own domain.
     */
    private PatScope.Key parseScope(ScopeRequest scope, long ownerId, boolean mustExist) {
        if (scope == null || scope.domainId() == null) {
            throw new InvalidInput("scopes", "pat.validation.scope.domainRequired");
        }
        long domainId = scope.domainId();
        if (mustExist && domainAccess.roleOf(ownerId, domainId).isEmpty()) {
            throw new InvalidInput("scopes", "pat.validation.scope.domainUnknown", domainId);
        }
        EntityType type = EntityType.fromWire(
                        scope.entityType() == null ? "" : scope.entityType().strip())
                .orElseThrow(() -> new InvalidInput(
                        "scopes", "pat.validation.scope.entityTypeUnknown", String.valueOf(scope.entityType())));
        String operation = scope.operation() == null ? "" : scope.operation().strip();
        if (!PatScope.ANY.equals(operation) && Operation.find(type, operation).isEmpty()) {
            throw new InvalidInput("scopes", "pat.validation.scope.operationUnknown", operation, type.wireName());
        }
        if (type == EntityType.DOMAINS) {
            return new PatScope.Key(domainId, type, operation, String.valueOf(domainId));
        }
        String entity = scope.entity() == null || scope.entity().isBlank()
                ? PatScope.ANY
                : scope.entity().strip();
        if (!PatScope.ANY.equals(entity)) {
            long entityId;
            try {
                entityId = Long.parseLong(entity);
            } catch (NumberFormatException e) {
                throw new InvalidInput("scopes", "pat.validation.scope.entityUnknown", entity);
            }
            if (mustExist && entities.entityName(domainId, type, entityId).isEmpty()) {
                throw new InvalidInput("scopes", "pat.validation.scope.entityUnknown", entity);
            }
            entity = Long.toString(entityId);
        }
        return new PatScope.Key(domainId, type, operation, entity);
    }

    private void changed(PersonalAccessToken pat) {
        events.publishEvent(new PatEvents.TokenChanged(pat.getId()));
    }

    // --- mapping ---

    PatSummary summary(PersonalAccessToken pat, Instant now) {
        return new PatSummary(
                pat.getId(),
                pat.getOwnerId(),
                pat.getName(),
                pat.getDescription(),
                pat.status(now),
                pat.getIssuedAt(),
                pat.getExpiresAt(),
                pat.getRevokedAt(),
                pat.getLastUsedAt(),
                pat.getLastUsedIp(),
                pat.getSecretHint(),
                pat.getScopes().stream()
                        .map(s -> {
                            PatScope.Key key = s.key();
                            return new PatScopeView(
                                    s.getId(),
                                    key.domainId(),
                                    null,
                                    key.entityType().wireName(),
                                    key.operation(),
                                    key.entity(),
                                    null);
                        })
                        .toList(),
                pat.getRevokedBy(),
                pat.getRevokedReason());
    }

    /** Also used by the administrators' and domain admins' token services (same package). */
    PatDetails details(PersonalAccessToken pat) {
        // owner and creator in one query
        java.util.Map<Long, String> names =
                users.usernames(new java.util.HashSet<>(List.of(pat.getOwnerId(), pat.getCreatedById())));
        return new PatDetails(
                pat.getId(),
                pat.getOwnerId(),
                names.getOrDefault(pat.getOwnerId(), "#" + pat.getOwnerId()),
                pat.getCreatedById(),
                names.getOrDefault(pat.getCreatedById(), "#" + pat.getCreatedById()),
                pat.getName(),
                pat.getDescription(),
                pat.status(now()),
                pat.getIssuedAt(),
                pat.getExpiresAt(),
                pat.getRevokedAt(),
                pat.getLastUsedAt(),
                pat.getLastUsedIp(),
                pat.getUseCount(),
                pat.getSecretHint(),
                scopeViews(pat),
                pat.getRevokedBy(),
                pat.getRevokedReason(),
                pat.getRevocationLiftedAt(),
                pat.revocationFinalForOwner());
    }

    String domainName(long domainId) {
        return scopeViews.domainName(domainId);
    }

    String userName(long userId) {
        return users.find(userId).map(UserProfile::username).orElse("#" + userId);
    }

    /** The token's scopes as shown; names resolved in batches (see {@link PatScopeViews}). */
    List<PatScopeView> scopeViews(PersonalAccessToken pat) {
        return scopeViews.of(pat.getScopes());
    }

    /** These scopes (of any tokens) as shown, names resolved in batches. */
    List<PatScopeView> scopeViews(Collection<PatScope> scopes) {
        return scopeViews.of(scopes);
    }

    /** The Clock's now at the database's precision (microseconds), so what is returned is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Sort sort(PatQuery query) {
        String property =
                switch (query.sortBy() == null ? SortBy.NAME : query.sortBy()) {
                    case NAME -> "name";
                    case CREATED -> "issuedAt";
                    case EXPIRES -> "expiresAt";
                    case LAST_USED -> "lastUsedAt";
                };
        Sort.Direction direction = query.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        // names are unique per owner, so the (owner_id, name) key serves that sort alone; other sorts break
        // ties by id, which InnoDB keeps in every secondary index, so (owner_id, last_used_at) serves them
        Sort sort = Sort.by(direction, property);
        return property.equals("name") ? sort : sort.and(Sort.by(direction, "id"));
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
