package dev.scopekeeper.pat;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/**
 * A personal access token: its owner, its scopes and its lifecycle. The secret is never here, only
 * its digest and a display hint. Changes go through the methods below, which keep the invariants.
 */
@Entity
@Table(name = "pat")
@EntityListeners(PatListChanges.class)
class PersonalAccessToken {

    /** Longest revocation reason kept (longer ones are cut). */
    static final int REASON_MAX = 255;

    /** What the list's filters saw of this token when it was loaded or last written ({@link PatListChanges}). */
    @Transient
    private PatListCounts.Row listedAs;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private Long ownerId;

    @Column(name = "created_by_id", nullable = false, updatable = false)
    private Long createdById;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "description", nullable = false, length = 1024)
    private String description;

    @Column(name = "secret_digest", nullable = false, length = 64, columnDefinition = "char(64)")
    private String secretDigest;

    @Column(name = "secret_hint", nullable = false, length = 16)
    private String secretHint;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Convert(converter = RevokedBy.Column.class)
    @Column(name = "revoked_by", length = 16)
    private RevokedBy revokedBy;

    @Column(name = "revoked_reason", length = 255)
    private String revokedReason;

    /** Set when a platform administrator lets the owner regenerate a token someone else revoked. */
    @Column(name = "revocation_lifted_at")
    private Instant revocationLiftedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "last_used_ip", length = 45)
    private String lastUsedIp;

    @Column(name = "use_count", nullable = false)
    private long useCount;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** Rotation with grace: the digest of the secret before the last regeneration, accepted until then. */
    @Column(name = "previous_secret_digest", length = 64, columnDefinition = "char(64)")
    private String previousSecretDigest;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Column(name = "previous_secret_uses", nullable = false)
    private long previousSecretUses;

    @BatchSize(size = 100)
    @OneToMany(mappedBy = "pat", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    private Set<PatScope> scopes = new LinkedHashSet<>();

    protected PersonalAccessToken() {}

    PersonalAccessToken(
            long ownerId,
            long createdById,
            String name,
            String description,
            String secretDigest,
            String secretHint,
            Instant issuedAt,
            Instant expiresAt) {
        this.ownerId = ownerId;
        this.createdById = createdById;
        this.name = Objects.requireNonNull(name);
        this.description = Objects.requireNonNull(description);
        this.secretDigest = Objects.requireNonNull(secretDigest);
        this.secretHint = Objects.requireNonNull(secretHint);
        this.issuedAt = Objects.requireNonNull(issuedAt);
        this.expiresAt = expiresAt;
    }

    PatStatus status(Instant now) {
        if (revokedAt != null) {
            return PatStatus.REVOKED;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return PatStatus.EXPIRED;
        }
        return PatStatus.ACTIVE;
    }

    /**
     * Idempotent: revoking a revoked token keeps the first revocation, except that a final revocation (by anyone
     * but the owner) replaces the owner's own one, so the owner cannot undo it by regenerating.
     */
    boolean revoke(Instant now, RevokedBy by, String reason) {
        Objects.requireNonNull(by);
        if (revokedAt != null && !(by.finalForOwner() && !revocationFinalForOwner())) {
            return false;
        }
        revokedAt = now;
        revokedBy = by;
        revokedReason = reason == null || reason.isBlank() ? null : truncated(reason.strip());
        revocationLiftedAt = null;
        return true;
    }

    /** Revoked by someone else than the owner, and not lifted by an administrator: the owner may not regenerate. */
    boolean revocationFinalForOwner() {
        return revokedAt != null && revokedBy != null && revokedBy.finalForOwner() && revocationLiftedAt == null;
    }

    /** A platform administrator lets the owner regenerate again; the token stays revoked until then. */
    boolean liftRevocation(Instant now) {
        if (!revocationFinalForOwner()) {
            return false;
        }
        revocationLiftedAt = now;
        return true;
    }

    /** A new secret and lifetime; un-revokes. Name, description and scopes stay. */
    void regenerate(String newDigest, String newHint, Instant now, Instant newExpiresAt) {
        this.secretDigest = Objects.requireNonNull(newDigest);
        this.secretHint = Objects.requireNonNull(newHint);
        this.issuedAt = now;
        this.expiresAt = newExpiresAt;
        this.revokedAt = null;
        this.revokedBy = null;
        this.revokedReason = null;
        this.revocationLiftedAt = null;
        endGrace();
    }

    // --- rotation with grace ---

    /** After {@link #regenerate}: the secret it replaced keeps working until {@code until}. */
    void keepPreviousSecret(String previousDigest, Instant until) {
        this.previousSecretDigest = Objects.requireNonNull(previousDigest);
        this.previousSecretUntil = Objects.requireNonNull(until);
        this.previousSecretUses = 0;
    }

    /** The old secret stops working now; false when there was no grace running. */
    boolean endGrace() {
        boolean had = previousSecretDigest != null;
        this.previousSecretDigest = null;
        this.previousSecretUntil = null;
        this.previousSecretUses = 0;
        return had;
    }

    /** Until when the previous secret is accepted, or null when it is not (none, ended, or token revoked). */
    Instant previousSecretAcceptedUntil(Instant now) {
        return previousSecretDigest != null
                        && revokedAt == null
                        && previousSecretUntil != null
                        && previousSecretUntil.isAfter(now)
                ? previousSecretUntil
                : null;
    }

    String getPreviousSecretDigest() {
        return previousSecretDigest;
    }

    long getPreviousSecretUses() {
        return previousSecretUses;
    }

    static String truncated(String reason) {
        return reason.length() <= REASON_MAX ? reason : reason.substring(0, REASON_MAX - 1) + "\u2026";
    }

    PatListCounts.Row listedAs() {
        return listedAs;
    }

    void listedAs(PatListCounts.Row row) {
        this.listedAs = row;
    }

    void rename(String name) {
        this.name = Objects.requireNonNull(name);
    }

    void describe(String description) {
        this.description = Objects.requireNonNull(description);
    }

    /** False when an equal scope is already there (duplicates are ignored, not doubled). */
    boolean addScope(PatScope.Key key) {
        if (scopes.stream().anyMatch(s -> s.key().equals(key))) {
            return false;
        }
        scopes.add(new PatScope(this, key));
        return true;
    }

    boolean removeScope(PatScope.Key key) {
        return scopes.removeIf(s -> s.key().equals(key));
    }

    boolean removeScopeById(long scopeId) {
        return scopes.removeIf(s -> s.getId() != null && s.getId() == scopeId);
    }

    int clearScopes() {
        int count = scopes.size();
        scopes.clear();
        return count;
    }

    Long getId() {
        return id;
    }

    long getOwnerId() {
        return ownerId;
    }

    long getCreatedById() {
        return createdById;
    }

    String getName() {
        return name;
    }

    String getDescription() {
        return description;
    }

    String getSecretDigest() {
        return secretDigest;
    }

    String getSecretHint() {
        return secretHint;
    }

    Instant getIssuedAt() {
        return issuedAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    RevokedBy getRevokedBy() {
        return revokedBy;
    }

    String getRevokedReason() {
        return revokedReason;
    }

    Instant getRevocationLiftedAt() {
        return revocationLiftedAt;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }

    String getLastUsedIp() {
        return lastUsedIp;
    }

    long getUseCount() {
        return useCount;
    }

    Set<PatScope> getScopes() {
        return scopes;
    }
}
