package dev.scopekeeper.entities.api;

import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.api.EntityJson.ClientResponse;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.authorization.method.AuthorizationAdvisor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.util.AopTestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark only ({@code ApiBenchmark} mode (e)): {@code GET /bench/domains/{domainId}/clients/{id}} reads a client
 * the way {@code GET /api/v1/domains/{domainId}/clients/{id}} ({@code ClientController.view}) does, dispatched the
 * same way — an annotated {@code @RestController} method with two {@code long} path variables (so the same handler
 * lookup, the same {@code @ControllerAdvice} {@code @InitBinder}, the same content negotiation and the same JSON
 * record) calling {@link ClientService#view} through the advice of the application's own service proxy
 * ({@code TransactionRetry}, the {@code @Transactional(readOnly = true)} interceptor) — but with no credential and
 * no authorization: the service's method-security advisors (the credential rule, {@code @PreAuthorize}, the
 * operation check) are left out, and the path has a security chain that permits everything.
 *
 * <p>Not a component: the class is abstract, so component scanning (which in tests covers this package) skips it;
 * {@link #register}, the benchmark's initializer, registers an anonymous subclass (which Spring MVC finds as a
 * handler by the inherited {@code @RestController}), so no test context and no API document ever sees it.
 */
@RestController
@RequestMapping(EntityReadOnly.MAPPING)
public abstract class EntityReadOnly {

    static final String MAPPING = "/bench/domains/{domainId}/clients";

    /** The path prefix; {@code PREFIX + domainId + "/clients/" + id} is one client. */
    public static final String PREFIX = "/bench/domains/";

    /** The service's own object, behind its advice less method security. */
    private final ClientService clients;

    EntityReadOnly(ClientService clients) {
        this.clients = clients;
    }

    @GetMapping("/{id}")
    ClientResponse view(@PathVariable long domainId, @PathVariable long id) {
        return ClientResponse.of(clients.view(domainId, id));
    }

    /** The URI path of one client under this controller. */
    public static String path(long domainId, long clientId) {
        return PREFIX + domainId + "/clients/" + clientId;
    }

    public static void register(ConfigurableApplicationContext context) {
        GenericApplicationContext app = (GenericApplicationContext) context;
        app.registerBean(
                "benchEntityReadOnlyController",
                EntityReadOnly.class,
                () -> new EntityReadOnly(withoutAuthorization(app)) {});
        app.registerBean("benchEntityReadOnlyChain", SecurityFilterChain.class, () -> chain(app));
    }

    /**
     * A proxy of the service's target object carrying every advisor of the application's own {@link ClientService}
     * proxy except the method-security ones (the credential rule, {@code @PreAuthorize} and the operation check):
     * so {@code TransactionRetry} and the same transaction interceptor bean, reading the same
     * {@code @Transactional(readOnly = true)} of {@link ClientService#view}, in the same order.
     */
    static ClientService withoutAuthorization(GenericApplicationContext app) {
        Advised real = (Advised) app.getBean(ClientService.class);
        ClientService target = AopTestUtils.getUltimateTargetObject(real);
        ProxyFactory proxy = new ProxyFactory(target);
        proxy.setProxyTargetClass(true);
        List<String> kept = new ArrayList<>();
        for (Advisor advisor : real.getAdvisors()) {
            if (!(advisor instanceof AuthorizationAdvisor) && !(advisor.getAdvice() instanceof AuthorizationAdvisor)) {
                proxy.addAdvisor(advisor);
                kept.add(advisor.getAdvice().getClass().getSimpleName());
            }
        }
        if (kept.size() == real.getAdvisors().length || kept.stream().noneMatch("TransactionInterceptor"::equals)) {
            throw new IllegalStateException("(e) must drop method security and keep the transaction: " + kept);
        }
        System.err.println("bench (e) ClientService advice kept: " + kept + " of " + real.getAdvisors().length);
        return (ClientService) proxy.getProxy(ClientService.class.getClassLoader());
    }

    /** First of all chains (an {@link Ordered} instance), for {@code /bench/**} only: permit, no session. */
    private static SecurityFilterChain chain(GenericApplicationContext app) {
        try {
            HttpSecurity http = app.getBean(HttpSecurity.class);
            SecurityFilterChain built = http.securityMatcher("/bench/**")
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
