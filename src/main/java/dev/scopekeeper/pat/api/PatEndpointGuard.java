package dev.scopekeeper.pat.api;

import dev.scopekeeper.authz.NoAuthentication;
import dev.scopekeeper.authz.RequiresOperation;
import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.pat.PatAuthentication;
import dev.scopekeeper.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one rule of where a personal access token may go, deny by default: a request authenticated with a PAT
 * reaches only an endpoint that declares its catalogue operation ({@link RequiresOperation}) — whose scope the
 * service then checks —, one marked {@link AboutTheTokenItself}, or one that needs no authentication at all
 * ({@link NoAuthentication}, e.g. reporting leaked tokens, which must not fail for carrying a PAT). Everything else under {@code /api} (managing
 * tokens, users, administration, the caller's account and invitations, unmapped paths) answers 403, so a new
 * endpoint is closed to tokens until it names its operation.
 */
@Configuration(proxyBeanMethods = false)
class PatEndpointGuard implements WebMvcConfigurer {

    /** An endpoint a PAT may call about itself (e.g. {@code GET /api/v1/pats/self}); it needs no scope. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface AboutTheTokenItself {}

    /** Managing tokens (one's own, every user's, a domain's): refused with the message that says so. */
    private static final Pattern TOKEN_MANAGEMENT =
            Pattern.compile("/api/v1/(pats|admin/tokens|domains/[^/]+/pats)(/.*)?");

    private final CurrentUser currentUser;

    PatEndpointGuard(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (currentUser
                                        .authentication()
                                        .filter(PatAuthentication.class::isInstance)
                                        .isPresent()
                                && !reachableWithToken(handler)) {
                            throw new Forbidden(
                                    TOKEN_MANAGEMENT
                                                    .matcher(request.getRequestURI())
                                                    .matches()
                                            ? "pat.error.tokenCannotManageTokens"
                                            : "pat.error.onlyCatalogueOperations");
                        }
                        return true;
                    }
                })
                .addPathPatterns("/api/**");
    }

    static boolean reachableWithToken(Object handler) {
        return handler instanceof HandlerMethod method
                && (method.hasMethodAnnotation(RequiresOperation.class)
                        || method.hasMethodAnnotation(AboutTheTokenItself.class)
                        || method.hasMethodAnnotation(NoAuthentication.class));
    }
}
