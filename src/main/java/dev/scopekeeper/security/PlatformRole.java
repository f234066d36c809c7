package dev.scopekeeper.security;

/** Platform-wide role of a user. Domain roles are separate (see the domains feature). */
public enum PlatformRole {
    ADMIN,
    USER;

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
