package dev.scopekeeper.pat;

import java.time.Instant;
import java.util.List;

/** A row of the PAT table; its scopes carry ids only (no names). */
public record PatSummary(
        long id,
        long ownerId,
        String name,
        String description,
        PatStatus status,
        Instant issuedAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt,
        String lastUsedIp,
        String secretHint,
        List<PatScopeView> scopes,
        RevokedBy revokedBy,
        String revokedReason)
        implements PatOverview {

    public PatSummary {
        scopes = List.copyOf(scopes);
    }
}
