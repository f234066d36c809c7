package dev.scopekeeper.authz;

import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.UserCredentialsOnly;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The credential rule at the API's door, deny by default: a request authenticated with a personal access token
 * reaches only an endpoint that declares its catalogue operation ({@link RequiresOperation}, which the service
 * method it calls declares too) or needs no authentication ({@link NoAuthentication}). Any other handler under
 * {@code /api} — one that calls a {@link UserCredentialsOnly} service, one that calls no service at all, an unmapped
 * path — answers 403 before its arguments are even read (so a PAT never learns what validation says), with the
 * message the {@link UserCredentialsOnly} declarations of the controller's services agree on (e.g. "cannot be used
 * to manage personal access tokens" for the token controllers), else the general one. No URL is listed anywhere:
 * the services' declarations decide, and method security enforces the same declarations for every other caller.
 *
 * <p>Two more declarations open or close a door: {@link OwnTokenEndpoint} (a PAT asking about itself, reached by any
 * live PAT without a scope) and {@link ServiceCredentialEndpoint} (the decision API for other services: a service
 * credential reaches only those endpoints, and nothing but a service credential reaches them).
 */
@Configuration(proxyBeanMethods = false)
class UndeclaredEndpointRule implements WebMvcConfigurer {

    private final CurrentUser currentUser;
    private final Map<Class<?>, String> refusals = new ConcurrentHashMap<>();

    UndeclaredEndpointRule(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        boolean service = OperationAuthorization.isServiceCredential(
                                () -> currentUser.authentication().orElse(null));
                        if (service != forServices(handler)) {
                            throw new Forbidden(
                                    service
                                            ? SERVICE_CREDENTIAL_REFUSED
                                            : OperationAuthorization.isPersonalAccessToken(() -> currentUser
                                                            .authentication()
                                                            .orElse(null))
                                                    ? UserCredentialsOnly.NOT_IN_CATALOGUE
                                                    : SERVICE_CREDENTIAL_REQUIRED);
                        }
                        if (!reachableWithToken(handler)
                                && OperationAuthorization.isPersonalAccessToken(
                                        () -> currentUser.authentication().orElse(null))) {
                            throw new Forbidden(refusal(handler));
                        }
                        return true;
                    }
                })
                .addPathPatterns("/api/**");
    }

    /** A service credential asks for anything but the decision API. */
    static final String SERVICE_CREDENTIAL_REFUSED = "svc.error.onlyDecisionEndpoints";

    /** Anything but a service credential asks the decision API. */
    static final String SERVICE_CREDENTIAL_REQUIRED = "svc.error.serviceCredentialRequired";

    static boolean reachableWithToken(Object handler) {
        return handler instanceof HandlerMethod method
                && (method.hasMethodAnnotation(RequiresOperation.class)
                        || method.hasMethodAnnotation(NoAuthentication.class)
                        || method.hasMethodAnnotation(OwnTokenEndpoint.class));
    }

    static boolean forServices(Object handler) {
        return handler instanceof HandlerMethod method && method.hasMethodAnnotation(ServiceCredentialEndpoint.class);
    }

    private String refusal(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return UserCredentialsOnly.NOT_IN_CATALOGUE;
        }
        return refusals.computeIfAbsent(method.getBeanType(), UndeclaredEndpointRule::refusalOf);
    }

    /** The refusal the {@link UserCredentialsOnly} services a controller is built with agree on. */
    static String refusalOf(Class<?> controller) {
        Set<String> declared = Arrays.stream(controller.getDeclaredConstructors())
                .map(Constructor::getParameterTypes)
                .flatMap(Arrays::stream)
                .map(type -> AnnotatedElementUtils.findMergedAnnotation(type, UserCredentialsOnly.class))
                .filter(java.util.Objects::nonNull)
                .map(UserCredentialsOnly::value)
                .collect(Collectors.toSet());
        return declared.size() == 1 ? declared.iterator().next() : UserCredentialsOnly.NOT_IN_CATALOGUE;
    }
}
