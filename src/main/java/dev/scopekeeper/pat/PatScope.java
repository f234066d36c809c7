package dev.scopekeeper.pat;

import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.authz.Scope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One (domain, entity type, operation, entity) a token may act on; operation and entity may be {@code *}. */
@Entity
@Table(name = "pat_scope")
class PatScope {

    static final String ANY = "*";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pat_id", nullable = false, updatable = false)
    private PersonalAccessToken pat;

    @Column(name = "domain_id", nullable = false, updatable = false)
    private Long domainId;

    @Column(name = "entity_type", nullable = false, length = 16, updatable = false)
    private String entityType;

    @Column(name = "operation", nullable = false, length = 40, updatable = false)
    private String operation;

    @Column(name = "entity", nullable = false, length = 24, updatable = false)
    private String entity;

    protected PatScope() {}

    PatScope(PersonalAccessToken pat, Key key) {
        this.pat = pat;
        this.domainId = key.domainId();
        this.entityType = key.entityType().wireName();
        this.operation = key.operation();
        this.entity = key.entity();
    }

    Long getId() {
        return id;
    }

    /** The id of the token this scope belongs to. */
    long patId() {
        return pat.getId();
    }

    Key key() {
        return new Key(domainId, EntityType.fromWire(entityType).orElseThrow(), operation, entity);
    }

    /** The comparable content of a scope: wire names, with {@code *} for "all" / "any". */
    record Key(long domainId, EntityType entityType, String operation, String entity) {

        /** The scope as the authorization rule sees it. */
        Scope asScope() {
            return new Scope(domainId, entityType, operation, entity);
        }
    }
}
