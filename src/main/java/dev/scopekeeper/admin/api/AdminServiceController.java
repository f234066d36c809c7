package dev.scopekeeper.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.api.ListResponses;
import dev.scopekeeper.services.IssuedServiceCredential;
import dev.scopekeeper.services.ServiceCredentialService;
import dev.scopekeeper.services.ServiceCredentialView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service credentials for platform administrators: the credentials other services call the decision API with
 * ({@code /api/v1/introspect}, {@code /api/v1/authorize}). The secret is in the create response only.
 */
@RestController
@RequestMapping("/api/v1/admin/services")
@Tag(
        name = "Administration: service credentials",
        description = "Platform administrators: create (secret shown once), list and revoke the credentials of other"
                + " services")
class AdminServiceController {

    private final ServiceCredentialService services;

    AdminServiceController(ServiceCredentialService services) {
        this.services = services;
    }

    record CreateServiceJson(
            @NotBlank @Size(max = Names.NAME_MAX) String name) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ServiceJson(
            long id,
            String name,
            String hint,
            @JsonProperty("created_at") Instant createdAt,

            @JsonProperty("revoked_at") @JsonInclude(JsonInclude.Include.ALWAYS)
            Instant revokedAt,

            String status,
            String secret) {

        static ServiceJson of(ServiceCredentialView view, String secret) {
            return new ServiceJson(
                    view.id(),
                    view.name(),
                    view.hint(),
                    view.createdAt(),
                    view.revokedAt(),
                    view.revoked() ? "revoked" : "active",
                    secret);
        }

        @Override
        public String toString() {
            return "ServiceJson[id=" + id + ", name=" + name + ", hint=" + hint + "]";
        }
    }

    record ServiceList(long total, int offset, int limit, List<ServiceJson> services) {}

    @PostMapping
    @Operation(
            summary = "Create a service credential; the response carries its secret (svc_…), shown this once",
            description = "Names are unique among live credentials (409 when one has it; a revoked one frees it).")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ServiceJson> create(@RequestBody CreateServiceJson body) {
        IssuedServiceCredential issued = services.create(body.name());
        return ResponseEntity.created(URI.create(
                        "/api/v1/admin/services/" + issued.credential().id()))
                .body(ServiceJson.of(issued.credential(), issued.secret()));
    }

    @GetMapping
    @Operation(summary = "List service credentials, newest first (never their secrets)")
    ServiceList list(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "10") int limit) {
        return ListResponses.of(services.list(offset, limit), v -> ServiceJson.of(v, null), ServiceList::new);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a service credential: its next request is refused")
    ServiceJson revoke(@PathVariable long id) {
        return ServiceJson.of(services.revoke(id), null);
    }
}
