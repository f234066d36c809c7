package dev.scopekeeper.security.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scopekeeper.base.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Repeated bad bearer tokens from one address are answered with 429 and {@code Retry-After} for
 * the rest of the window, before any token lookup; other addresses are not affected.
 */
@Component
class AuthenticationThrottle {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Window> failures;

    AuthenticationThrottle(@Value("${scopekeeper.api.failure-limit:20}") int limit,
            @Value("${scopekeeper.api.failure-window:1m}") Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    private record Window(Instant start, int count) {
    }

    void checkAllowed(String address) {
        Window current = failures.getIfPresent(address);
        if (current == null) {
            return;
        }
        Instant now = clock.instant();
        Instant end = current.start().plus(window);
        if (current.count() >= limit && now.isBefore(end)) {
            throw new TooManyAuthenticationFailures(Math.max(1, Duration.between(now, end).toSeconds() + 1));
        }
    }

    void recordFailure(String address) {
        Instant now = clock.instant();
        failures.asMap().compute(address, (key, current) -> current == null
                || !now.isBefore(current.start().plus(window)) ? new Window(now, 1)
                : new Window(current.start(), current.count() + 1));
    }
}
