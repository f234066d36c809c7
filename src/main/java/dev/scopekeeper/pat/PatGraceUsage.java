package dev.scopekeeper.pat;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Uses of a token's old secret during a rotation grace period: counted in memory and written like "last
 * used" (one batch per flush): the count shown on the detail page, and one audit line per token and flush
 * saying how often the old secret was used, last from where.
 */
@Component
class PatGraceUsage {

    private record Uses(long count, Instant lastAt, String lastIp) {
        Uses plus(Uses later) {
            return later.lastAt.isAfter(lastAt)
                    ? new Uses(count + later.count, later.lastAt, later.lastIp)
                    : new Uses(count + later.count, lastAt, lastIp);
        }
    }

    private final Map<Long, Uses> pending = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    PatGraceUsage(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    void record(long patId, Instant at, String ip) {
        pending.merge(patId, new Uses(1, at, ip), Uses::plus);
    }

    /** Writes what was counted since the last flush; returns how many tokens were updated. */
    @Scheduled(fixedDelayString = "${scopekeeper.pat.usage-flush-interval:PT1M}")
    @PreDestroy
    int flush() {
        List<Object[]> batch = new ArrayList<>();
        List<Map.Entry<Long, Uses>> flushed = new ArrayList<>();
        for (Long patId : List.copyOf(pending.keySet())) {
            Uses uses = pending.remove(patId);
            if (uses != null) {
                batch.add(new Object[] {uses.count(), patId});
                flushed.add(Map.entry(patId, uses));
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate(
                "UPDATE pat SET previous_secret_uses = previous_secret_uses + ?"
                        + " WHERE id = ? AND previous_secret_digest IS NOT NULL",
                batch);
        for (Map.Entry<Long, Uses> e : flushed) {
            audit.recordAnonymous(
                    AuditEventType.PAT_OLD_SECRET_USED,
                    null,
                    null,
                    "pat",
                    e.getKey(),
                    e.getValue().lastIp(),
                    "old secret used during the rotation grace period: "
                            + e.getValue().count() + " request(s), last at "
                            + e.getValue().lastAt());
        }
        return batch.size();
    }
}
