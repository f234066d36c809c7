package dev.scopekeeper.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit log; written once, never changed. */
@Entity
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, length = 40, updatable = false)
    private AuditEventType eventType;

    @Column(name = "actor_id", updatable = false)
    private Long actorId;

    @Column(name = "actor_name", length = 64, updatable = false)
    private String actorName;

    @Column(name = "target_type", length = 16, updatable = false)
    private String targetType;

    @Column(name = "target_id", updatable = false)
    private Long targetId;

    @Column(name = "ip", length = 45, updatable = false)
    private String ip;

    @Column(name = "details", length = 1000, updatable = false)
    private String details;

    protected AuditEvent() {}

    AuditEvent(
            Instant occurredAt,
            AuditEventType eventType,
            Long actorId,
            String actorName,
            String targetType,
            Long targetId,
            String ip,
            String details) {
        this.occurredAt = occurredAt;
        this.eventType = eventType;
        this.actorId = actorId;
        this.actorName = actorName;
        this.targetType = targetType;
        this.targetId = targetId;
        this.ip = ip;
        this.details = details == null || details.length() <= 1000 ? details : details.substring(0, 1000);
    }

    AuditEntry toEntry() {
        return new AuditEntry(id, occurredAt, eventType, actorId, actorName, targetType, targetId, ip, details);
    }
}
