package dev.scopekeeper.security.api;

import dev.scopekeeper.base.SharedMaps;
import dev.scopekeeper.base.SharedMaps.SharedMap;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts bad bearer tokens per client address. Only failures are counted and only failures are
 * refused: once an address has sent more than {@code limit} bad tokens in a window, its further bad
 * tokens are answered with 429 and {@code Retry-After} instead of 401, while a valid token from the
 * same address (another client behind the same NAT or proxy) still works. The address is the
 * request's remote address, which is the real client only when a trusted proxy is configured
 * ({@code server.forward-headers-strategy}, see the README).
 *
 * <p>Limit and window come from {@code scopekeeper.api.failure-limit} / {@code failure-window}; tests
 * change them at run time with {@link #configure} and put them back with {@link #restoreDefaults}.
 */
@Component
public class AuthenticationThrottle {

    private final int defaultLimit;
    private final Duration defaultWindow;
    private final Clock clock;
    private final SharedMap<String, Window> failures;
    private volatile Settings settings;

    private record Settings(int limit, Duration window) {}

    private record Window(Instant start, int count) implements Serializable {}

    AuthenticationThrottle(
            @Value("${scopekeeper.api.failure-limit:20}") int limit,
            @Value("${scopekeeper.api.failure-window:1m}") Duration window,
            Clock clock,
            SharedMaps shared) {
        this.defaultLimit = limit;
        this.defaultWindow = window;
        this.clock = clock;
        this.settings = new Settings(limit, window);
        // Entries are checked against the window themselves; the idle time only bounds memory. Shared by the
        // nodes of a cluster, so N nodes do not allow N times the bad tokens.
        this.failures = shared.map("scopekeeper.api.bad-token-failures", Duration.ofHours(1), 100_000);
    }

    /** Changes limit and window at run time and forgets every counted failure. */
    public void configure(int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limit must be positive and window longer than zero");
        }
        settings = new Settings(limit, window);
        reset();
    }

    /** Back to the configured limit and window, with no failures counted. */
    public void restoreDefaults() {
        configure(defaultLimit, defaultWindow);
    }

    /** Forgets every counted failure. */
    public void reset() {
        failures.clear();
    }

    /**
     * Counts one bad token from the address. Returns normally while the address is within its limit
     * (the caller answers 401); throws once it is over it (the caller answers 429).
     */
    void recordFailure(String address) throws TooManyAuthenticationFailures {
        Settings current = settings;
        Instant now = clock.instant();
        Window window = failures.map()
                .compute(
                        key(address),
                        (key, w) -> w == null || !now.isBefore(w.start().plus(current.window()))
                                ? new Window(now, 1)
                                : new Window(w.start(), w.count() + 1));
        if (window.count() > current.limit()) {
            Instant end = window.start().plus(current.window());
            throw new TooManyAuthenticationFailures(
                    Math.max(1, Duration.between(now, end).toSeconds() + 1), window.count() == current.limit() + 1);
        }
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }
}
