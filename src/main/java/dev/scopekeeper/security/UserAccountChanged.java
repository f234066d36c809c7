package dev.scopekeeper.security;

/**
 * Published when an account is disabled, enabled, changes platform role or has its password reset by an
 * administrator, for caches keyed by user and for {@link BrowserSessions} (every browser session of the user ends).
 */
public record UserAccountChanged(long userId) {}
