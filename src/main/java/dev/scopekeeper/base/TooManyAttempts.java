package dev.scopekeeper.base;

import org.springframework.security.core.AuthenticationException;

/** Too many failed attempts: answered with 429 and {@code Retry-After}. The message is user-readable. */
public class TooManyAttempts extends AuthenticationException {

    private final long retryAfterSeconds;

    protected TooManyAttempts(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
