package dev.scopekeeper.ops;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Actuator endpoints ({@code /actuator/**}), ahead of the API and browser chains. Health (with its
 * liveness and readiness groups) is public: it says UP or DOWN and nothing else. Prometheus metrics
 * are for the monitoring system only: on a separate management port ({@code MANAGEMENT_SERVER_PORT},
 * which the network must keep private) they are open; on the application's own port they need
 * {@code Authorization: Bearer <SCOPEKEEPER_METRICS_TOKEN>}, and without that token configured they
 * are not served there at all. Nothing else of the actuator is exposed.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain actuatorSecurityFilterChain(
            HttpSecurity http, Environment environment, @Value("${scopekeeper.metrics.token:}") String metricsToken)
            throws Exception {
        boolean separatePort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
        return http.securityMatcher("/actuator", "/actuator/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        .anyRequest()
                        .access((authentication, context) -> new AuthorizationDecision(
                                separatePort || carriesToken(context.getRequest(), metricsToken))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                                .accessDeniedHandler((request, response, denied) ->
                                        response.sendError(HttpStatus.UNAUTHORIZED.value())))
                .build();
    }

    /** Constant-time comparison; an unset token matches nothing. */
    static boolean carriesToken(HttpServletRequest request, String expected) {
        String header = request.getHeader("Authorization");
        if (expected == null || expected.isBlank() || header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8),
                header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8));
    }
}
