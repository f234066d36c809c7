package dev.scopekeeper.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scopekeeper.pat.PatPolicy;
import dev.scopekeeper.pat.PolicyService;
import dev.scopekeeper.pat.PolicyViolations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The token policy, for platform administrators. */
@RestController
@RequestMapping("/api/v1/admin/policy")
@Tag(
        name = "Administration: policy",
        description = "Platform administrators: the rules for new tokens and regenerations")
class AdminPolicyController {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PolicyJson(
            @JsonProperty("max_lifetime_days") Integer maxLifetimeDays,
            @JsonProperty("never_allowed") Boolean neverAllowed,
            @JsonProperty("default_duration") String defaultDuration,
            @JsonProperty("description_required") Boolean descriptionRequired,
            @JsonProperty("max_scopes") Integer maxScopes,
            @JsonProperty("auto_revoke_unused_days") Integer autoRevokeUnusedDays) {

        static PolicyJson of(PatPolicy p) {
            return new PolicyJson(
                    p.maxLifetimeDays(),
                    p.neverAllowed(),
                    p.defaultDuration(),
                    p.descriptionRequired(),
                    p.maxScopes(),
                    p.autoRevokeUnusedDays());
        }

        /** Missing fields keep the current value (auto_revoke_unused_days: null = off, so it is always taken). */
        PatPolicy merged(PatPolicy current) {
            return new PatPolicy(
                    maxLifetimeDays == null ? current.maxLifetimeDays() : maxLifetimeDays,
                    neverAllowed == null ? current.neverAllowed() : neverAllowed,
                    defaultDuration == null ? current.defaultDuration() : defaultDuration,
                    descriptionRequired == null ? current.descriptionRequired() : descriptionRequired,
                    maxScopes == null ? current.maxScopes() : maxScopes,
                    autoRevokeUnusedDays);
        }
    }

    record ViolationsJson(
            long total,
            @JsonProperty("lifetime_too_long") long lifetimeTooLong,
            @JsonProperty("never_expiring") long neverExpiring,
            @JsonProperty("too_many_scopes") long tooManyScopes,
            @JsonProperty("missing_description") long missingDescription) {

        static ViolationsJson of(PolicyViolations v) {
            return new ViolationsJson(
                    v.total(), v.lifetimeTooLong(), v.neverExpiring(), v.tooManyScopes(), v.missingDescription());
        }
    }

    private final PolicyService policies;

    AdminPolicyController(PolicyService policies) {
        this.policies = policies;
    }

    @GetMapping
    @Operation(summary = "The current token policy")
    PolicyJson get() {
        return PolicyJson.of(policies.get());
    }

    @PutMapping
    @Operation(
            summary = "Replace the token policy; applies to new tokens and regenerations, never alters existing tokens")
    PolicyJson update(@RequestBody PolicyJson body) {
        return PolicyJson.of(policies.update(body.merged(policies.get())));
    }

    @PostMapping("/violations")
    @Operation(summary = "How many active tokens the given policy (not saved) would be broken by")
    ViolationsJson violations(@RequestBody PolicyJson body) {
        return ViolationsJson.of(policies.countViolations(body.merged(policies.get())));
    }

    @PostMapping("/violations/revoke")
    @Operation(summary = "Revoke every active token that breaks the given policy; returns how many")
    Map<String, Integer> revokeViolations(@RequestBody PolicyJson body) {
        return Map.of("revoked", policies.revokeViolations(body.merged(policies.get())));
    }
}
