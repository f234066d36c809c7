package dev.scopekeeper.entities.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.base.api.ApiClient;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.entities.api.EntityEndpoints.Endpoint;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document describes every entity endpoint with the scope the catalogue says it needs. */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityApiDocumentTest {

    @Autowired
    ApiClient api;

    JsonNode paths;

    @BeforeAll
    void document() {
        paths = api.get("/v3/api-docs", null).json().path("paths");
    }

    static Stream<Endpoint> endpoints() {
        return EntityEndpoints.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyEndpointNamesItsScopeRoleAndErrors(Endpoint endpoint) {
        Operation op = endpoint.operation();
        JsonNode doc = paths.path(endpoint.pattern()).path(endpoint.method().toLowerCase(Locale.ROOT));

        assertThat(doc.isObject()).as(endpoint + " is documented").isTrue();
        assertThat(doc.path("summary").asString()).isNotBlank();
        assertThat(doc.path("description").asString())
                .contains("Requires scope: `" + op.entityType().wireName() + ":" + op.wireName() + "`");
        JsonNode extension = doc.path("x-scopekeeper-operation");
        assertThat(extension.path("entity_type").asString())
                .isEqualTo(op.entityType().wireName());
        assertThat(extension.path("operation").asString()).isEqualTo(op.wireName());
        assertThat(extension.path("minimum_role").asString())
                .isEqualTo(op.minimumRole().wireName());
        assertThat(doc.path("responses").propertyNames())
                .contains(String.valueOf(endpoint.status()), "400", "401", "403", "404", "422");
        if (op.isReadOnly()) {
            assertThat(doc.path("responses").propertyNames()).doesNotContain("409");
        } else {
            assertThat(doc.path("responses").propertyNames()).contains("409");
        }
    }

    @Test
    void summariesComeFromTheCatalogueUnlessAnEndpointSaysMore() {
        assertThat(paths.path("/api/v1/domains/{domainId}/clients/{id}/tags")
                        .path("patch")
                        .path("summary")
                        .asString())
                .isEqualTo("Update client tags");
        assertThat(paths.path("/api/v1/domains/{domainId}/clients/{id}/tags")
                        .path("patch")
                        .path("description")
                        .asString())
                .isEqualTo("Requires scope: `clients:update_tags` (minimum domain role: editor).");
        assertThat(paths.path("/api/v1/domains")
                        .path("post")
                        .path("description")
                        .asString())
                .contains("platform administrators only");
    }

    @Test
    void theInviteesOwnEndpointsAreDocumentedWithoutAScope() {
        JsonNode accept =
                paths.path("/api/v1/invitations/{invitationId}/accept").path("post");

        assertThat(accept.path("summary").asString()).isNotBlank();
        assertThat(accept.path("x-scopekeeper-operation").isMissingNode()).isTrue();
        assertThat(paths.path("/api/v1/invitations/received").path("get").isObject())
                .isTrue();
    }

    @Test
    void theJsonSchemasUseSnakeCase() {
        JsonNode schemas =
                api.get("/v3/api-docs", null).json().path("components").path("schemas");

        assertThat(schemas.path("ClientResponse").path("properties").propertyNames())
                .contains("domain_id", "parent_id", "created_at", "secret");
        assertThat(schemas.path("ParentBody").path("properties").propertyNames())
                .containsExactly("parent_id");
        assertThat(schemas.path("ClientList").path("properties").propertyNames())
                .containsExactlyInAnyOrder("total", "offset", "limit", "clients");
    }
}
