package dev.scopekeeper.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.scopekeeper.security.ui.LoginView;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/** Browser sign-in for the Vaadin UI. Every service method is additionally guarded by method security. */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /**
     * Spring Security observes authentications only, not each filter of its chains nor each authorization decision
     * (issue 12): with the actuator's registry it wrapped every filter of every chain in an observation (before and
     * after events, a timer, tags: about a quarter of the server's time on a request that does nothing) and timed
     * every {@code @PreAuthorize} call and {@code AuthorizationFilter} decision, rendering the decision. They fed
     * {@code spring.security.filterchains} and {@code spring.security.authorizations} metrics that no dashboard or
     * document here (deploy/, docs/) reads. {@code http.server.requests} still times every request; every filter and
     * every check still runs, refusals are audited and answered as before. Spelled out: the builder's defaults
     * ({@code withDefaults()}) already leave requests unobserved, unlike having no settings bean at all.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .shouldObserveAuthentications(true)
                .shouldObserveAuthorizations(false)
                .build();
    }

    /** BCrypt by default, with the algorithm id stored alongside each hash so it can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The browser sign-in form's authentication: {@link PasswordSignIn} (throttled per account and address,
     * hash-free principal), publishing Spring's success/failure events for the audit log.
     */
    @Bean
    AuthenticationManager authenticationManager(PasswordSignIn passwordSignIn, ApplicationEventPublisher events) {
        ProviderManager manager = new ProviderManager(passwordSignIn.formLoginProvider());
        var publisher = new DefaultAuthenticationEventPublisher(events);
        // A throttled attempt is a failed sign-in for the audit log too.
        publisher.setAdditionalExceptionMappings(
                Map.<Class<? extends AuthenticationException>, Class<? extends AbstractAuthenticationFailureEvent>>of(
                        SignInThrottle.SignInThrottled.class, AuthenticationFailureLockedEvent.class));
        manager.setAuthenticationEventPublisher(publisher);
        return manager;
    }

    /** Every signed-in browser session, by principal, so {@link BrowserSessions} can end a user's sessions. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the {@link SessionRegistry} when the servlet container destroys a session or changes its id. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    SecurityFilterChain vaadinSecurityFilterChain(
            HttpSecurity http, AuthenticationManager authenticationManager, SessionRegistry sessionRegistry)
            throws Exception {
        http.authenticationManager(authenticationManager);
        // Sessions are registered (no limit on how many a user has) so BrowserSessions can end them: a disabled,
        // demoted or reset account, or the other sessions after a password change. An ended session's next
        // request is signed out and sent to the sign-in page.
        http.sessionManagement(sessions ->
                sessions.maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login"));
        // SecurityHeaders (a servlet filter ahead of this chain) sets CSP, nosniff, frame and referrer headers on
        // every response; these are the same values, for responses that reset headers.
        http.headers(headers -> headers.frameOptions(frame -> frame.deny())
                .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.BROWSER_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        // Login CSRF: Vaadin exempts the login POST from the CSRF check; the login form sends the token anyway.
        CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens));
        http.addFilterBefore(new LoginCsrfFilter("/login", csrfTokens), UsernamePasswordAuthenticationFilter.class);
        // Public: the app's own stylesheets (frontend/styles, served from /styles), the OpenAPI document and
        // its browsable UI. The API itself has its own stateless chain (security.api).
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                        "/styles/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll());
        SecurityFilterChain chain = http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(
                                LoginView.class)
                        // a URL that matches no rule (a mistyped page) reaches Vaadin, which shows its not-found view
                        // inside the layout, instead of Spring Security's bare 403; anonymous callers still sign in
                        // first
                        .anyRequest(
                                org.springframework.security.config.annotation.web.configurers
                                                .AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated))
                .build();
        // A sign-in that could not be checked because the database is unavailable says so, not "incorrect
        // password". Set on the built filter: configuring formLogin before Vaadin's configurer runs turns Spring's
        // generated sign-in page back on.
        chain.getFilters().stream()
                .filter(UsernamePasswordAuthenticationFilter.class::isInstance)
                .map(UsernamePasswordAuthenticationFilter.class::cast)
                .forEach(filter -> filter.setAuthenticationFailureHandler(new SignInFailureHandler("/login")));
        return chain;
    }
}
