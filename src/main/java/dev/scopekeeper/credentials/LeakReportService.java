package dev.scopekeeper.credentials;

import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.SharedMaps;
import dev.scopekeeper.base.SharedMaps.SharedMap;
import dev.scopekeeper.pat.PatLeakRevoker;
import dev.scopekeeper.pat.PatTokens;
import dev.scopekeeper.services.ServiceCredentialLeakRevoker;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Leaked-credential reports, like GitHub's credential revocation API: anyone (no authentication) may report
 * up to {@value #MAX_CREDENTIALS} strings; each that is a live Scopekeeper token (a PAT, {@code pat_}, or a service
 * credential, {@code svc_}) is revoked. The answer is the
 * same whatever was found — only how many entries were well-formed — so the endpoint is no oracle; reports
 * are throttled per address twice: at most {@code scopekeeper.credentials.report-limit} requests (default 30)
 * and at most {@code scopekeeper.credentials.report-entry-budget} well-formed entries (default 3,000) per
 * {@code scopekeeper.credentials.report-window} (default 1 minute). Each well-formed entry costs one unit of the
 * entry budget (malformed ones never reach the database and cost nothing); a report that would overdraw the
 * budget is refused whole (429) and costs nothing. The lookup is at most three queries whatever the number of
 * entries (two for PATs, one for service credentials).
 */
@Service
public class LeakReportService {

    public static final int MAX_CREDENTIALS = 1000;
    private static final Logger log = LoggerFactory.getLogger(LeakReportService.class);

    /** Too many reports from this address in the window; retry after that many seconds. */
    public static final class TooManyReports extends RuntimeException {
        private final long retryAfterSeconds;

        TooManyReports(long retryAfterSeconds) {
            super("too many credential reports");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private record Window(Instant start, int count) implements Serializable {}

    /** Entries spent from an address's budget since {@code start}. */
    private record Budget(Instant start, int spent) implements Serializable {}

    private final PatLeakRevoker revoker;
    private final ServiceCredentialLeakRevoker services;
    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final int entryBudget;
    private final SharedMap<String, Window> reports;
    private final SharedMap<String, Budget> entries;

    LeakReportService(
            PatLeakRevoker revoker,
            ServiceCredentialLeakRevoker services,
            Clock clock,
            @Value("${scopekeeper.credentials.report-limit:30}") int limit,
            @Value("${scopekeeper.credentials.report-entry-budget:3000}") int entryBudget,
            @Value("${scopekeeper.credentials.report-window:1m}") Duration window,
            SharedMaps shared) {
        this.revoker = revoker;
        this.services = services;
        this.clock = clock;
        this.limit = limit;
        this.entryBudget = Math.max(MAX_CREDENTIALS, entryBudget);
        this.window = window;
        // Counted across the nodes of a cluster; entries check their window themselves, idle ones go.
        this.reports = shared.map("scopekeeper.credentials.reports", window, 100_000);
        this.entries = shared.map("scopekeeper.credentials.report-entries", window, 100_000);
    }

    /** Returns how many of the entries were well-formed Scopekeeper tokens or service secrets (format, checksum). */
    @PreAuthorize("permitAll()")
    public int report(List<String> credentials, String reporterAddress) {
        String address = reporterAddress == null ? "?" : reporterAddress;
        throttle(address);
        if (credentials == null) {
            throw new InvalidInput("credentials", "credentials.validation.required");
        }
        if (credentials.size() > MAX_CREDENTIALS) {
            throw new InvalidInput("credentials", "credentials.validation.tooMany", MAX_CREDENTIALS);
        }
        List<String> wellFormed = credentials.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(c -> PatTokens.check(c) == null || ServiceCredentialLeakRevoker.wellFormed(c))
                .toList();
        spend(address, wellFormed.size());
        List<String> serviceSecrets = wellFormed.stream()
                .filter(ServiceCredentialLeakRevoker::wellFormed)
                .toList();
        List<String> patSecrets = wellFormed.stream()
                .filter(c -> !ServiceCredentialLeakRevoker.wellFormed(c))
                .toList();
        int revoked = 0;
        if (!patSecrets.isEmpty()) {
            revoked += revoker.revokeLeaked(patSecrets, reporterAddress);
        }
        if (!serviceSecrets.isEmpty()) {
            revoked += services.revokeLeaked(serviceSecrets, reporterAddress);
        }
        if (revoked > 0) {
            log.info("Revoked {} credential(s) reported as leaked from {}", revoked, reporterAddress);
        }
        return wellFormed.size();
    }

    /** Takes {@code n} entries from the address's budget, or refuses the report whole (and takes nothing). */
    private void spend(String address, int n) {
        if (n == 0) {
            return;
        }
        Instant now = clock.instant();
        boolean[] refused = {false};
        Budget current = entries.map().compute(address, (key, b) -> {
            refused[0] = false; // a shared map may call this again (compare-and-set)
            Budget fresh = b == null || !now.isBefore(b.start().plus(window)) || now.isBefore(b.start())
                    ? new Budget(now, 0)
                    : b;
            if (fresh.spent() + n > entryBudget) {
                refused[0] = true;
                return fresh;
            }
            return new Budget(fresh.start(), fresh.spent() + n);
        });
        if (refused[0]) {
            Instant end = current.start().plus(window);
            throw new TooManyReports(Math.max(1, Duration.between(now, end).toSeconds() + 1));
        }
    }

    private void throttle(String address) {
        Instant now = clock.instant();
        Window current = reports.map()
                .compute(
                        address,
                        (key, w) -> w == null || !now.isBefore(w.start().plus(window)) || now.isBefore(w.start())
                                ? new Window(now, 1)
                                : new Window(w.start(), w.count() + 1));
        if (current.count() > limit) {
            Instant end = current.start().plus(window);
            throw new TooManyReports(Math.max(1, Duration.between(now, end).toSeconds() + 1));
        }
    }
}
