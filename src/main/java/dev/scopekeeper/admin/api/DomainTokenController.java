package dev.scopekeeper.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.pat.DomainTokenRow;
import dev.scopekeeper.pat.DomainTokenService;
import dev.scopekeeper.pat.PatScopeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A domain's access tokens, for its admins (and platform administrators): each token's scopes in this
 * domain only. Refuses personal access tokens (403): a token does not manage tokens.
 */
@RestController
@RequestMapping("/api/v1/domains/{domainId}/pats")
@Tag(
        name = "Domain access tokens",
        description = "Domain admins: tokens reaching into the domain, and taking their access away")
class DomainTokenController {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DomainPatJson(
            long id,
            @JsonProperty("user_id") long userId,
            String owner,
            String name,
            String status,
            @JsonProperty("last_used_at") Instant lastUsedAt,
            List<DomainScopeJson> scopes) {

        static DomainPatJson of(DomainTokenRow row) {
            return new DomainPatJson(
                    row.patId(),
                    row.ownerId(),
                    row.ownerName(),
                    row.name(),
                    row.status().wireName(),
                    row.lastUsedAt(),
                    row.scopes().stream().map(DomainScopeJson::of).toList());
        }
    }

    record DomainScopeJson(
            long id,
            @JsonProperty("domain_id") long domainId,
            @JsonProperty("entity_type") String entityType,
            String operation,
            @JsonProperty("entity_id") String entityId,
            @JsonProperty("entity_name") String entityName) {

        static DomainScopeJson of(PatScopeView s) {
            return new DomainScopeJson(s.id(), s.domainId(), s.entityType(), s.operation(), s.entity(), s.entityName());
        }
    }

    private final DomainTokenService tokens;

    DomainTokenController(DomainTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(
            summary =
                    "Tokens with a scope in this domain (domain admins): owner, name, status, last use, scopes in this domain only")
    Map<String, Object> list(
            @PathVariable long domainId,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "10") int limit) {
        ListResult<DomainTokenRow> page = tokens.list(domainId, offset, limit);
        return Map.of(
                "total",
                page.total(),
                "offset",
                page.offset(),
                "limit",
                page.limit(),
                "pats",
                page.items().stream().map(DomainPatJson::of).toList());
    }

    @DeleteMapping("/{patId}/scope/{scopeId}")
    @Operation(summary = "Remove one of the token's scopes in this domain")
    DomainPatJson removeScope(@PathVariable long domainId, @PathVariable long patId, @PathVariable long scopeId) {
        return DomainPatJson.of(tokens.removeScope(domainId, patId, scopeId));
    }

    @DeleteMapping("/{patId}/scope")
    @Operation(summary = "Revoke the token's access to this domain: remove all its scopes here; returns how many")
    Map<String, Integer> revokeAccess(@PathVariable long domainId, @PathVariable long patId) {
        return Map.of("removed", tokens.revokeDomainAccess(domainId, patId));
    }
}
