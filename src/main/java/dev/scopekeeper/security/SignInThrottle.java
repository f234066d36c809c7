package dev.scopekeeper.security;

import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.SharedMaps;
import dev.scopekeeper.base.SharedMaps.SharedMap;
import dev.scopekeeper.base.TooManyAttempts;
import java.io.Serializable;
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
 * <li>per address (any account, so spraying many usernames): a token bucket of
 * {@code address-capacity} failures refilled (continuously) over {@code address-refill}; once empty, attempts from
 * that address wait for the next token.</li>
 * </ul>
 * Both count across the nodes of a cluster ({@link SharedMaps}): N nodes do not give N times the guesses.
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

    private record Failures(int count, Instant last) implements Serializable {}

    /** A token bucket: {@code tokens} as of {@code at}, refilling continuously. */
    private record Tokens(double tokens, Instant at) implements Serializable {

        double available(Settings settings, Instant now) {
            double refillNanos = settings.addressRefill().toNanos();
            double elapsed = Math.max(0, Duration.between(at, now).toNanos());
            return Math.min(settings.addressCapacity(), tokens + elapsed * settings.addressCapacity() / refillNanos);
        }

        /** How long until one token is available. */
        Duration untilOne(Settings settings, Instant now) {
            double missing = 1 - available(settings, now);
            return Duration.ofNanos(
                    (long) Math.ceil(missing * settings.addressRefill().toNanos() / settings.addressCapacity()));
        }
    }

    private final Settings defaults;
    private final Clock clock;
    private final SharedMap<String, Failures> byAccountAndAddress;
    private final SharedMap<String, Tokens> byAddress;
    private volatile Settings settings;

    SignInThrottle(
            @Value("${scopekeeper.sign-in.free-failures:3}") int freeFailures,
            @Value("${scopekeeper.sign-in.max-delay:15m}") Duration maxDelay,
            @Value("${scopekeeper.sign-in.address-capacity:30}") int addressCapacity,
            @Value("${scopekeeper.sign-in.address-refill:15m}") Duration addressRefill,
            Clock clock,
            SharedMaps shared) {
        this.clock = clock;
        this.byAccountAndAddress = shared.map("scopekeeper.sign-in.failures", Duration.ofHours(6), 200_000);
        this.byAddress = shared.map("scopekeeper.sign-in.address-buckets", Duration.ofHours(6), 200_000);
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
        byAccountAndAddress.clear();
        byAddress.clear();
    }

    /** Throws {@link SignInThrottled} when this attempt must wait; otherwise the password may be checked. */
    void check(String username, String address) {
        Settings current = settings;
        Instant now = clock.instant();
        Failures failures = byAccountAndAddress.map().get(key(username, address));
        if (failures != null && failures.count() >= current.freeFailures()) {
            Instant allowedAt = failures.last().plus(delay(current, failures.count()));
            if (now.isBefore(allowedAt)) {
                throw new SignInThrottled(seconds(Duration.between(now, allowedAt)));
            }
        }
        Tokens tokens = byAddress.map().get(address(address));
        if (tokens != null && tokens.available(current, now) < 1) {
            throw new SignInThrottled(seconds(tokens.untilOne(current, now)));
        }
    }

    /** A wrong password (or unknown username) from the address. */
    void failed(String username, String address) {
        Settings current = settings;
        Instant now = clock.instant();
        byAccountAndAddress
                .map()
                .merge(key(username, address), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        byAddress.map().compute(address(address), (a, old) -> {
            double available = old == null ? current.addressCapacity() : old.available(current, now);
            return new Tokens(available >= 1 ? available - 1 : available, now);
        });
    }

    /** The right password: this account's count from this address starts again. */
    void succeeded(String username, String address) {
        byAccountAndAddress.map().remove(key(username, address));
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
