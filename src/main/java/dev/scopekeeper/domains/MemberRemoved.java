package dev.scopekeeper.domains;

/**
 * Published (inside the removing transaction) when a user stops being a member of a domain, so other
 * features can drop what the membership granted (e.g. token scopes) without domains depending on them.
 */
public record MemberRemoved(long domainId, long userId) {}
