package dev.scopekeeper.base.api;

import dev.scopekeeper.MutableClock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
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

    /** Endpoints that fail in the ways real controllers can. */
    @RestController
    @RequestMapping("/api/test/errors")
    static class ErrorProbeController {

        record Named(@NotBlank String name, @Size(max = 3) String code) {
        }

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
