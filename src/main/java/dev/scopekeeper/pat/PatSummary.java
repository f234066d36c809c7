package dev.scopekeeper.pat;

import java.time.Instant;

/** A row of the PAT table. */
public record PatSummary(long id, long ownerId, String name, String description, PatStatus status,
        Instant issuedAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt, String lastUsedIp,
        String secretHint) {
}
