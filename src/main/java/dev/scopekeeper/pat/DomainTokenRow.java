package dev.scopekeeper.pat;

import java.time.Instant;
import java.util.List;

/**
 * A token as a domain admin sees it: owner, name, status, last use and ONLY its scopes in that domain.
 * Never the token's other scopes, never a secret or hint.
 */
public record DomainTokenRow(
        long patId,
        long ownerId,
        String ownerName,
        String name,
        PatStatus status,
        Instant lastUsedAt,
        List<PatScopeView> scopes) {

    public DomainTokenRow {
        scopes = List.copyOf(scopes);
    }
}
