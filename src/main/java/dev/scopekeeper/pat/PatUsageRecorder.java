package dev.scopekeeper.pat;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * "Last used" bookkeeping without a database write per request: uses are counted in memory and
 * written in one JDBC batch per flush (every minute by default, and at shutdown), so each token's
 * row is updated at most once per interval however busy it is.
 */
@Component
class PatUsageRecorder {

    private record Usage(Instant lastUsedAt, String ip, long count) {
        Usage plus(Usage later) {
            return later.lastUsedAt.isAfter(lastUsedAt)
                    ? new Usage(later.lastUsedAt, later.ip, count + later.count)
                    : new Usage(lastUsedAt, ip, count + later.count);
        }
    }

    private final Map<Long, Usage> pending = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;

    PatUsageRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(long patId, Instant at, String ip) {
        pending.merge(patId, new Usage(at, ip, 1), Usage::plus);
    }

    /** Writes what was counted since the last flush; returns how many tokens were updated. */
    @Scheduled(fixedDelayString = "${scopekeeper.pat.usage-flush-interval:PT1M}")
    @PreDestroy
    int flush() {
        Timer.Sample sample = Timer.start();
        try {
            return flushNow();
        } finally {
            sample.stop(Metrics.timer("scopekeeper.pat.usage.flush"));
        }
    }

    private int flushNow() {
        List<Object[]> batch = new ArrayList<>();
        for (Long patId : List.copyOf(pending.keySet())) {
            Usage usage = pending.remove(patId);
            if (usage != null) {
                Timestamp at = Timestamp.from(usage.lastUsedAt());
                batch.add(new Object[] {at, at, usage.ip(), usage.count(), patId});
            }
        }
        if (!batch.isEmpty()) {
            jdbc.batchUpdate(
                    "UPDATE pat SET last_used_at = GREATEST(COALESCE(last_used_at, ?), ?),"
                            + " last_used_ip = ?, use_count = use_count + ? WHERE id = ?",
                    batch);
        }
        return batch.size();
    }

    int pendingTokens() {
        return pending.size();
    }
}
