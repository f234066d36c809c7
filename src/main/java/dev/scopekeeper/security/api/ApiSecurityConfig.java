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
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The REST API's own, stateless filter chain for {@code /api/**}, ahead of the browser (Vaadin) chain:
 * Spring Security's OAuth2 resource server reads {@code Authorization: Bearer}, and
 * {@link ApiAuthenticationManagerResolver} hands a {@code pat_} token to the PAT provider and anything
 * else to the JWT provider of user access tokens. No session, no CSRF (no cookies are read), no login
 * form, never a redirect. Errors are written by the MVC exception handler, so they are the same problem
 * details as everywhere else under /api (401 for a bad or expired token, 429 when throttled).
 */
@Configuration
class ApiSecurityConfig {

    static final String[] PUBLIC_POSTS = {
        "/api/v1/users/tokens/issue", "/api/v1/users/tokens/refresh", "/api/v1/credentials/revoke"
    };

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http,
            ObjectProvider<BearerTokenAuthenticator> authenticators,
            UserAccessTokenProvider accessTokens,
            AuthenticationThrottle throttle,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver)
            throws Exception {
        var problems = new ProblemSecurityHandlers(exceptionResolver);
        var resolver = new ApiAuthenticationManagerResolver(
                authenticators.orderedStream().toList(), accessTokens, throttle);
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, PUBLIC_POSTS)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(resolver)
                        .bearerTokenResolver(new ApiBearerTokenResolver())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}
