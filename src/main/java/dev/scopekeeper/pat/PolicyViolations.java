package dev.scopekeeper.pat;

/**
 * How many active tokens break a policy: in total (a token breaking several rules counts once) and per
 * rule — lifetime beyond the maximum, never expiring while that is forbidden, too many scopes, no
 * description while one is required.
 */
public record PolicyViolations(
        long total, long lifetimeTooLong, long neverExpiring, long tooManyScopes, long missingDescription) {}
