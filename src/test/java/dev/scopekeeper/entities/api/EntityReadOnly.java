package dev.scopekeeper.entities.api;

import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.api.EntityJson.ClientResponse;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Benchmark only ({@code ApiBenchmark} mode (e)): {@code GET /bench/clients/{domainId}/{id}} reads a client the way
 * {@code GET /api/v1/domains/{domainId}/clients/{id}} does — {@link ClientService#view} in a read-only transaction,
 * the same JSON record — but with no credential and no authorization: the service's own object is called, past its
 * method-security proxy, and the path has a security chain that permits everything. Registered by the benchmark's
 * initializer only (not a component, so no test context and no API document ever sees it).
 */
public final class EntityReadOnly {

    public static final String PATH = "/bench/clients/";

    private EntityReadOnly() {}

    public static void register(ConfigurableApplicationContext context) {
        GenericApplicationContext app = (GenericApplicationContext) context;
        app.registerBean("benchEntityReadOnlyRoute", RouterFunction.class, () -> route(app));
        app.registerBean("benchEntityReadOnlyChain", SecurityFilterChain.class, () -> chain(app));
    }

    private static RouterFunction<ServerResponse> route(GenericApplicationContext app) {
        ClientService clients = AopTestUtils.getUltimateTargetObject(app.getBean(ClientService.class));
        TransactionTemplate readOnly = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        readOnly.setReadOnly(true);
        return RouterFunctions.route()
                .GET(PATH + "{domainId}/{id}", request -> {
                    long domainId = Long.parseLong(request.pathVariable("domainId"));
                    long id = Long.parseLong(request.pathVariable("id"));
                    return ServerResponse.ok()
                            .body(readOnly.execute(status -> ClientResponse.of(clients.view(domainId, id))));
                })
                .build();
    }

    /** First of all chains (an {@link Ordered} instance), for {@code /bench/**} only: permit, no session. */
    private static SecurityFilterChain chain(GenericApplicationContext app) {
        try {
            HttpSecurity http = app.getBean(HttpSecurity.class);
            SecurityFilterChain built = http.securityMatcher(PATH + "**")
                    .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable())
                    .build();
            return new FirstChain(built);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record FirstChain(SecurityFilterChain delegate) implements SecurityFilterChain, Ordered {

        @Override
        public boolean matches(HttpServletRequest request) {
            return delegate.matches(request);
        }

        @Override
        public List<Filter> getFilters() {
            return delegate.getFilters();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
