package dev.scopekeeper.services.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.authz.ServiceCredentialEndpoint;
import dev.scopekeeper.base.Messages;
import dev.scopekeeper.pat.PatIntrospection;
import dev.scopekeeper.pat.PatIntrospection.ActiveToken;
import dev.scopekeeper.pat.PatIntrospection.Decision;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The decision API for other services (resource servers that accept Scopekeeper PATs), authenticated with a service
 * credential ({@code Authorization: Bearer svc_…}) and reachable with nothing else: RFC 7662 introspection and one
 * authorization decision, both answered by the product's own rule. The token asked about is never logged: it is
 * not in any message, and the request records print without it.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Decision API for other services",
        description = "Service credentials (Bearer svc_…) only: introspect a PAT (RFC 7662) or ask whether it may"
                + " do one operation")
class DecisionController {

    private static final Pattern ENTITY_ID = Pattern.compile("\\*|[0-9]{1,18}");

    private final PatIntrospection introspection;

    DecisionController(PatIntrospection introspection) {
        this.introspection = introspection;
    }

    record IntrospectJson(
            @Schema(description = "The PAT to ask about", example = "pat_…")
            String token) {
        @Override
        public String toString() {
            return "IntrospectJson[token=<hidden>]";
        }
    }

    /** RFC 7662's answer; for anything but a live PAT only {@code "active": false}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IntrospectionJson(
            boolean active,
            @Schema(description = "The owner's user id") String sub,
            String username,

            @Schema(description = "Expiry, seconds since the epoch; absent when the token never expires")
            Long exp,

            @Schema(description = "Issued at, seconds since the epoch")
            Long iat,

            @Schema(
                    description = "The token's scopes, space-separated, each domain_id:entity_type:operation:entity_id",
                    example = "5:clients:view:* 5:channels:*:12")
            String scope,

            @JsonProperty("token_type") @Schema(example = "pat")
            String tokenType) {

        static final IntrospectionJson INACTIVE = new IntrospectionJson(false, null, null, null, null, null, null);

        static IntrospectionJson of(ActiveToken token) {
            return new IntrospectionJson(
                    true,
                    Long.toString(token.ownerId()),
                    token.username(),
                    token.expiresAt() == null ? null : token.expiresAt().getEpochSecond(),
                    token.issuedAt() == null ? null : token.issuedAt().getEpochSecond(),
                    String.join(" ", token.scopes()),
                    "pat");
        }
    }

    record AuthorizeJson(
            @Schema(description = "The PAT to decide for", example = "pat_…")
            String token,

            @JsonProperty("domain_id") Long domainId,

            @JsonProperty("entity_type") @Schema(example = "clients")
            String entityType,

            @Schema(example = "view") String operation,

            @JsonProperty("entity_id")
            @Schema(description = "The entity's id, or * / absent for an operation on no one entity", example = "12")
            String entityId) {
        @Override
        public String toString() {
            return "AuthorizeJson[domain_id=" + domainId + ", entity_type=" + entityType + ", operation=" + operation
                    + ", entity_id=" + entityId + ", token=<hidden>]";
        }
    }

    record DecisionJson(
            boolean allowed,

            @Schema(
                    description =
                            "allowed, token_inactive, or the rule that denied: account_disabled, domain_not_found, owner_role_too_low, platform_admin_only, domain_disabled, no_scope_in_domain, no_scope_for_operation, entity_outside_scope, entity_not_found, user_credentials_only")
            String reason,

            @Schema(description = "The reason in words") String detail) {

        static DecisionJson of(Decision decision) {
            return new DecisionJson(decision.allowed(), decision.reason(), decision.detail());
        }
    }

    /**
     * A request body the decision API cannot read: 400 problem+json naming the field (an {@link ErrorResponseException},
     * which the API's exception handler answers with this problem as it is).
     */
    static final class BadDecisionRequest extends ErrorResponseException {

        BadDecisionRequest(String field, String messageKey) {
            super(HttpStatus.BAD_REQUEST, problem(field, messageKey), null);
        }

        private static ProblemDetail problem(String field, String messageKey) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, Messages.get(messageKey, field));
            problem.setProperty("field", field);
            return problem;
        }
    }

    @ServiceCredentialEndpoint
    @PostMapping("/introspect")
    @SecurityRequirement(name = "serviceCredential")
    @io.swagger.v3.oas.annotations.Operation(
            summary = "RFC 7662 token introspection: is this PAT live, whose is it, what are its scopes")
    IntrospectionJson introspect(@RequestBody IntrospectJson body) {
        String token = required(body == null ? null : body.token(), "token");
        return introspection.introspect(token).map(IntrospectionJson::of).orElse(IntrospectionJson.INACTIVE);
    }

    @ServiceCredentialEndpoint
    @PostMapping("/authorize")
    @SecurityRequirement(name = "serviceCredential")
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Would the authorization rule let this PAT do this operation? Decided by the rule every call"
                    + " with the token passes")
    DecisionJson authorize(@RequestBody AuthorizeJson body) {
        if (body == null) {
            throw new BadDecisionRequest("token", "svc.error.fieldRequired");
        }
        String token = required(body.token(), "token");
        if (body.domainId() == null) {
            throw new BadDecisionRequest("domain_id", "svc.error.fieldRequired");
        }
        EntityType type = EntityType.fromWire(required(body.entityType(), "entity_type"))
                .orElseThrow(() -> new BadDecisionRequest("entity_type", "svc.error.unknownEntityType"));
        Operation op = Operation.find(type, required(body.operation(), "operation"))
                .orElseThrow(() -> new BadDecisionRequest("operation", "svc.error.unknownOperation"));
        Long entityId = null;
        if (body.entityId() != null && !body.entityId().isBlank()) {
            if (!ENTITY_ID.matcher(body.entityId()).matches()) {
                throw new BadDecisionRequest("entity_id", "svc.error.badEntityId");
            }
            entityId = "*".equals(body.entityId()) ? null : Long.valueOf(body.entityId());
        }
        return DecisionJson.of(introspection.authorize(token, body.domainId(), op, entityId));
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadDecisionRequest(field, "svc.error.fieldRequired");
        }
        return value;
    }
}
