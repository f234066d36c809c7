package dev.scopekeeper.audit;

import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.ScopekeeperPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events: who (the signed-in caller, if any), when (the Clock), from where (the
 * request's address), what, and on which target. Callers pass only names, hints and reasons.
 * Internal: services call it after their own access checks, nobody calls it from outside.
 */
@Component
public class AuditLog {

    private final AuditEventRepository events;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditLog(AuditEventRepository events, CurrentUser currentUser, Clock clock) {
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Joins the caller's transaction, so the event is written exactly when the change is. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEventType type, String targetType, Long targetId, String details) {
        ScopekeeperPrincipal actor = currentUser.find().orElse(null);
        events.save(new AuditEvent(clock.instant(), type, actor == null ? null : actor.id(),
                actor == null ? null : actor.username(), targetType, targetId, currentIp(), details));
    }

    /** For events without a signed-in caller (failed sign-ins, denied token uses): its own transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAnonymous(AuditEventType type, Long actorId, String actorName, String targetType, Long targetId,
            String ip, String details) {
        events.save(new AuditEvent(clock.instant(), type, actorId, actorName, targetType, targetId,
                ip == null ? currentIp() : ip, details));
    }

    static String currentIp() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
