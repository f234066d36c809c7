package dev.scopekeeper.security.api;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The REST API's own, stateless filter chain for {@code /api/**}, ahead of the browser (Vaadin) chain:
 * bearer tokens only, no session, no CSRF (no cookies are read), no login form. Errors are written by
 * the MVC exception handler, so they are the same problem details as everywhere else under /api.
 */
@Configuration
class ApiSecurityConfig {

    static final String[] PUBLIC_POSTS = {"/api/v1/users/tokens/issue", "/api/v1/users/tokens/refresh",
            "/api/v1/credentials/revoke"};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ObjectProvider<BearerTokenAuthenticator> authenticators,
            ObjectProvider<SecurityContextHolderStrategy> strategy, AuthenticationThrottle throttle,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) throws Exception {
        var problems = new ProblemSecurityHandlers(exceptionResolver);
        var filter = new BearerTokenFilter(authenticators.orderedStream().toList(), problems,
                strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy), throttle);
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, PUBLIC_POSTS).permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(filter, AuthorizationFilter.class)
                .build();
    }
}
