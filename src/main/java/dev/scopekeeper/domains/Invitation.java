package dev.scopekeeper.domains;

import dev.scopekeeper.authz.DomainRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An offer to join a domain with a role; the invitee accepts (becoming a member) or rejects it. */
@Entity
@Table(name = "invitation")
class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "domain_id", nullable = false, updatable = false)
    private long domainId;

    @Column(name = "invitee_id", nullable = false, updatable = false)
    private long inviteeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private DomainRole role;

    @Column(name = "invited_by", nullable = false, updatable = false)
    private long invitedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private InvitationState state;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Invitation() {}

    Invitation(long domainId, long inviteeId, DomainRole role, long invitedBy, Instant createdAt) {
        this.domainId = domainId;
        this.inviteeId = inviteeId;
        this.role = role;
        this.invitedBy = invitedBy;
        this.createdAt = createdAt;
        this.state = InvitationState.PENDING;
    }

    Long getId() {
        return id;
    }

    long getDomainId() {
        return domainId;
    }

    long getInviteeId() {
        return inviteeId;
    }

    DomainRole getRole() {
        return role;
    }

    InvitationState getState() {
        return state;
    }

    void respond(InvitationState answer, Instant at) {
        this.state = answer;
        this.respondedAt = at;
    }
}
