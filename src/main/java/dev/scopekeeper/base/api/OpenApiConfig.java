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
                                        .description("A user access token or a personal access token (pat_...)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
