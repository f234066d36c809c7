package dev.scopekeeper.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.TooManyAttempts;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Throttles password guessing, for the API ({@code POST /api/v1/users/tokens/issue}) and the browser
 * sign-in form alike, <em>before</em> the password is checked:
 * <ul>
 * <li>per account <em>and</em> address: the first {@code free-failures} wrong passwords cost nothing;
 * after that every further attempt from that address for that account waits a delay that doubles with
 * each failure (1 s, 2 s, 4 s, ... up to {@code max-delay}). A success resets it. Because the key
 * includes the address, a guesser never locks the right password out from another address.</li>
 * <li>per address (any account, so spraying many usernames): a Bucket4j token bucket of
 * {@code address-capacity} failures refilled over {@code address-refill}; once empty, attempts from
 * that address wait for the next token.</li>
 * </ul>
 * Refusals are {@link SignInThrottled} (429 with {@code Retry-After} in the API). Tests change the
 * settings at run time ({@link #configure}) instead of starting a context with other properties.
 */
@Component
public class SignInThrottle {

    /** The settings: see the class comment. */
    public record Settings(int freeFailures, Duration maxDelay, int addressCapacity, Duration addressRefill) {}

    /** Refused before the password was looked at. */
    public static final class SignInThrottled extends TooManyAttempts {
        SignInThrottled(long retryAfterSeconds) {
            super(Messages.get("api.auth.tooManySignIns", retryAfterSeconds), retryAfterSeconds);
        }
    }

    private record Failures(int count, Instant last) {}

    private final Settings defaults;
    private final Clock clock;
    private final TimeMeter time;
    private final Cache<String, Failures> byAccountAndAddress = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(6))
            .maximumSize(200_000)
            .build();
    private final Cache<String, Bucket> byAddress = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(6))
            .maximumSize(200_000)
            .build();
    private volatile Settings settings;

    SignInThrottle(
            @Value("${scopekeeper.sign-in.free-failures:3}") int freeFailures,
            @Value("${scopekeeper.sign-in.max-delay:15m}") Duration maxDelay,
            @Value("${scopekeeper.sign-in.address-capacity:30}") int addressCapacity,
            @Value("${scopekeeper.sign-in.address-refill:15m}") Duration addressRefill,
            Clock clock) {
        this.clock = clock;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.defaults = new Settings(freeFailures, maxDelay, addressCapacity, addressRefill);
        this.settings = defaults;
    }

    public Settings settings() {
        return settings;
    }

    /** New settings; every counted failure is forgotten. */
    public void configure(Settings newSettings) {
        if (newSettings.freeFailures() < 0
                || newSettings.addressCapacity() < 1
                || newSettings.maxDelay().isNegative()
                || newSettings.addressRefill().isNegative()
                || newSettings.addressRefill().isZero()) {
            throw new IllegalArgumentException("invalid sign-in throttle settings");
        }
        settings = newSettings;
        reset();
    }

    public void restoreDefaults() {
        configure(defaults);
    }

    public void reset() {
        byAccountAndAddress.invalidateAll();
        byAddress.invalidateAll();
    }

    /** Throws {@link SignInThrottled} when this attempt must wait; otherwise the password may be checked. */
    void check(String username, String address) {
        Settings current = settings;
        Failures failures = byAccountAndAddress.getIfPresent(key(username, address));
        if (failures != null && failures.count() >= current.freeFailures()) {
            Instant allowedAt = failures.last().plus(delay(current, failures.count()));
            Instant now = clock.instant();
            if (now.isBefore(allowedAt)) {
                throw new SignInThrottled(seconds(Duration.between(now, allowedAt)));
            }
        }
        Bucket bucket = byAddress.getIfPresent(address(address));
        if (bucket != null) {
            var probe = bucket.estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) {
                throw new SignInThrottled(seconds(Duration.ofNanos(probe.getNanosToWaitForRefill())));
            }
        }
    }

    /** A wrong password (or unknown username) from the address. */
    void failed(String username, String address) {
        Settings current = settings;
        Instant now = clock.instant();
        byAccountAndAddress
                .asMap()
                .merge(key(username, address), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        byAddress
                .get(address(address), a -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(current.addressCapacity())
                                .refillGreedy(current.addressCapacity(), current.addressRefill()))
                        .withCustomTimePrecision(time)
                        .build())
                .tryConsume(1);
    }

    /** The right password: this account's count from this address starts again. */
    void succeeded(String username, String address) {
        byAccountAndAddress.invalidate(key(username, address));
    }

    private static Duration delay(Settings settings, int failures) {
        int over = Math.min(failures - settings.freeFailures(), 30);
        Duration delay = Duration.ofSeconds(1L << over);
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static String key(String username, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (name.length() > 64) {
            name = name.substring(0, 64);
        }
        return address(address) + "|" + name;
    }

    private static String address(String address) {
        return address == null ? "" : address;
    }
}
