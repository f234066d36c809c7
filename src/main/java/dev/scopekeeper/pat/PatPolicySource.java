package dev.scopekeeper.pat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Where the current {@link PatPolicy} comes from: configuration ({@code scopekeeper.pat.*}) for now. */
@Component
class PatPolicySource {

    private final PatPolicy policy;

    PatPolicySource(Properties properties) {
        PatPolicy d = PatPolicy.DEFAULT;
        this.policy = new PatPolicy(properties.maxLifetime() == null ? d.maxLifetime() : properties.maxLifetime(),
                properties.allowNever() == null ? d.neverAllowed() : properties.allowNever(),
                properties.maxScopes() == null ? d.maxScopes() : properties.maxScopes());
    }

    PatPolicy current() {
        return policy;
    }

    @ConfigurationProperties(prefix = "scopekeeper.pat")
    record Properties(Duration maxLifetime, Boolean allowNever, Integer maxScopes) {
    }
}
