package dev.scopekeeper.security.api;

import dev.scopekeeper.base.Messages;
import org.springframework.security.core.AuthenticationException;

/** Too many bad bearer tokens from one address: answered with 429 and {@code Retry-After}. */
public final class TooManyAuthenticationFailures extends AuthenticationException {

    private final long retryAfterSeconds;

    TooManyAuthenticationFailures(long retryAfterSeconds) {
        super(Messages.get("api.auth.tooManyFailures", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
