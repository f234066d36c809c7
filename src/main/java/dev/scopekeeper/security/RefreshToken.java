package dev.scopekeeper.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One refresh token of the REST API, by digest only. A family is one sign-in: every refresh marks
 * the presented token used and adds the next one to the same family.
 */
@Entity
@Table(name = "api_refresh_token")
class RefreshToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "family_id", nullable = false, updatable = false, length = 36)
    private String familyId;

    @Column(name = "token_digest", nullable = false, updatable = false, length = 64)
    private String tokenDigest;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RefreshToken() {}

    RefreshToken(long userId, String familyId, String tokenDigest, Instant issuedAt, Instant expiresAt) {
        this.userId = userId;
        this.familyId = Objects.requireNonNull(familyId);
        this.tokenDigest = Objects.requireNonNull(tokenDigest);
        this.issuedAt = Objects.requireNonNull(issuedAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    long getUserId() {
        return userId;
    }

    String getFamilyId() {
        return familyId;
    }

    Instant getIssuedAt() {
        return issuedAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getUsedAt() {
        return usedAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    void markUsed(Instant now) {
        if (usedAt != null) {
            throw new IllegalStateException("a refresh token is used once");
        }
        usedAt = now;
    }

    @Override
    public String toString() {
        return "RefreshToken[id=" + id + ", userId=" + userId + ", family=" + familyId + "]";
    }
}
