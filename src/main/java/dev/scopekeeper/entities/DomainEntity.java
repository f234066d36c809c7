package dev.scopekeeper.entities;

import dev.scopekeeper.base.Status;
import dev.scopekeeper.base.Tags;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/** What groups, clients and channels share: a domain, a name unique in it, tags, status and a parent group. */
@MappedSuperclass
abstract class DomainEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "domain_id", nullable = false, updatable = false)
    private long domainId;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Convert(converter = Tags.ColumnConverter.class)
    @Column(name = "tags", nullable = false, length = Tags.COLUMN_LENGTH)
    private List<String> tags;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    @Column(name = "parent_group_id")
    private Long parentGroupId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected DomainEntity() {}

    protected DomainEntity(long domainId, String name, List<String> tags, Instant createdAt) {
        this.domainId = domainId;
        this.name = name;
        this.tags = tags;
        this.status = Status.ENABLED;
        this.createdAt = createdAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS); // the column keeps microseconds
    }

    Long getId() {
        return id;
    }

    long getDomainId() {
        return domainId;
    }

    String getName() {
        return name;
    }

    List<String> getTags() {
        return tags;
    }

    Status getStatus() {
        return status;
    }

    Long getParentGroupId() {
        return parentGroupId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    void rename(String name) {
        this.name = name;
    }

    void setTags(List<String> tags) {
        this.tags = tags;
    }

    void setStatus(Status status) {
        this.status = status;
    }

    void setParentGroupId(Long parentGroupId) {
        this.parentGroupId = parentGroupId;
    }
}
