package dev.scopekeeper.security;

/**
 * Published for the audit log on every API sign-in (success or failure), refresh (success or refusal)
 * and API sign-out. Names, ids and reasons only: never a password or a token.
 *
 * @param userId null when the username matched nobody (or the refresh token was unknown)
 * @param username as typed for a failed sign-in (cut to 64 characters), else the account's
 */
public record ApiSignInEvent(Kind kind, Long userId, String username, String address, String details) {

    public enum Kind {
        SIGN_IN_SUCCEEDED,
        SIGN_IN_FAILED,
        REFRESHED,
        REFRESH_REFUSED,
        SIGNED_OUT
    }
}
