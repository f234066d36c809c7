package dev.scopekeeper.pat.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scopekeeper.authz.AccessDecision;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.authz.OwnTokenEndpoint;
import dev.scopekeeper.authz.Scope;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.pat.IssuedPat;
import dev.scopekeeper.pat.PatAccessCheck;
import dev.scopekeeper.pat.PatAccessCheck.CheckResult;
import dev.scopekeeper.pat.PatAccessCheck.ScopeEffect;
import dev.scopekeeper.pat.PatDetails;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatGrace;
import dev.scopekeeper.pat.PatLifecycleService;
import dev.scopekeeper.pat.PatOverview;
import dev.scopekeeper.pat.PatScopeView;
import dev.scopekeeper.pat.PatSelfService;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.PatService.PatQuery;
import dev.scopekeeper.pat.PatService.SortBy;
import dev.scopekeeper.pat.PatStatus;
import dev.scopekeeper.pat.PatSummary;
import dev.scopekeeper.pat.ScopeRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

/**
 * Managing personal access tokens, on Magistrala's paths. Authenticated by a user bearer token
 * (never by a PAT: the service refuses those) — a leaked token cannot mint more tokens.
 */
@RestController
@RequestMapping("/api/v1/pats")
@Tag(name = "Personal access tokens", description = "Create, list, regenerate, revoke and scope your tokens")
class PatController {

    private final PatService pats;
    private final PatLifecycleService lifecycle;
    private final PatAccessCheck checks;
    private final PatSelfService self;

    PatController(PatService pats, PatLifecycleService lifecycle, PatAccessCheck checks, PatSelfService self) {
        this.pats = pats;
        this.lifecycle = lifecycle;
        this.checks = checks;
        this.self = self;
    }

    record PatScopeJson(
            Long id,
            @JsonProperty("domain_id") Long domainId,
            @JsonProperty("entity_type") String entityType,
            String operation,
            @JsonProperty("entity_id") String entityId,

            @JsonProperty("domain_name") @JsonInclude(JsonInclude.Include.NON_NULL)
            String domainName,

            @JsonProperty("entity_name") @JsonInclude(JsonInclude.Include.NON_NULL)
            String entityName,

            @Schema(description = "Whether the owner's rights right now still allow what the scope grants")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            Boolean effective,

            @Schema(
                    description = "Why not effective: owner_role_too_low, domain_disabled, entity_not_found,"
                            + " domain_not_found, account_disabled; null when effective")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String reason,

            @JsonProperty("reason_detail") @JsonInclude(JsonInclude.Include.NON_NULL)
            String reasonDetail) {

        static PatScopeJson of(PatScopeView scope) {
            return of(scope, Map.of());
        }

        static PatScopeJson of(PatScopeView scope, Map<Long, ScopeEffect> effects) {
            ScopeEffect effect = effects.get(scope.id());
            return new PatScopeJson(
                    scope.id(),
                    scope.domainId(),
                    scope.entityType(),
                    scope.operation(),
                    scope.entity(),
                    scope.domainName(),
                    scope.entityName(),
                    effect == null ? null : effect.effective(),
                    effect == null || effect.effective() ? null : effect.reason(),
                    effect == null || effect.effective()
                            ? null
                            : Messages.get(effect.detailKey(), effect.detailArgs()));
        }

        /** A scope of the simulator's answer (no id, no names). */
        static PatScopeJson of(Scope scope) {
            return scope == null
                    ? null
                    : new PatScopeJson(
                            null,
                            scope.domainId(),
                            scope.entityType().wireName(),
                            scope.operation(),
                            scope.entity(),
                            null,
                            null,
                            null,
                            null,
                            null);
        }

        ScopeRequest toRequest() {
            return new ScopeRequest(domainId, entityType, operation, entityId);
        }
    }

