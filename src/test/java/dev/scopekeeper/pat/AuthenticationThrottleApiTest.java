package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.base.api.ApiClient;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Repeated bad tokens from one address get 429 with Retry-After, before any token lookup. */
@ApiTest
@TestPropertySource(properties = {"scopekeeper.api.failure-limit=5", "scopekeeper.api.failure-window=1m"})
class AuthenticationThrottleApiTest {

    @Autowired
    ApiClient api;

    @Test
    void anAddressSendingBadTokensIsThrottledForTheRestOfTheWindow() {
        String bad = new PatTokens(null).generate();
        for (int i = 0; i < 5; i++) {
            api.get("/api/v1/domains", bad).assertProblem(401, "Invalid personal access token");
        }

        Response throttled = api.get("/api/v1/domains", bad);

        assertThat(throttled.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 61L);
        assertThat(throttled.json().path("detail").asString()).startsWith("Too many invalid tokens from your address");
        assertThat(api.get("/api/v1/domains", "pat_garbage").status()).isEqualTo(429);
    }
}
