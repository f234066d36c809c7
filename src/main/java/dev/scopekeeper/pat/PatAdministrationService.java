package dev.scopekeeper.pat;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.OffsetPage;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.security.UserCredentialsOnly;
import dev.scopekeeper.security.UserDirectory;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every token of every user, for platform administrators: filtered list, read-only details, revoke (one or
 * many) and delete. The secret is never available (it is not stored). Owners see what was done to their
 * tokens in the audit log.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
@UserCredentialsOnly(UserCredentialsOnly.TOKEN_MANAGEMENT)
public class PatAdministrationService {

    /** How many tokens one bulk revocation may name. */
    public static final int MAX_BULK = 500;

    private final PatRepository pats;
    private final PatService patService;
    private final PatMapper mapper;
    private final PatRevocations revocations;
    private final UserDirectory users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final PatOwnerCounts ownerCounts;

    PatAdministrationService(
            PatRepository pats,
            PatService patService,
            PatMapper mapper,
            PatRevocations revocations,
            UserDirectory users,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            PatOwnerCounts ownerCounts) {
        this.ownerCounts = ownerCounts;
        this.pats = pats;
        this.patService = patService;
        this.mapper = mapper;
        this.revocations = revocations;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Filters (null / empty = not filtered): owner, status, active and expiring within N days, never
     * expiring, unused (last use, or issue if never used) for N days, has a scope in the domain, name contains.
     */
    public record AdminPatQuery(
            Long ownerId,
            Optional<PatStatus> status,
            Integer expiresWithinDays,
            boolean neverExpires,
            Integer unusedForDays,
            Long domainId,
            String name,
            int offset,
            int limit) {

        public static AdminPatQuery all(int offset, int limit) {
            return new AdminPatQuery(null, Optional.empty(), null, false, null, null, null, offset, limit);
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ListResult<AdminPatRow> list(AdminPatQuery query) {
        Instant now = now();
        positive("expires_within_days", query.expiresWithinDays());
        positive("unused_for_days", query.unusedForDays());
        OffsetPage page = OffsetPage.of(
                query.offset(),
                query.limit(),
                Sort.by(Sort.Direction.DESC, "issuedAt").and(Sort.by(Sort.Direction.DESC, "id")));
        Specification<PersonalAccessToken> spec = matching(query, now);
        Page<PersonalAccessToken> result = pats.findAll(spec, page);
        Map<Long, String> names = ownerNames(result.getContent());
        return ListResult.of(result, page, pat -> row(pat, names, now));
    }

    /** A page of the list without its total (the administrators' table pages on without counting). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public org.springframework.data.domain.Slice<AdminPatRow> listSlice(AdminPatQuery query) {
        Instant now = now();
        positive("expires_within_days", query.expiresWithinDays());
        positive("unused_for_days", query.unusedForDays());
        OffsetPage page = OffsetPage.of(query.offset(), query.limit(), ORDER);
        org.springframework.data.domain.Slice<PersonalAccessToken> result =
                pats.findBy(matching(query, now), q -> q.slice(page));
        Map<Long, String> names = ownerNames(result.getContent());
        return result.map(pat -> row(pat, names, now));
    }

    /** How many tokens match the query's filters (offset and limit are ignored): one COUNT. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long count(AdminPatQuery query) {
        positive("expires_within_days", query.expiresWithinDays());
        positive("unused_for_days", query.unusedForDays());
        return pats.count(matching(query, now()));
    }

    private static final Sort ORDER = Sort.by(Sort.Direction.DESC, "issuedAt").and(Sort.by(Sort.Direction.DESC, "id"));

    private Map<Long, String> ownerNames(List<PersonalAccessToken> tokens) {
        return users.usernames(
                tokens.stream().map(PersonalAccessToken::getOwnerId).collect(java.util.stream.Collectors.toSet()));
    }

    private static AdminPatRow row(PersonalAccessToken pat, Map<Long, String> names, Instant now) {
        return new AdminPatRow(
                pat.getId(),
                pat.getOwnerId(),
                names.getOrDefault(pat.getOwnerId(), "#" + pat.getOwnerId()),
                pat.getName(),
                pat.getDescription(),
                pat.status(now),
                pat.getIssuedAt(),
                pat.getExpiresAt(),
                pat.getLastUsedAt(),
                pat.getScopes().size());
    }

    private static Specification<PersonalAccessToken> matching(AdminPatQuery query, Instant now) {
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.ownerId() != null) {
                where.add(cb.equal(root.get("ownerId"), query.ownerId()));
            }
            query.status()
                    .ifPresent(status -> where.add(
                            switch (status) {
                                case REVOKED -> cb.isNotNull(root.get("revokedAt"));
                                case EXPIRED ->
                                    cb.and(
                                            cb.isNull(root.get("revokedAt")),
                                            cb.lessThanOrEqualTo(root.get("expiresAt"), now));
                                case ACTIVE -> active(cb, root, now);
                            }));
            if (query.expiresWithinDays() != null) {
                where.add(cb.isNull(root.get("revokedAt")));
                where.add(cb.greaterThan(root.get("expiresAt"), now));
                where.add(cb.lessThanOrEqualTo(
                        root.get("expiresAt"), now.plus(Duration.ofDays(query.expiresWithinDays()))));
            }
            if (query.neverExpires()) {
                where.add(cb.isNull(root.get("expiresAt")));
            }
            if (query.unusedForDays() != null) {
                where.add(cb.lessThan(
                        cb.coalesce(root.<Instant>get("lastUsedAt"), root.<Instant>get("issuedAt")),
                        now.minus(Duration.ofDays(query.unusedForDays()))));
            }
            if (query.domainId() != null) {
                Subquery<Long> scoped = cq.subquery(Long.class);
                var scope = scoped.from(PatScope.class);
                scoped.select(scope.get("id"))
                        .where(cb.equal(scope.get("pat"), root), cb.equal(scope.get("domainId"), query.domainId()));
                where.add(cb.exists(scoped));
            }
            if (query.name() != null && !query.name().isBlank()) {
                where.add(
                        cb.like(root.get("name"), "%" + escapeLike(query.name().strip()) + "%", '\\'));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** Any token's details (read-only; never the secret). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public PatDetails get(long patId) {
        return mapper.details(load(patId));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PatDetails revoke(long patId) {
        return revoke(patId, null);
    }

    /**
     * Revokes the token finally for its owner: the owner cannot regenerate it (409 saying who and when) until
     * {@link #liftRevocation}. A token the owner had revoked becomes revoked by an administrator. Idempotent.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PatDetails revoke(long patId, String reason) {
        PersonalAccessToken pat = loadForChange(patId);
        String why = reason == null ? null : Names.description("reason", reason);
        if (why != null && why.length() > PersonalAccessToken.REASON_MAX) {
            throw new InvalidInput("reason", "admin.tokens.validation.reasonLength", PersonalAccessToken.REASON_MAX);
        }
        patService.revoke(pat, RevokedBy.ADMINISTRATOR, why, "revoked by an administrator");
        return mapper.details(pat);
    }

    /**
     * Lets the owner regenerate a token that an administrator, a domain admin, the policy or a leak report
     * revoked. The token stays revoked (no secret is issued here); the owner decides whether to regenerate it.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PatDetails liftRevocation(long patId) {
        PersonalAccessToken pat = loadForChange(patId);
        if (pat.getRevokedAt() == null) {
            throw new Conflict(null, "admin.tokens.lift.notRevoked");
        }
        if (pat.liftRevocation(now())) {
            pats.flush();
            audit.record(
                    AuditEventType.PAT_REVOCATION_LIFTED,
                    "pat",
                    patId,
                    "name=" + pat.getName() + ", revoked by "
                            + pat.getRevokedBy().wireName() + ": the owner may regenerate it again");
        }
        return mapper.details(pat);
    }

    /** Revokes the given tokens (unknown and already revoked ones are skipped); returns how many were revoked. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int revokeAll(Collection<Long> patIds) {
        if (patIds == null || patIds.isEmpty()) {
            throw new InvalidInput("ids", "admin.tokens.validation.idsRequired");
        }
        if (patIds.size() > MAX_BULK) {
            throw new InvalidInput("ids", "admin.tokens.validation.tooMany", MAX_BULK);
        }
        return revocations.revoke(
                new LinkedHashSet<>(patIds), now(), RevokedBy.ADMINISTRATOR, null, "revoked by an administrator");
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void delete(long patId) {
        PersonalAccessToken pat = loadForChange(patId);
        pats.delete(pat);
        pats.flush();
        events.publishEvent(new PatEvents.TokenChanged(patId));
        audit.record(
                AuditEventType.PAT_DELETED,
                "pat",
                patId,
                "name=" + pat.getName() + ", owner=" + pat.getOwnerId() + ", deleted by an administrator");
    }

    /** How many tokens (any status) each of the users owns; users without tokens are absent. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Map<Long, Long> tokenCounts(Collection<Long> ownerIds) {
        if (ownerIds == null || ownerIds.isEmpty()) {
            return new HashMap<>();
        }
        return ownerCounts.totals(ownerIds);
    }

    private PersonalAccessToken load(long patId) {
        return pats.findById(patId).orElseThrow(() -> new NotFound("pat.error.notFound"));
    }

    /** {@link #load}, locked for this change as the owner's changes lock it: racing them never answers 409. */
    private PersonalAccessToken loadForChange(long patId) {
        return pats.findLockedWithScopesById(patId).orElseThrow(() -> new NotFound("pat.error.notFound"));
    }

    private static Predicate active(
            jakarta.persistence.criteria.CriteriaBuilder cb,
            jakarta.persistence.criteria.Root<PersonalAccessToken> root,
            Instant now) {
        return cb.and(
                cb.isNull(root.get("revokedAt")),
                cb.or(cb.isNull(root.get("expiresAt")), cb.greaterThan(root.get("expiresAt"), now)));
    }

    private static void positive(String field, Integer days) {
        if (days != null && (days < 0 || days > 36_500)) {
            throw new InvalidInput(field, "admin.tokens.validation.days");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
