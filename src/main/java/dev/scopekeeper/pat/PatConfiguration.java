package dev.scopekeeper.pat;

import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PatConfiguration {

    /**
     * The digest is keyed with {@code SCOPEKEEPER_PAT_PEPPER} when set (a stolen database then is
     * not enough to test guesses offline). Changing or removing the pepper invalidates every token.
     */
    @Bean
    PatTokens patTokens(@Value("${scopekeeper.pat.pepper:}") String pepper) {
        return new PatTokens(pepper.isEmpty() ? null : pepper.getBytes(StandardCharsets.UTF_8));
    }
}
