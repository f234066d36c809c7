package dev.scopekeeper.base.api;

import dev.scopekeeper.MutableClock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Beans every {@link dev.scopekeeper.ScopekeeperTest} gets (test configurations are not component-scanned). */
@TestConfiguration(proxyBeanMethods = false)
@Import(ApiTestConfiguration.ErrorProbeController.class)
public class ApiTestConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean
    ApiClient apiClient(Environment environment) {
        return new ApiClient(environment);
    }

    /**
     * The app's password encoder with the cheapest BCrypt cost (4 instead of 10) for hashes made in tests: the
     * same algorithm and stored format ({@code {bcrypt}$2a$04$...}), so every sign-in and password check is real,
     * but the suite creates thousands of users and one cost-10 hash took about half a second on the shared
     * 2-core machine. Hashes of any other format are still matched by the app's own encoder.
     */
    @Bean
    static BeanPostProcessor cheapPasswordHashesInTests() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof DelegatingPasswordEncoder appEncoder)) {
                    return bean;
                }
                DelegatingPasswordEncoder cheap = new DelegatingPasswordEncoder(
                        "bcrypt",
                        Map.of("bcrypt", new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2A, 4)));
                cheap.setDefaultPasswordEncoderForMatches(appEncoder);
                return cheap;
            }
        };
    }

    /** Endpoints that fail in the ways real controllers can. */
    @RestController
    @RequestMapping("/api/test/errors")
    static class ErrorProbeController {

        record Named(@NotBlank String name, @Size(max = 3) String code) {}

        @PostMapping("/validated")
        Named validated(@Valid @RequestBody Named body) {
            return body;
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("internal detail: jdbc:mariadb://secret-host password=hunter2");
        }
    }
}
