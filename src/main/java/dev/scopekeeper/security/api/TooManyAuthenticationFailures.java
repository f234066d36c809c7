package dev.scopekeeper.security.api;

import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.TooManyAttempts;

/** Too many bad bearer tokens from one address: answered with 429 and {@code Retry-After}. */
public final class TooManyAuthenticationFailures extends TooManyAttempts {

    private final boolean first;

    TooManyAuthenticationFailures(long retryAfterSeconds, boolean first) {
        super(Messages.get("api.auth.tooManyFailures", retryAfterSeconds), retryAfterSeconds);
        this.first = first;
    }

    /** Whether this is the address's first failure over the limit in its window (the one that is audited). */
    boolean first() {
        return first;
    }
}
