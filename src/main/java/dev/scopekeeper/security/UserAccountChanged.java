package dev.scopekeeper.security;

/** Published when an account is disabled, enabled or changes platform role, for caches keyed by user. */
public record UserAccountChanged(long userId) {
}
