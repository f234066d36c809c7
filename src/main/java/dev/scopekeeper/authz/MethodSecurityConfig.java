package dev.scopekeeper.authz;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Registers {@link OperationAuthorization} beside {@code @PreAuthorize} ({@code @EnableMethodSecurity} in the
 * security configuration) as one more method-security interceptor. Order, outermost first: {@code @PreAuthorize}
 * (no database), the transaction ({@value #TRANSACTION_ORDER}), then this check ({@value #OPERATION_ORDER}), so
 * the access facts are read in the service method's own transaction, as when each service ran the check itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement(proxyTargetClass = true, order = MethodSecurityConfig.TRANSACTION_ORDER)
class MethodSecurityConfig {

    static final int TRANSACTION_ORDER = Ordered.LOWEST_PRECEDENCE - 200;
    static final int OPERATION_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor operationAuthorizationAdvisor(ObjectProvider<DomainAccess> access) {
        AuthorizationManager<MethodInvocation> manager = new OperationAuthorization(access);
        AuthorizationManagerBeforeMethodInterceptor interceptor =
                new AuthorizationManagerBeforeMethodInterceptor(OperationAuthorization.pointcut(), manager);
        interceptor.setOrder(OPERATION_ORDER);
        return interceptor;
    }
}
