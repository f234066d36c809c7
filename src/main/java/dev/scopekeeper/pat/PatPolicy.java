package dev.scopekeeper.pat;

import dev.scopekeeper.base.ServiceException.InvalidInput;
import java.time.Duration;

/**
 * The rules new tokens and regenerations must follow (edited by administrators on {@code /admin/policy}).
 * Changing them never alters existing tokens.
 *
 * @param maxLifetimeDays longest allowed validity in days (a request beyond it is refused, not shortened)
 * @param neverAllowed whether {@code never} may be chosen at all
 * @param defaultDuration what a token gets when none is chosen: {@code 1d … 365d} or {@code never}
 * @param descriptionRequired whether a token must have a description
 * @param maxScopes how many scopes one token may carry
 * @param autoRevokeUnusedDays active tokens unused (or, never used, issued) longer ago than this are revoked
 *        automatically; null = off
 */
public record PatPolicy(
        int maxLifetimeDays,
        boolean neverAllowed,
        String defaultDuration,
        boolean descriptionRequired,
        int maxScopes,
        Integer autoRevokeUnusedDays) {

    public static final int MAX_LIFETIME_LIMIT = 3650;
    public static final int MAX_SCOPES_LIMIT = 1000;

    public static final PatPolicy DEFAULT = new PatPolicy(365, true, PatDuration.DEFAULT, false, 200, null);

    public Duration maxLifetime() {
        return Duration.ofDays(maxLifetimeDays);
    }

    /** The default duration as a {@link PatDuration}. */
    public PatDuration defaultPatDuration() {
        return PatDuration.parse(defaultDuration);
    }

    /** Refuses a policy that contradicts itself or is out of bounds; fields as on the policy screen. */
    public PatPolicy validated() {
        if (maxLifetimeDays < 1 || maxLifetimeDays > MAX_LIFETIME_LIMIT) {
            throw new InvalidInput(
                    "maxLifetimeDays", "admin.policy.validation.maxLifetime", String.valueOf(MAX_LIFETIME_LIMIT));
        }
        if (maxScopes < 1 || maxScopes > MAX_SCOPES_LIMIT) {
            throw new InvalidInput("maxScopes", "admin.policy.validation.maxScopes", String.valueOf(MAX_SCOPES_LIMIT));
        }
        if (autoRevokeUnusedDays != null && (autoRevokeUnusedDays < 1 || autoRevokeUnusedDays > MAX_LIFETIME_LIMIT)) {
            throw new InvalidInput(
                    "autoRevokeUnusedDays", "admin.policy.validation.autoRevoke", String.valueOf(MAX_LIFETIME_LIMIT));
        }
        PatDuration duration;
        try {
            duration = PatDuration.parse(defaultDuration);
        } catch (InvalidInput e) {
            throw new InvalidInput("defaultDuration", "admin.policy.validation.defaultDuration");
        }
        if (duration instanceof PatDuration.Never && !neverAllowed) {
            throw new InvalidInput("defaultDuration", "admin.policy.validation.defaultNeverForbidden");
        }
        if (duration instanceof PatDuration.Days days && days.days() > maxLifetimeDays) {
            throw new InvalidInput("defaultDuration", "admin.policy.validation.defaultTooLong", maxLifetimeDays);
        }
        return new PatPolicy(
                maxLifetimeDays,
                neverAllowed,
                duration instanceof PatDuration.Days days ? days.wireName() : "never",
                descriptionRequired,
                maxScopes,
                autoRevokeUnusedDays);
    }
}
