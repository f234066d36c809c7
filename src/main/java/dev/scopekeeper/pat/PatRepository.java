package dev.scopekeeper.pat;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PatRepository
        extends JpaRepository<PersonalAccessToken, Long>, JpaSpecificationExecutor<PersonalAccessToken>, PatIdQueries {

    Optional<PersonalAccessToken> findByIdAndOwnerId(long id, long ownerId);

    /** One of the owner's tokens with its scopes, in one query (the detail page shows them all). */
    @EntityGraph(attributePaths = "scopes")
    Optional<PersonalAccessToken> findWithScopesByIdAndOwnerId(long id, long ownerId);

    /**
     * The same, with the token's row locked ({@code SELECT ... FOR UPDATE}) until the transaction ends: concurrent
     * changes of one token run one after the other, so each sees what the one before committed (20 concurrent
     * additions of one scope leave one row, not 19 duplicate-key failures; a delete racing a revoke deletes, not
     * 409 on the version the revoke moved on).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @EntityGraph(attributePaths = "scopes")
    Optional<PersonalAccessToken> findLockedWithScopesByIdAndOwnerId(long id, long ownerId);

    /** Any owner's token, locked the same way: an administrator's or a domain admin's change of it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @EntityGraph(attributePaths = "scopes")
    Optional<PersonalAccessToken> findLockedWithScopesById(long id);

    /** The authentication lookup: one indexed query by digest, scopes fetched with it. */
    @EntityGraph(attributePaths = "scopes")
    Optional<PersonalAccessToken> findWithScopesById(long id);

    @EntityGraph(attributePaths = "scopes")
    Optional<PersonalAccessToken> findBySecretDigest(String secretDigest);

    /** Rotation with grace: the token whose previous secret has this digest (its until is checked by the caller). */
    @EntityGraph(attributePaths = "scopes")
    Optional<PersonalAccessToken> findByPreviousSecretDigest(String previousSecretDigest);

    /**
     * Leak reports: the tokens whose current secret has one of these digests (at most 1,000, one query), locked
     * for the revocation as the owner's changes lock them (racing a rename, the report still revokes).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PersonalAccessToken p where p.secretDigest in :digests")
    List<PersonalAccessToken> findBySecretDigestIn(Collection<String> digests);

    /**
     * Leak reports: the tokens whose previous (grace) secret has one of these digests (the until is checked by the
     * caller), locked the same way.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PersonalAccessToken p where p.previousSecretDigest in :digests")
    List<PersonalAccessToken> findByPreviousSecretDigestIn(Collection<String> digests);

    /** Expiry notices: live tokens expiring in the window (ordered, bounded by the caller's page). */
    @Query("select p from PersonalAccessToken p where p.revokedAt is null and p.expiresAt > :from"
            + " and p.expiresAt <= :to order by p.expiresAt, p.id")
    List<PersonalAccessToken> findLiveExpiringBetween(Instant from, Instant to, Pageable page);

    /** (id, owner id) of these tokens: the security notices' recipients. */
    @Query("select p.id, p.ownerId from PersonalAccessToken p where p.id in :ids")
    List<Object[]> findOwners(Collection<Long> ids);

    /** The header's count: my live tokens expiring within the window. */
    @Query("select count(p) from PersonalAccessToken p where p.ownerId = :ownerId and p.revokedAt is null"
            + " and p.expiresAt > :now and p.expiresAt <= :until")
    long countExpiringSoon(long ownerId, Instant now, Instant until);

    boolean existsByOwnerIdAndName(long ownerId, String name);

    boolean existsByOwnerIdAndNameAndIdNot(long ownerId, String name, long id);

    @Query("select p.secretDigest from PersonalAccessToken p where p.ownerId = :ownerId")
    java.util.List<String> findDigestsByOwnerId(long ownerId);

    @Modifying
    @Query("delete from PersonalAccessToken p where p.ownerId = :ownerId")
    int deleteAllByOwner(long ownerId);

    /** Active tokens that break a policy (see {@link PolicyService}); flags are 0 or 1. */
    String VIOLATION = " p.revoked_at IS NULL AND (p.expires_at IS NULL OR p.expires_at > :now) AND ("
            + "(p.expires_at IS NOT NULL AND p.expires_at > DATE_ADD(p.issued_at, INTERVAL :maxDays DAY))"
            + " OR (:neverForbidden = 1 AND p.expires_at IS NULL)"
            + " OR ((SELECT COUNT(*) FROM pat_scope s WHERE s.pat_id = p.id) > :maxScopes)"
            + " OR (:descriptionRequired = 1 AND TRIM(p.description) = ''))";

    /** One row: total, too long, never expiring, too many scopes, no description. */
    @Query(
            nativeQuery = true,
            value = "SELECT COUNT(*),"
                    + " COALESCE(SUM(p.expires_at IS NOT NULL AND p.expires_at > DATE_ADD(p.issued_at, INTERVAL :maxDays DAY)), 0),"
                    + " COALESCE(SUM(:neverForbidden = 1 AND p.expires_at IS NULL), 0),"
                    + " COALESCE(SUM((SELECT COUNT(*) FROM pat_scope s WHERE s.pat_id = p.id) > :maxScopes), 0),"
                    + " COALESCE(SUM(:descriptionRequired = 1 AND TRIM(p.description) = ''), 0)"
                    + " FROM pat p WHERE" + VIOLATION)
    List<Object[]> countViolations(
            Instant now, int maxDays, int neverForbidden, int maxScopes, int descriptionRequired);

    @Query(nativeQuery = true, value = "SELECT p.id FROM pat p WHERE" + VIOLATION + " ORDER BY p.id")
    List<Long> findViolationIds(Instant now, int maxDays, int neverForbidden, int maxScopes, int descriptionRequired);

    /** Active tokens whose last use (or issue, if never used) is before the cutoff. */
    @Query("select p.id from PersonalAccessToken p where p.revokedAt is null"
            + " and (p.expiresAt is null or p.expiresAt > :now) and coalesce(p.lastUsedAt, p.issuedAt) < :cutoff"
            + " order by p.id")
    List<Long> findUnusedActiveIds(Instant now, Instant cutoff);

    /** Not revoked, or revoked by the owner only (a final revocation replaces the owner's own). */
    String REVOCABLE =
            " (p.revokedAt is null or p.revokedBy is null" + " or p.revokedBy = dev.scopekeeper.pat.RevokedBy.OWNER)";

    /**
     * Revokes, finally for the owner, the tokens not revoked yet (or revoked by their owner only); bumps the
     * version so concurrent edits notice.
     */
    @Modifying
    @Query("update PersonalAccessToken p set p.revokedAt = :now, p.revokedBy = :by, p.revokedReason = :reason,"
            + " p.revocationLiftedAt = null, p.version = p.version + 1 where p.id in :ids and" + REVOCABLE)
    int revokeAll(Collection<Long> ids, Instant now, RevokedBy by, String reason);

    @Query("select p.id, p.name from PersonalAccessToken p where p.id in :ids and" + REVOCABLE)
    List<Object[]> findRevocableNames(Collection<Long> ids);

    @Query(
            value = "select p from PersonalAccessToken p where exists"
                    + " (select 1 from PatScope s where s.pat = p and s.domainId = :domainId)",
            countQuery = "select count(p) from PersonalAccessToken p where exists"
                    + " (select 1 from PatScope s where s.pat = p and s.domainId = :domainId)")
    Page<PersonalAccessToken> findWithScopeInDomain(long domainId, Pageable page);

    /** The scopes of these tokens in one domain, one query (a domain admin sees only those). */
    @Query("select s from PatScope s where s.domainId = :domainId and s.pat.id in :patIds")
    List<PatScope> findScopesInDomain(Collection<Long> patIds, long domainId);

    @Query("select p from PersonalAccessToken p where exists"
            + " (select 1 from PatScope s where s.pat = p and s.domainId = :domainId)")
    org.springframework.data.domain.Slice<PersonalAccessToken> findSliceWithScopeInDomain(long domainId, Pageable page);

    @Query("select count(p) from PersonalAccessToken p where exists"
            + " (select 1 from PatScope s where s.pat = p and s.domainId = :domainId)")
    long countWithScopeInDomain(long domainId);

    @Query("select distinct s.pat.id from PatScope s where s.domainId = :domainId and s.pat.ownerId = :ownerId")
    List<Long> findIdsWithScopeInDomain(long ownerId, long domainId);

    @Modifying
    @Query("delete from PatScope s where s.domainId = :domainId and s.pat.id in :patIds")
    int deleteScopesInDomain(Collection<Long> patIds, long domainId);

    /** The earliest expiry after now of the owner's live tokens: until then the owner's Active/Expired counts hold. */
    @Query("select min(p.expiresAt) from PersonalAccessToken p where p.ownerId = :ownerId and p.revokedAt is null"
            + " and p.expiresAt > :now")
    Optional<Instant> findNextExpiry(long ownerId, Instant now);
}
