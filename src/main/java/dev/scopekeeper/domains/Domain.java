package dev.scopekeeper.domains;

import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.base.Tags;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.util.List;

/** A tenant: everything else lives in exactly one domain. */
@Entity
@EntityListeners(AccessFactsPublisher.class)
@Table(name = "domain")
class Domain {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "route", nullable = false, length = 64)
    private String route;

    @Convert(converter = Tags.ColumnConverter.class)
    @Column(name = "tags", nullable = false, length = Tags.COLUMN_LENGTH)
    private List<String> tags;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    @Column(name = "created_by", nullable = false, updatable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Domain() {}

    Domain(String name, String route, List<String> tags, long createdBy, Instant createdAt) {
        this.name = name;
        this.route = route;
        this.tags = tags;
        this.status = Status.ENABLED;
        this.createdBy = createdBy;
        this.createdAt = createdAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS); // the column keeps microseconds
    }

    Long getId() {
        return id;
    }

    String getRoute() {
        return route;
    }

    String getName() {
        return name;
    }

    void update(String name, String route, List<String> tags) {
        this.name = name;
        this.route = route;
        this.tags = tags;
    }

    void setStatus(Status status) {
        this.status = status;
    }

    DomainView toView(DomainRole myRole) {
        return new DomainView(id, name, route, tags, status, createdBy, createdAt, myRole);
    }
}
