package dev.scopekeeper.security.api;

import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.TooManyAttempts;

/** Too many bad bearer tokens from one address: answered with 429 and {@code Retry-After}. */
public final class TooManyAuthenticationFailures extends TooManyAttempts {

    TooManyAuthenticationFailures(long retryAfterSeconds) {
        super(Messages.get("api.auth.tooManyFailures", retryAfterSeconds), retryAfterSeconds);
    }
}
