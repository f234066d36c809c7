package dev.scopekeeper.domains;

import dev.scopekeeper.authz.DomainRole;

/** A member of a domain. */
public record MemberView(long userId, String username, String displayName, DomainRole role) {}
