package dev.scopekeeper.pat;

import java.time.Duration;

/**
 * The rules new tokens and regenerations must follow.
 *
 * @param maxLifetime longest allowed validity (a request beyond it is refused, not shortened)
 * @param neverAllowed whether {@code never} may be chosen at all
 * @param maxScopes how many scopes one token may carry
 */
public record PatPolicy(Duration maxLifetime, boolean neverAllowed, int maxScopes) {

    public static final PatPolicy DEFAULT = new PatPolicy(Duration.ofDays(365), true, 200);
}
