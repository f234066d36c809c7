package dev.scopekeeper.security.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuthenticationThrottleTest {

    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AuthenticationThrottle throttle = new AuthenticationThrottle(3, Duration.ofMinutes(1), clock);

    @Test
    void onlyTheFailingAddressIsThrottledAndOnlyUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("10.0.0.1");
        }

        assertThatThrownBy(() -> throttle.checkAllowed("10.0.0.1"))
                .isInstanceOfSatisfying(TooManyAuthenticationFailures.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.retryAfterSeconds()).isEqualTo(61));
        assertThatCode(() -> throttle.checkAllowed("10.0.0.2")).doesNotThrowAnyException();

        now = now.plus(Duration.ofSeconds(61));
        assertThatCode(() -> throttle.checkAllowed("10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void fewerFailuresThanTheLimitAreNotThrottled() {
        throttle.recordFailure("10.0.0.1");
        throttle.recordFailure("10.0.0.1");

        assertThatCode(() -> throttle.checkAllowed("10.0.0.1")).doesNotThrowAnyException();
    }
}
