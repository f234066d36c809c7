package dev.scopekeeper.pat;

import java.time.Instant;
import java.util.List;

/**
 * Everything the detail page and {@code GET /api/v1/pats/{id}} show; never the secret. {@code revokedBy} and
 * {@code revokedReason} are null unless revoked; {@code regenerationBlocked}: revoked by someone else than the
 * owner (and not lifted by an administrator), so the owner cannot regenerate it.
 */
public record PatDetails(
        long id,
        long ownerId,
        String ownerName,
        long createdById,
        String createdByName,
        String name,
        String description,
        PatStatus status,
        Instant issuedAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt,
        String lastUsedIp,
        long useCount,
        String secretHint,
        List<PatScopeView> scopes,
        RevokedBy revokedBy,
        String revokedReason,
        Instant revocationLiftedAt,
        boolean regenerationBlocked)
        implements PatOverview {

    public PatDetails {
        scopes = List.copyOf(scopes);
    }
}
