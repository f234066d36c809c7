package dev.scopekeeper.pat;

/** Published after a change that must reach the authentication cache on the very next request. */
final class PatEvents {

    private PatEvents() {}

    /** A token's secret, status or scopes changed, or it was deleted. */
    record TokenChanged(long patId) {}

    /** Every token of this owner must be looked at again (deleted all, owner account changed). */
    record OwnerChanged(long ownerId) {}
}
