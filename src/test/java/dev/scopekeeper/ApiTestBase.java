package dev.scopekeeper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.base.api.ApiClient;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.security.TestUsers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What almost every {@code @ApiTest} class starts with: the HTTP client for the running app, the helpers that
 * make unique users and domains, and a personal access token created the way a user does it over the API.
 * Extend it and keep the {@code @ApiTest} annotation on the test class.
 */
public abstract class ApiTestBase {

    @Autowired
    protected ApiClient api;

    @Autowired
    protected TestUsers users;

    @Autowired
    protected TestDomains domains;

    /** The scope {@code clients.view} in a domain, on one client's id or {@code "*"} for all of them. */
    protected static Map<String, Object> clientViewScope(long domainId, String clientId) {
        return Map.of("domain_id", domainId, "entity_type", "clients", "operation", "view", "entity_id", clientId);
    }

    /**
     * {@code POST /api/v1/pats} as the owner of {@code accessToken}: a token with the one scope {@link
     * #clientViewScope}; {@code description} is left out when null. The answer, whatever its status.
     */
    protected Response postClientViewPat(
            String accessToken, String name, String description, String duration, long domainId, String clientId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        body.put("duration", duration);
        body.put("scopes", List.of(clientViewScope(domainId, clientId)));
        return api.post("/api/v1/pats", accessToken, body);
    }

    /** {@link #postClientViewPat} that must succeed (201): the created token, its secret included. */
    protected JsonNode createClientViewPat(
            String accessToken, String name, String description, String duration, long domainId, String clientId) {
        Response created = postClientViewPat(accessToken, name, description, duration, domainId, clientId);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** {@link #createClientViewPat} without a description. */
    protected JsonNode createClientViewPat(
            String accessToken, String name, String duration, long domainId, String clientId) {
        return createClientViewPat(accessToken, name, null, duration, domainId, clientId);
    }
}
