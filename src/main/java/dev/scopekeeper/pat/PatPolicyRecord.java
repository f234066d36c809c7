package dev.scopekeeper.pat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The single row (id 1) of {@code pat_policy}. */
@Entity
@Table(name = "pat_policy")
class PatPolicyRecord {

    static final long ID = 1L;

    @Id
    @Column(name = "id")
    private Long id;

    @Column(name = "max_lifetime_days", nullable = false)
    private int maxLifetimeDays;

    @Column(name = "never_allowed", nullable = false)
    private boolean neverAllowed;

    @Column(name = "default_duration", nullable = false, length = 8)
    private String defaultDuration;

    @Column(name = "description_required", nullable = false)
    private boolean descriptionRequired;

    @Column(name = "max_scopes", nullable = false)
    private int maxScopes;

    @Column(name = "auto_revoke_unused_days")
    private Integer autoRevokeUnusedDays;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by_id")
    private Long updatedById;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PatPolicyRecord() {}

    PatPolicy toPolicy() {
        return new PatPolicy(
                maxLifetimeDays, neverAllowed, defaultDuration, descriptionRequired, maxScopes, autoRevokeUnusedDays);
    }

    void update(PatPolicy policy, Instant now, long byUserId) {
        this.maxLifetimeDays = policy.maxLifetimeDays();
        this.neverAllowed = policy.neverAllowed();
        this.defaultDuration = policy.defaultDuration();
        this.descriptionRequired = policy.descriptionRequired();
        this.maxScopes = policy.maxScopes();
        this.autoRevokeUnusedDays = policy.autoRevokeUnusedDays();
        this.updatedAt = now;
        this.updatedById = byUserId;
    }
}
