package dev.scopekeeper.security.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.MutableClock;
import dev.scopekeeper.base.SharedMaps;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The throttle on its own (no Spring context): it counts failures per address and refuses only failures. */
class AuthenticationThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final AuthenticationThrottle throttle =
            new AuthenticationThrottle(3, Duration.ofMinutes(1), clock, SharedMaps.local());

    @Test
    void failuresOverTheLimitAreRefusedOnlyFromTheFailingAddressAndOnlyUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThatCode(() -> throttle.recordFailure("10.0.0.1")).doesNotThrowAnyException();
        }

        assertThatThrownBy(() -> throttle.recordFailure("10.0.0.1"))
                .isInstanceOfSatisfying(TooManyAuthenticationFailures.class, e -> assertThat(e.retryAfterSeconds())
                        .isBetween(59L, 61L));
        assertThatCode(() -> throttle.recordFailure("10.0.0.2")).doesNotThrowAnyException();

        clock.advance(Duration.ofSeconds(61));
        assertThatCode(() -> throttle.recordFailure("10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void configuringAtRunTimeChangesTheLimitAndForgetsCountedFailures() {
        throttle.recordFailure("10.0.0.1");
        throttle.recordFailure("10.0.0.1");
        throttle.recordFailure("10.0.0.1");

        throttle.configure(1, Duration.ofMinutes(5));

        assertThatCode(() -> throttle.recordFailure("10.0.0.1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> throttle.recordFailure("10.0.0.1"))
                .isInstanceOfSatisfying(TooManyAuthenticationFailures.class, e -> assertThat(e.retryAfterSeconds())
                        .isBetween(299L, 301L));

        throttle.restoreDefaults();
        assertThatCode(() -> throttle.recordFailure("10.0.0.1")).doesNotThrowAnyException();
    }
}
