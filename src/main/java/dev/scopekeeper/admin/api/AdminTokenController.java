package dev.scopekeeper.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.pat.AdminPatRow;
import dev.scopekeeper.pat.PatAdministrationService;
import dev.scopekeeper.pat.PatAdministrationService.AdminPatQuery;
import dev.scopekeeper.pat.PatDetails;
import dev.scopekeeper.pat.PatScopeView;
import dev.scopekeeper.pat.PatStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Every token of every user, for platform administrators. Never a secret. */
@RestController
@RequestMapping("/api/v1/admin/tokens")
@Tag(name = "Administration: tokens", description = "Platform administrators: every PAT, revoke (bulk), delete")
class AdminTokenController {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TokenJson(
            long id,
            @JsonProperty("user_id") long userId,
            @JsonProperty("owner") String owner,
            String name,
            String description,
            String status,
            @JsonProperty("issued_at") Instant issuedAt,
            @JsonProperty("expires_at") Instant expiresAt,
            @JsonProperty("last_used_at") Instant lastUsedAt,
            @JsonProperty("scope_count") int scopeCount) {

        static TokenJson of(AdminPatRow row) {
            return new TokenJson(
                    row.id(),
                    row.ownerId(),
                    row.ownerName(),
                    row.name(),
                    row.description(),
                    row.status().wireName(),
                    row.issuedAt(),
                    row.expiresAt(),
                    row.lastUsedAt(),
                    row.scopeCount());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TokenDetailsJson(
            long id,
            @JsonProperty("user_id") long userId,
            String owner,
            @JsonProperty("created_by") long createdBy,
            String name,
            String description,
            String status,
            @JsonProperty("issued_at") Instant issuedAt,
            @JsonProperty("expires_at") Instant expiresAt,
            @JsonProperty("revoked_at") Instant revokedAt,
            @JsonProperty("last_used_at") Instant lastUsedAt,
            @JsonProperty("last_used_ip") String lastUsedIp,
            @JsonProperty("use_count") long useCount,
            List<AdminScopeJson> scopes,
            @JsonProperty("revoked_by") String revokedBy,
            @JsonProperty("revoked_reason") String revokedReason,
            @JsonProperty("revocation_lifted_at") Instant revocationLiftedAt,
            @JsonProperty("owner_can_regenerate") boolean ownerCanRegenerate) {

        static TokenDetailsJson of(PatDetails pat) {
            return new TokenDetailsJson(
                    pat.id(),
                    pat.ownerId(),
                    pat.ownerName(),
                    pat.createdById(),
                    pat.name(),
                    pat.description(),
                    pat.status().wireName(),
                    pat.issuedAt(),
                    pat.expiresAt(),
                    pat.revokedAt(),
                    pat.lastUsedAt(),
                    pat.lastUsedIp(),
                    pat.useCount(),
                    pat.scopes().stream().map(AdminScopeJson::of).toList(),
                    pat.revokedByWireName(),
                    pat.revokedReason(),
                    pat.revocationLiftedAt(),
                    !pat.regenerationBlocked());
        }
    }

    record AdminScopeJson(
            long id,
            @JsonProperty("domain_id") long domainId,
            @JsonProperty("domain_name") String domainName,
            @JsonProperty("entity_type") String entityType,
            String operation,
            @JsonProperty("entity_id") String entityId) {

        static AdminScopeJson of(PatScopeView s) {
            return new AdminScopeJson(s.id(), s.domainId(), s.domainName(), s.entityType(), s.operation(), s.entity());
        }
    }

    record IdsJson(List<Long> ids) {}

    /** Optional body of a revocation: why (shown to the owner). */
    record RevokeJson(String reason) {}

    private final PatAdministrationService tokens;

    AdminTokenController(PatAdministrationService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(
            summary =
                    "List every token (filters: owner_id, status active|revoked|expired|all, expires_within_days, never_expires, unused_for_days, domain_id, name)")
    Map<String, Object> list(
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(name = "owner_id", required = false) Long ownerId,
            @RequestParam(required = false) String status,
            @RequestParam(name = "expires_within_days", required = false) Integer expiresWithinDays,
            @RequestParam(name = "never_expires", defaultValue = "false") boolean neverExpires,
            @RequestParam(name = "unused_for_days", required = false) Integer unusedForDays,
            @RequestParam(name = "domain_id", required = false) Long domainId,
            @RequestParam(required = false) String name) {
        ListResult<AdminPatRow> page = tokens.list(new AdminPatQuery(
                ownerId,
                PatStatus.fromFilter(status),
                expiresWithinDays,
                neverExpires,
                unusedForDays,
                domainId,
                name,
                offset,
                limit));
        return Map.of(
                "total",
                page.total(),
                "offset",
                page.offset(),
                "limit",
                page.limit(),
                "pats",
                page.items().stream().map(TokenJson::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Any token's details (never its secret)")
    TokenDetailsJson get(@PathVariable long id) {
        return TokenDetailsJson.of(tokens.get(id));
    }

    @PatchMapping("/{id}/revoke")
    @Operation(
            summary = "Revoke a token (immediate, idempotent); optional body {\"reason\"} (at most 255 characters)",
            description = "Final for the owner: the owner's secret/reset answers 409 saying who revoked it and when,"
                    + " until an administrator lifts the revocation (PATCH /api/v1/admin/tokens/{id}/revocation/lift)."
                    + " A token the owner had revoked becomes revoked by an administrator.")
    TokenDetailsJson revoke(@PathVariable long id, @RequestBody(required = false) RevokeJson body) {
        return TokenDetailsJson.of(tokens.revoke(id, body == null ? null : body.reason()));
    }

    @PatchMapping("/{id}/revocation/lift")
    @Operation(
            summary = "Let the owner regenerate a token an administrator, a domain admin, the policy or a leak"
                    + " report revoked",
            description = "The token stays revoked and no secret is issued: the owner decides whether to regenerate"
                    + " it. 409 when the token is not revoked.")
    TokenDetailsJson liftRevocation(@PathVariable long id) {
        return TokenDetailsJson.of(tokens.liftRevocation(id));
    }

    @PostMapping("/revoke")
    @Operation(summary = "Revoke several tokens at once ({\"ids\": [...]}, at most 500); returns how many were revoked")
    Map<String, Integer> revokeAll(@RequestBody IdsJson body) {
        return Map.of("revoked", tokens.revokeAll(body.ids()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable long id) {
        tokens.delete(id);
        return ResponseEntity.noContent().build();
    }
}
