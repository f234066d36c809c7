package dev.scopekeeper.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.base.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ApiTest
class OpenApiDocumentTest {

    @Autowired
    ApiClient api;

    @Test
    void theOpenApiDocumentIsPublicAndDescribesTheApi() {
        Response response = api.get("/v3/api-docs", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode doc = response.json();
        assertThat(doc.path("openapi").asString()).startsWith("3.");
        assertThat(doc.path("info").path("title").asString()).isEqualTo("Scopekeeper API");
        assertThat(doc.path("paths").propertyNames())
                .contains(
                        "/api/v1/users/tokens/issue",
                        "/api/v1/users/tokens/refresh",
                        "/api/v1/users",
                        "/api/v1/users/me",
                        "/api/v1/users/{id}/disable",
                        "/api/v1/users/{id}/enable");
        assertThat(doc.path("components")
                        .path("securitySchemes")
                        .path("bearer")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(doc.path("security").toString()).contains("bearer");
        assertThat(doc.path("paths")
                        .path("/api/v1/users/tokens/issue")
                        .path("post")
                        .path("security")
                        .isArray())
                .as("token issuing needs no token")
                .isTrue();
        assertThat(doc.path("paths")
                        .path("/api/v1/users")
                        .path("post")
                        .path("responses")
                        .propertyNames())
                .contains("201", "400", "401", "403", "404", "409", "422", "500");
    }

    @Test
    void eachRevokeOperationDocumentsItsOwnBody() {
        JsonNode doc = api.get("/v3/api-docs", null).json();

        assertThat(requestProperties(doc, "/api/v1/admin/tokens/{id}/revoke", "patch"))
                .containsExactly("reason");
        assertThat(requestProperties(doc, "/api/v1/credentials/revoke", "post")).containsExactly("credentials");
    }

    /** Issue 10: "no schema carries required/length/pattern constraints": the request bodies carry their rules. */
    @Test
    void requestBodiesDocumentWhatIsRequiredAndHowLongOrShapedItMayBe() {
        JsonNode doc = api.get("/v3/api-docs", null).json();

        JsonNode pat = requestSchema(doc, "/api/v1/pats", "post");
        assertThat(pat.path("required").toString()).contains("\"name\"");
        assertThat(pat.path("properties").path("name").path("maxLength").asInt())
                .isEqualTo(100);
        assertThat(pat.path("properties").path("description").path("maxLength").asInt())
                .isEqualTo(1024);

        JsonNode user = requestSchema(doc, "/api/v1/admin/users", "post");
        assertThat(user.path("required").toString()).contains("\"username\"", "\"email\"", "\"password\"", "\"role\"");
        assertThat(user.path("properties").path("username").path("pattern").asString())
                .isEqualTo("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
        assertThat(user.path("properties").path("password").path("minLength").asInt())
                .isEqualTo(12);
        assertThat(user.path("properties").path("email").path("maxLength").asInt())
                .isEqualTo(254);
    }

    private static JsonNode requestSchema(JsonNode doc, String path, String method) {
        String ref = doc.path("paths")
                .path(path)
                .path(method)
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asString();
        assertThat(ref).as("%s %s request body", method, path).startsWith("#/components/schemas/");
        return doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static java.util.List<String> requestProperties(JsonNode doc, String path, String method) {
        String ref = doc.path("paths")
                .path(path)
                .path(method)
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asString();
        assertThat(ref).as("%s %s request body", method, path).startsWith("#/components/schemas/");
        JsonNode schema = doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        return java.util.List.copyOf(schema.path("properties").propertyNames());
    }

    @Test
    void theBrowsableUiIsPublic() {
        Response response = api.get("/swagger-ui/index.html", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("Swagger UI");
    }
}
