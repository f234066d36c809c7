package dev.scopekeeper.pat.api;

import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.pat.PatAuthentication;
import dev.scopekeeper.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Personal access tokens reach the domain API only ({@code /api/v1/domains/**} and the caller's
 * invitations); everywhere else — managing tokens, users, the caller's account — they get 403.
 */
@Configuration(proxyBeanMethods = false)
class PatEndpointGuard implements WebMvcConfigurer {

    private final CurrentUser currentUser;

    PatEndpointGuard(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (currentUser.authentication().filter(PatAuthentication.class::isInstance).isPresent()) {
                    throw new Forbidden(request.getRequestURI().startsWith("/api/v1/pats")
                            ? "pat.error.tokenCannotManageTokens" : "pat.error.onlyDomainEndpoints");
                }
                return true;
            }
        }).addPathPatterns("/api/**").excludePathPatterns("/api/v1/domains/**", "/api/v1/invitations/**",
                "/api/v1/invitations", "/api/v1/credentials/revoke");
    }
}
