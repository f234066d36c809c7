package dev.scopekeeper.domains;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Per-user UI state: the current domain. */
@Entity
@Table(name = "user_preference")
class UserPreference {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "current_domain_id")
    private Long currentDomainId;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UserPreference() {}

    UserPreference(long userId) {
        this.userId = userId;
    }

    Long getCurrentDomainId() {
        return currentDomainId;
    }

    void setCurrentDomainId(Long currentDomainId) {
        this.currentDomainId = currentDomainId;
    }
}
