package dev.scopekeeper.security;

/**
 * Published inside the transaction of an administrator's change to an account, for the audit log
 * (which listens, so security does not depend on it). Details never carry a password.
 */
public record UserAdministered(Kind kind, long userId, String details) {

    public enum Kind {
        CREATED,
        DISABLED,
        ENABLED,
        ROLE_CHANGED,
        PASSWORD_RESET
    }
}
