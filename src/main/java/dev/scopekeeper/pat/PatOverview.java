package dev.scopekeeper.pat;

import java.time.Instant;
import java.util.List;

/**
 * What every answer about one token shows, whichever record carries it: {@link PatSummary} (lists) and {@link
 * PatDetails} (one token) both are one, so the API maps these fields once.
 */
public interface PatOverview {

    long id();

    long ownerId();

    String name();

    String description();

    PatStatus status();

    Instant issuedAt();

    Instant expiresAt();

    Instant revokedAt();

    Instant lastUsedAt();

    String lastUsedIp();

    String secretHint();

    List<PatScopeView> scopes();

    RevokedBy revokedBy();

    String revokedReason();

    /** {@code revoked_by} as the API writes it; null unless revoked. */
    default String revokedByWireName() {
        return revokedBy() == null ? null : revokedBy().wireName();
    }
}
