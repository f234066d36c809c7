package dev.scopekeeper.domains;

import dev.scopekeeper.authz.DomainRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A user's membership and role in one domain (one row per pair). */
@Entity
@EntityListeners(AccessFactsPublisher.class)
@Table(name = "domain_member")
class DomainMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "domain_id", nullable = false, updatable = false)
    private long domainId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private DomainRole role;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected DomainMember() {}

    DomainMember(long domainId, long userId, DomainRole role, Instant createdAt) {
        this.domainId = domainId;
        this.userId = userId;
        this.role = role;
        this.createdAt = createdAt;
    }

    long getDomainId() {
        return domainId;
    }

    long getUserId() {
        return userId;
    }

    DomainRole getRole() {
        return role;
    }

    void setRole(DomainRole role) {
        this.role = role;
    }
}
