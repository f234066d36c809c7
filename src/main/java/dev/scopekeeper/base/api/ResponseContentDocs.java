package dev.scopekeeper.base.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes every response in the OpenAPI document say what is really sent: success bodies are
 * {@code application/json} (not {@code *}{@code /*}; other types such as {@code text/csv} stay), every error is
 * {@code application/problem+json} with the {@code Problem} schema, a 204 has no body, and every operation that
 * takes a token (and the two sign-in operations) documents the 429 of the authentication throttle with its
 * {@code Retry-After} header.
 */
@Component
class ResponseContentDocs implements OpenApiCustomizer {

    static final String PROBLEM_SCHEMA = "Problem";
    private static final Set<String> THROTTLED_PUBLIC =
            Set.of("/api/v1/users/tokens/issue", "/api/v1/users/tokens/refresh");

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        openApi.getComponents().getSchemas().remove("ProblemDetail");
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses();
            if (responses == null) {
                return;
            }
            boolean secured =
                    operation.getSecurity() == null || !operation.getSecurity().isEmpty();
            if (secured || THROTTLED_PUBLIC.contains(path)) {
                responses.addApiResponse(
                        "429",
                        new ApiResponse()
                                .description("Too many failed authentication attempts from this address; retry later")
                                .addHeaderObject(
                                        "Retry-After",
                                        new Header()
                                                .description("Seconds to wait")
                                                .schema(new IntegerSchema())));
            }
            responses.forEach((code, response) -> fix(code, response));
            sortResponses(operation);
        }));
    }

    private static void fix(String code, ApiResponse response) {
        if (code.startsWith("4") || code.startsWith("5") || code.equals("default")) {
            response.setContent(new Content()
                    .addMediaType(
                            Problems.CONTENT_TYPE,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription("An RFC 9457 problem");
            }
            return;
        }
        if (code.equals("204")) {
            response.setContent(null);
            return;
        }
        Content content = response.getContent();
        if (content != null && content.containsKey("*/*")) {
            MediaType any = content.remove("*/*");
            content.putIfAbsent("application/json", any);
        }
    }

    private static void sortResponses(Operation operation) {
        Map<String, ApiResponse> sorted = new java.util.TreeMap<>(operation.getResponses());
        ApiResponses responses = new ApiResponses();
        sorted.forEach(responses::addApiResponse);
        operation.setResponses(responses);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().description("A URI naming the kind of problem"));
        properties.put("title", new StringSchema().description("The HTTP status in words"));
        properties.put("status", new IntegerSchema().description("The HTTP status code"));
        properties.put("detail", new StringSchema().description("What went wrong, for a person to read"));
        properties.put("instance", new StringSchema().description("The path of the request"));
        properties.put("field", new StringSchema().description("The JSON field or parameter at fault, if any"));
        properties.put(
                "errors",
                new Schema<>()
                        .type("array")
                        .description("Every field at fault (validation)")
                        .items(new ObjectSchema()
                                .addProperty("field", new StringSchema())
                                .addProperty("message", new StringSchema())));
        ObjectSchema problem = new ObjectSchema();
        problem.setProperties(properties);
        problem.setRequired(java.util.List.of("title", "status", "detail"));
        problem.setDescription("RFC 9457 problem details");
        return problem;
    }
}
