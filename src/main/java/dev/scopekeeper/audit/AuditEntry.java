package dev.scopekeeper.audit;

import java.time.Instant;

/** An audit log line as services, views and the API see it. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        AuditEventType eventType,
        Long actorId,
        String actorName,
        String targetType,
        Long targetId,
        String ip,
        String details) {}
