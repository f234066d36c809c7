package dev.scopekeeper.audit;

import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.ScopekeeperPrincipal;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
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

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final int QUEUE = 10_000;

    private final AuditEventRepository events;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final AtomicLong dropped = new AtomicLong();
    /**
     * One writer for events raised inside a transaction that may roll back (a denied request). The
     * request thread never waits for it, so it never holds one pool connection while asking for another.
     */
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            runnable -> {
                Thread thread = new Thread(runnable, "audit-writer");
                thread.setDaemon(true);
                return thread;
            },
            (runnable, executor) -> dropped.incrementAndGet());

    AuditLog(
            AuditEventRepository events,
            CurrentUser currentUser,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Joins the caller's transaction, so the event is written exactly when the change is. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEventType type, String targetType, Long targetId, String details) {
        ScopekeeperPrincipal actor = currentUser.find().orElse(null);
        events.save(new AuditEvent(
                clock.instant(),
                type,
                actor == null ? null : actor.id(),
                actor == null ? null : actor.username(),
                targetType,
                targetId,
                currentIp(),
                details));
    }

    /**
     * For events that must be kept even if the caller's work fails (failed sign-ins, denied token uses):
     * written in a transaction of their own. Outside a transaction that happens at once, on this thread;
     * inside one (whose connection this thread holds) it is handed to the audit writer thread instead of
     * opening a nested transaction on a second connection, which under many concurrent denials would
     * exhaust the pool with threads each holding one connection and waiting for another.
     */
    public void recordAnonymous(
            AuditEventType type,
            Long actorId,
            String actorName,
            String targetType,
            Long targetId,
            String ip,
            String details) {
        AuditEvent event = new AuditEvent(
                clock.instant(),
                type,
                actorId,
                actorName,
                targetType,
                targetId,
                ip == null ? currentIp() : ip,
                details);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            writer.execute(() -> write(event));
        } else {
            write(event);
        }
    }

    /** Waits until every event handed to the writer so far is written (tests, shutdown). */
    public boolean awaitWritten(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (writer.getActiveCount() > 0 || !writer.getQueue().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Events the writer could not take because its queue was full (a flood of denials). */
    public long droppedEvents() {
        return dropped.get();
    }

    private void write(AuditEvent event) {
        try {
            ownTransaction.executeWithoutResult(status -> events.save(event));
        } catch (RuntimeException e) {
            log.warn(
                    "Could not write an audit event of type {}: {}",
                    event.toEntry().eventType(),
                    e.toString());
        }
    }

    @PreDestroy
    void shutdown() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
