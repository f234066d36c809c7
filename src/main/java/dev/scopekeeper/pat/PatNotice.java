package dev.scopekeeper.pat;

import java.time.Instant;

/**
 * Published (inside the transaction that made the change) when a token's owner must be told about it by
 * mail: the notify feature listens after commit. Carries names and reasons only, never a secret.
 *
 * @param actorName who did it (an administrator's username, or null for the leaked-token endpoint)
 * @param reason why, as the audit log says it (e.g. "reported as leaked"); may be null
 */
public record PatNotice(
        Kind kind, long patId, long ownerId, String patName, String actorName, Instant at, String reason) {

    public enum Kind {
        /** An administrator minted this token for its owner. */
        CREATED_FOR_YOU,
        /** An administrator, a domain admin or the policy revoked it. */
        REVOKED,
        /** A domain admin (or a membership change) removed its access to a domain. */
        ACCESS_REMOVED,
        /** Somebody reported it as leaked through the credential revocation endpoint; it is revoked. */
        LEAKED
    }
}
