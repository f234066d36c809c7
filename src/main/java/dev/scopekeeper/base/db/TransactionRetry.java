package dev.scopekeeper.base.db;

import java.lang.reflect.Method;
import java.util.concurrent.ThreadLocalRandom;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a transaction again when the database rolled it back as a deadlock victim or because it lost a Galera
 * certification ({@link DatabaseFaults#conflict}): up to {@value #MAX_ATTEMPTS} attempts in all, a few
 * milliseconds apart, then the failure goes on (the API answers it with 409).
 *
 * <p>One place for every service: an advisor around each {@code @Transactional} method of the application's
 * beans, ordered just outside Spring's transaction interceptor, so each attempt is a whole new transaction with a
 * fresh persistence context (nothing of the rolled-back attempt survives). It only acts where the transaction
 * begins: a call made inside a running transaction is part of that one, and the outermost call retries it as a
 * whole. Method security stays outside (checked once). No library: Spring Retry's annotations would have to be put
 * on every service method, and the rule is the same for all of them.
 */
public final class TransactionRetry implements MethodInterceptor {

    static final int MAX_ATTEMPTS = 4;

    /**
     * Just outside the transaction interceptor ({@code authz.MethodSecurityConfig}: {@code LOWEST_PRECEDENCE - 200})
     * and inside method security ({@code @PreAuthorize} and the credential rule, a few hundred from the top).
     * {@code TransactionRetryTest} fails if the transaction ever moves outside it.
     */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 300;

    private static final Logger log = LoggerFactory.getLogger(TransactionRetry.class);

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return invocation.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !DatabaseFaults.conflict(e)) {
                    throw e;
                }
                Method method = invocation.getMethod();
                log.info(
                        "Transaction conflict (deadlock or certification failure) in {}.{}, attempt {} of {}: retrying",
                        method.getDeclaringClass().getSimpleName(),
                        method.getName(),
                        attempt,
                        MAX_ATTEMPTS);
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Setup {

        /**
         * Infrastructure role: Spring's auto-proxy creator applies only infrastructure advisors when AspectJ is not on
         * the class path (as here).
         */
        @Bean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static Advisor transactionRetryAdvisor() {
            ClassFilter ours = type -> type.getName().startsWith("dev.scopekeeper.");
            ComposablePointcut transactional = new ComposablePointcut(
                            new AnnotationMatchingPointcut(Transactional.class, true))
                    .union(AnnotationMatchingPointcut.forMethodAnnotation(Transactional.class))
                    .intersection(ours);
            DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(transactional, new TransactionRetry());
            advisor.setOrder(ORDER);
            return advisor;
        }
    }
}
