package dev.scopekeeper;

import dev.scopekeeper.base.api.ApiClient;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.security.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What almost every {@code @ApiTest} class starts with: the HTTP client for the running app, and the helpers
 * that make unique users and domains. Extend it and keep the {@code @ApiTest} annotation on the test class.
 */
public abstract class ApiTestBase {

    @Autowired
    protected ApiClient api;

    @Autowired
    protected TestUsers users;

    @Autowired
    protected TestDomains domains;
}
