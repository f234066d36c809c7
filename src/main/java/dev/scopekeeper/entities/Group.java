package dev.scopekeeper.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A node of a domain's group hierarchy; clients, channels and other groups may have it as parent. */
@Entity
@Table(name = "entity_group")
class Group extends DomainEntity {

    @Column(name = "description", nullable = false, length = 1024)
    private String description;

    protected Group() {}

    Group(long domainId, String name, String description, List<String> tags, Instant createdAt) {
        super(domainId, name, tags, createdAt);
        this.description = description;
    }

    void setDescription(String description) {
        this.description = description;
    }

    GroupView toView() {
        return new GroupView(
                getId(),
                getDomainId(),
                getName(),
                description,
                getTags(),
                getStatus(),
                getParentGroupId(),
                getCreatedAt());
    }
}