    /** Absent values are null (PRODUCT.md's shape lists every key); only the secret and detail-only fields are omitted. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PatJson(
            long id,
            @JsonProperty("user_id") long userId,
            String name,
            String description,
            String status,
            @JsonProperty("issued_at") Instant issuedAt,
            @JsonProperty("expires_at") Instant expiresAt,
            @JsonProperty("revoked_at") Instant revokedAt,
            @JsonProperty("last_used_at") Instant lastUsedAt,
            @JsonProperty("last_used_ip") String lastUsedIp,

            @JsonProperty("created_by") @JsonInclude(JsonInclude.Include.NON_NULL)
            Long createdBy,

            @JsonProperty("use_count") @JsonInclude(JsonInclude.Include.NON_NULL)
            Long useCount,

            String hint,
            List<PatScopeJson> scopes,
            @JsonProperty("revoked_by") String revokedBy,
            @JsonProperty("revoked_reason") String revokedReason,
            @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

        /** One token as its owner sees it: the details carry who created it and how often it was used. */
        static PatJson of(PatDetails pat, String secret) {
            return of(pat, secret, Map.of());
        }

        /** The details with each scope's effect (GET /pats/{id}). */
        static PatJson of(PatDetails pat, String secret, Map<Long, ScopeEffect> effects) {
            return of(pat, pat.createdById(), pat.useCount(), secret, effects);
        }

        /** A row of the owner's list: neither creator nor use count. */
        static PatJson of(PatSummary pat) {
            return of(pat, null, null, null, Map.of());
        }

