package dev.scopekeeper.authz;

import java.util.List;

/**
 * What a personal access token brings to the authorization rule: whether it is still usable and its scopes. A
 * caller with user credentials (password session, user bearer token) has no grant: {@link AccessRule} then
 * decides on the owner's rights alone.
 */
public record TokenGrant(State state, List<Scope> scopes) {

    public enum State {
        ACTIVE,
        REVOKED,
        EXPIRED
    }

    public TokenGrant {
        scopes = List.copyOf(scopes);
    }

    public static TokenGrant active(List<Scope> scopes) {
        return new TokenGrant(State.ACTIVE, scopes);
    }
}
