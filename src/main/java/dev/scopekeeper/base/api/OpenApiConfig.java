package dev.scopekeeper.base.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, UI at {@code /swagger-ui.html}): every operation needs a
 * bearer token unless it declares otherwise ({@code @SecurityRequirements} with no value).
 */
@Configuration
class OpenApiConfig {

    static final String BEARER = "bearer";

    /** The decision API's scheme: a service credential ({@code svc_…}), which reaches nothing else. */
    public static final String SERVICE_CREDENTIAL = "serviceCredential";

    @Bean
    OpenAPI scopekeeperOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Scopekeeper API")
                        .version("v1")
                        .description("Personal access tokens and the domain resources they act on. Authenticate with "
                                + "`Authorization: Bearer <token>`: a user access token from "
                                + "`POST /api/v1/users/tokens/issue`, or a personal access token (`pat_...`). "
                                + "Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A user access token or a personal access token (pat_...)"))
                        .addSecuritySchemes(
                                SERVICE_CREDENTIAL,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A service credential (svc_...) that an administrator created"
                                                + " at /admin/services; it reaches only /api/v1/introspect and"
                                                + " /api/v1/authorize")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
