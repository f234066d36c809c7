package dev.scopekeeper.pat;

import java.time.Instant;

/** A row of the administrators' list of every token; never the secret. */
public record AdminPatRow(
        long id,
        long ownerId,
        String ownerName,
        String name,
        String description,
        PatStatus status,
        Instant issuedAt,
        Instant expiresAt,
        Instant lastUsedAt,
        int scopeCount) {}
