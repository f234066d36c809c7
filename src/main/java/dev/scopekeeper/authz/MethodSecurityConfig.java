package dev.scopekeeper.authz;

import org.springframework.aop.Advisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Registers the two managers of {@link OperationAuthorization} beside {@code @PreAuthorize} ({@code
 * @EnableMethodSecurity} in the security configuration) as method-security interceptors. Order, outermost first:
 * the credential rule (so a PAT gets its own message, not {@code @PreAuthorize}'s), {@code @PreAuthorize} (no
 * database), the transaction, then the declared operation, so the access facts are read in the service method's
 * own transaction, as when each service ran the check itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement(proxyTargetClass = true, order = MethodSecurityConfig.TRANSACTION_ORDER)
class MethodSecurityConfig {

    static final int TRANSACTION_ORDER = Ordered.LOWEST_PRECEDENCE - 200;
    static final int OPERATION_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    static final int CREDENTIAL_ORDER = AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() - 1;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor credentialRuleAdvisor() {
        AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
                OperationAuthorization.credentialPointcut(), OperationAuthorization.credentials());
        interceptor.setOrder(CREDENTIAL_ORDER);
        return interceptor;
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor operationAuthorizationAdvisor(ObjectProvider<DomainAccess> access) {
        AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
                OperationAuthorization.operationPointcut(), OperationAuthorization.operations(access));
        interceptor.setOrder(OPERATION_ORDER);
        return interceptor;
    }
}
