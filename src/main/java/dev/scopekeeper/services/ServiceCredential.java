package dev.scopekeeper.services;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * The credential another service authenticates with to ask about tokens. The secret is never here, only its
 * digest and a display hint. Revoking is final.
 */
@Entity
@Table(name = "service_credential")
class ServiceCredential {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "secret_digest", nullable = false, length = 64, columnDefinition = "char(64)", updatable = false)
    private String secretDigest;

    @Column(name = "secret_hint", nullable = false, length = 16, updatable = false)
    private String secretHint;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by_id", nullable = false, updatable = false)
    private Long createdById;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ServiceCredential() {}

    ServiceCredential(String name, String secretDigest, String secretHint, Instant createdAt, long createdById) {
        this.name = Objects.requireNonNull(name);
        this.secretDigest = Objects.requireNonNull(secretDigest);
        this.secretHint = Objects.requireNonNull(secretHint);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdById = createdById;
    }

    /** Revokes it; revoking a revoked credential changes nothing. */
    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getSecretDigest() {
        return secretDigest;
    }

    String getSecretHint() {
        return secretHint;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Long getCreatedById() {
        return createdById;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    ServiceCredentialView view() {
        return new ServiceCredentialView(id, name, secretHint, createdAt, revokedAt);
    }
}