        private static PatJson of(
                PatOverview pat, Long createdBy, Long useCount, String secret, Map<Long, ScopeEffect> effects) {
            return new PatJson(
                    pat.id(),
                    pat.ownerId(),
                    pat.name(),
                    pat.description(),
                    pat.status().wireName(),
                    pat.issuedAt(),
                    pat.expiresAt(),
                    pat.revokedAt(),
                    pat.lastUsedAt(),
                    pat.lastUsedIp(),
                    createdBy,
                    useCount,
                    pat.secretHint(),
                    pat.scopes().stream().map(s -> PatScopeJson.of(s, effects)).toList(),
                    pat.revokedByWireName(),
                    pat.revokedReason(),
                    secret);
        }
    }

    record CreatePatJson(
            @NotBlank @Size(max = Names.NAME_MAX) String name,
            @Size(max = Names.DESCRIPTION_MAX) String description,

            @Schema(description = "1d, 7d, 30d, 60d, 90d, 365d or never; or give expires_at", example = "30d")
            String duration,

            @JsonProperty("expires_at") Instant expiresAt,
            @JsonProperty("user_id") Long userId,
            List<PatScopeJson> scopes) {}

    /** {@code grace}: keep the old secret working for {@code 1h}, {@code 1d} or {@code 7d} (absent = not at all). */
    record DurationJson(
            String duration, @JsonProperty("expires_at") Instant expiresAt, String grace) {}

    record NameJson(@NotBlank @Size(max = Names.NAME_MAX) String name) {}

    record DescriptionJson(
            @Size(max = Names.DESCRIPTION_MAX) String description) {}

    record ScopesJson(
            List<PatScopeJson> scopes,
            @JsonProperty("scopes_id") List<Long> scopesId) {}

    @PostMapping
    @Operation(summary = "Create a token; the response carries its secret, shown this once")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<PatJson> create(@RequestBody CreatePatJson body) {
        IssuedPat issued = pats.create(new CreatePatRequest(
                body.name(),
                body.description(),
                duration(body.duration(), body.expiresAt()),
                body.userId(),
                scopes(body.scopes())));
        return ResponseEntity.created(URI.create("/api/v1/pats/" + issued.pat().id()))
                .body(PatJson.of(issued.pat(), issued.secret()));
    }

    @GetMapping
    @Operation(
            summary =
                    "List my tokens (status: active, revoked, expired or all; sort: name, created, expires, last_used)")
    Map<String, Object> list(
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String order) {
        ListResult<PatSummary> result = pats.list(
                new PatQuery(PatStatus.fromFilter(status), name, offset, limit, sortBy(sort), descending(order)));
        return Map.of(
                "total",
                result.total(),
                "offset",
                result.offset(),
                "limit",
                result.limit(),
                "pats",
                result.items().stream().map(PatJson::of).toList());
    }

    /** What a token knows about itself: no secret, no usage bookkeeping. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SelfJson(
            long id,
            String name,
            String description,
            String status,
            @JsonProperty("user_id") long userId,
            String owner,
            @JsonProperty("issued_at") Instant issuedAt,
            @JsonProperty("expires_at") Instant expiresAt,
            String hint,
            List<PatScopeJson> scopes) {

        static SelfJson of(PatDetails pat) {
            return new SelfJson(
                    pat.id(),
                    pat.name(),
                    pat.description(),
                    pat.status().wireName(),
                    pat.ownerId(),
                    pat.ownerName(),
                    pat.issuedAt(),
                    pat.expiresAt(),
                    pat.secretHint(),
                    pat.scopes().stream().map(PatScopeJson::of).toList());
        }
    }

    @OwnTokenEndpoint
    @GetMapping("/self")
    @Operation(
            summary = "The personal access token this request is authenticated with: name, owner, expiry, scopes"
                    + " (never the secret). Call it with the PAT itself; no scope is needed")
    SelfJson self() {
        return SelfJson.of(self.self());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of my tokens, with its scopes")
    PatJson get(@PathVariable long id) {
        return PatJson.of(pats.get(id), null, checks.effects(id));
    }

    @PatchMapping("/{id}/name")
    @Operation(summary = "Rename a token")
    PatJson rename(@PathVariable long id, @RequestBody NameJson body) {
        return PatJson.of(pats.rename(id, body.name()), null);
    }

    @PatchMapping("/{id}/description")
    @Operation(summary = "Change a token's description")
    PatJson describe(@PathVariable long id, @RequestBody DescriptionJson body) {
        return PatJson.of(pats.describe(id, body.description()), null);
    }

    @PatchMapping("/{id}/secret/reset")
    @Operation(
            summary = "Regenerate: a new secret and duration; the old secret stops working at once, or after"
                    + " the optional grace (\"1h\", \"1d\", \"7d\") during which both work",
            description = "Works on expired tokens and on tokens you revoked yourself. A token revoked by an"
                    + " administrator, a domain admin, the token policy or a leak report (revoked_by) answers 409"
                    + " saying who revoked it and when; only a platform administrator can lift that.")
    PatJson regenerate(@PathVariable long id, @RequestBody DurationJson body) {
        IssuedPat issued = body.grace() == null
                ? pats.regenerate(id, duration(body.duration(), body.expiresAt()))
                : lifecycle.regenerate(id, duration(body.duration(), body.expiresAt()), PatGrace.parse(body.grace()));
        return PatJson.of(issued.pat(), issued.secret());
    }

    @PatchMapping("/{id}/secret/revoke")
    @Operation(summary = "Revoke a token (immediate, idempotent)")
    PatJson revoke(@PathVariable long id) {
        return PatJson.of(pats.revoke(id), null);
    }

    @GetMapping("/{id}/scope")
    @Operation(summary = "A page of a token's scopes")
    Map<String, Object> scopes(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        ListResult<PatScopeView> result = pats.listScopes(id, offset, limit);
        Map<Long, ScopeEffect> effects = checks.effects(id);
        return Map.of(
                "total",
                result.total(),
                "offset",
                result.offset(),
                "limit",
                result.limit(),
                "scopes",
                result.items().stream().map(s -> PatScopeJson.of(s, effects)).toList());
    }

    /** Either the operation ({@code domain_id}, {@code entity_type}, {@code operation}, {@code entity_id}) or a request line. */
    record CheckJson(
            @JsonProperty("domain_id") Long domainId,
            @JsonProperty("entity_type") String entityType,
            String operation,
            @JsonProperty("entity_id") String entityId,

            @Schema(example = "PATCH") String method,

            @Schema(example = "/api/v1/domains/5/clients/12/tags")
            String path) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CheckResultJson(
            boolean allowed,
            String reason,
            String detail,
            @JsonProperty("matched_scope") PatScopeJson matchedScope,
            @JsonProperty("suggested_scope") PatScopeJson suggestedScope,
            @JsonProperty("closest_scope") PatScopeJson closestScope,
            @JsonProperty("domain_id") Long domainId,
            @JsonProperty("entity_type") String entityType,
            String operation,
            @JsonProperty("entity_id") Long entityId) {

        static CheckResultJson of(CheckResult result) {
            AccessDecision decision = result.decision();
            PatAccessCheck.Target target = result.target();
            return new CheckResultJson(
                    decision.allowed(),
                    decision.reason().code(),
                    Messages.get(result.detailKey(), result.detailArgs()),
                    PatScopeJson.of(decision.matchedScope()),
                    PatScopeJson.of(decision.suggestedScope()),
                    PatScopeJson.of(decision.closestScope()),
                    target.domainId(),
                    target.entityType() == null ? null : target.entityType().wireName(),
                    target.operation() == null ? null : target.operation().wireName(),
                    target.entityId());
        }
    }

    @PostMapping("/{id}/check")
    @Operation(
            summary = "Scope simulator: would this token be allowed an operation, or a request line, right now?",
            description = "Give domain_id, entity_type, operation and entity_id (optional), or method and path"
                    + " (\"PATCH\", \"/api/v1/domains/5/clients/12/tags\"). Decided by the same rule that enforces"
                    + " requests: token status, the token's scopes, the owner's role now, the domain's status and the"
                    + " entity. Never needs the secret. The owner and administrators may ask.")
    CheckResultJson check(@PathVariable long id, @RequestBody CheckJson body) {
        if (body.method() != null || body.path() != null) {
            return CheckResultJson.of(checks.checkRequest(id, body.method(), body.path()));
        }
        if (body.entityType() == null || body.entityType().isBlank()) {
            throw new InvalidInput("entity_type", "access.check.entityType.invalid");
        }
        EntityType type = EntityType.fromWire(body.entityType().strip())
                .orElseThrow(() -> new InvalidInput("entity_type", "access.check.entityType.invalid"));
        dev.scopekeeper.authz.Operation op = dev.scopekeeper.authz.Operation.find(
                        type, body.operation() == null ? "" : body.operation().strip())
                .orElseThrow(() -> new InvalidInput("operation", "access.check.operation.invalid"));
        return CheckResultJson.of(checks.check(id, body.domainId(), op, entityId(body.entityId())));
    }

    private static Long entityId(String entityId) {
        if (entityId == null || entityId.isBlank() || Scope.ANY.equals(entityId.strip())) {
            return null;
        }
        try {
            return Long.parseLong(entityId.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("entity_id", "access.check.entity.invalid");
        }
    }

    @PatchMapping("/{id}/scope/add")
    @Operation(summary = "Add scopes (duplicates are ignored)")
    PatJson addScopes(@PathVariable long id, @RequestBody ScopesJson body) {
        return PatJson.of(pats.addScopes(id, scopes(body.scopes())), null);
    }

    @PatchMapping("/{id}/scope/remove")
    @Operation(summary = "Remove scopes, given as scopes or by id (scopes_id)")
    PatJson removeScopes(@PathVariable long id, @RequestBody ScopesJson body) {
        if (body.scopesId() != null && !body.scopesId().isEmpty()) {
            return PatJson.of(pats.removeScopesById(id, body.scopesId()), null);
        }
        return PatJson.of(pats.removeScopes(id, scopes(body.scopes())), null);
    }

    @DeleteMapping("/{id}/scope")
    @Operation(summary = "Remove all of a token's scopes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> clearScopes(@PathVariable long id) {
        pats.clearScopes(id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable long id) {
        pats.delete(id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    @Operation(summary = "Delete all of my tokens")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> deleteAll() {
        pats.deleteAll();
        return ResponseEntity.noContent().build();
    }

    /** Neither given: null, and the service applies the policy's default duration. */
    private static PatDuration duration(String duration, Instant expiresAt) {
        if (expiresAt == null && (duration == null || duration.isBlank())) {
            return null;
        }
        if (expiresAt != null) {
            if (duration != null && !duration.isBlank()) {
                throw new InvalidInput("duration", "pat.validation.duration.both");
            }
            return PatDuration.until(expiresAt);
        }
        return PatDuration.parse(duration);
    }

    private static List<ScopeRequest> scopes(List<PatScopeJson> scopes) {
        return scopes == null
                ? List.of()
                : scopes.stream().map(s -> s == null ? null : s.toRequest()).toList();
    }

    private static SortBy sortBy(String sort) {
        try {
            return SortBy.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("sort", "pat.validation.sort");
        }
    }

    private static boolean descending(String order) {
        return switch (order.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new InvalidInput("order", "pat.validation.order");
        };
    }
}
