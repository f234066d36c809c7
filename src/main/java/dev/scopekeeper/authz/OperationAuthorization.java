package dev.scopekeeper.authz;

import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.security.AnyCredential;
import dev.scopekeeper.security.UserCredentialsOnly;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/**
 * The one place the authorization rule of a service call is enforced, as a Spring Security method-security
 * {@link AuthorizationManager} (registered by {@link MethodSecurityConfig}), before the method body and inside
 * its transaction:
 *
 * <ol>
 *   <li>{@link UserCredentialsOnly} (on the method or its class, unless the method is {@link AnyCredential}): an
 *       authentication carrying {@value UserCredentialsOnly#PAT_AUTHORITY} is refused with 403 and the
 *       annotation's message;
 *   <li>{@link RequiresOperation}: {@link DomainAccess#require} with the {@code domainId} argument and the entity
 *       argument its Javadoc names (or {@link DomainAccess#requireUnbound}), which throws NotFound, Forbidden or
 *       Conflict exactly as the services used to.
 * </ol>
 *
 * Refusals are the {@code ServiceException}s the API turns into problem details and the views show, never a bare
 * {@code AccessDeniedException}. Controllers are never intercepted: their {@code @RequiresOperation} documents.
 */
public final class OperationAuthorization implements AuthorizationManager<MethodInvocation> {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

    private final ObjectProvider<DomainAccess> access;

    OperationAuthorization(ObjectProvider<DomainAccess> access) {
        this.access = access;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, MethodInvocation call) {
        Class<?> target =
                call.getThis() == null ? call.getMethod().getDeclaringClass() : AopUtils.getTargetClass(call.getThis());
        Method method = AopUtils.getMostSpecificMethod(call.getMethod(), target);
        UserCredentialsOnly credentials = credentialRule(method, target);
        if (credentials != null && isPersonalAccessToken(authentication)) {
            throw new Forbidden(credentials.value());
        }
        RequiresOperation required = method.getAnnotation(RequiresOperation.class);
        if (required != null) {
            Operation op = required.value();
            if (op.isDomainBound()) {
                access.getObject().require(domainId(method, call.getArguments()), op, entityId(method, op, call));
            } else {
                access.getObject().requireUnbound(op);
            }
        }
        return GRANTED;
    }

    /** The methods this manager guards: declared operations and credential rules, outside controllers. */
    static Pointcut pointcut() {
        return new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                if (targetClass == null
                        || method.getDeclaringClass() == Object.class
                        || AnnotatedElementUtils.hasAnnotation(targetClass, Controller.class)) {
                    return false;
                }
                Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
                return specific.isAnnotationPresent(RequiresOperation.class)
                        || credentialRule(specific, targetClass) != null;
            }
        };
    }

    private static UserCredentialsOnly credentialRule(Method method, Class<?> target) {
        if (method.isAnnotationPresent(AnyCredential.class)) {
            return null;
        }
        UserCredentialsOnly onMethod = method.getAnnotation(UserCredentialsOnly.class);
        if (onMethod != null) {
            return onMethod;
        }
        return Modifier.isPublic(method.getModifiers())
                ? AnnotatedElementUtils.findMergedAnnotation(target, UserCredentialsOnly.class)
                : null;
    }

    static boolean isPersonalAccessToken(Supplier<? extends Authentication> authentication) {
        Authentication current;
        try {
            current = authentication.get();
        } catch (AuthenticationCredentialsNotFoundException noneAtAll) {
            return false;
        }
        return current != null
                && current.getAuthorities().stream()
                        .anyMatch(a -> UserCredentialsOnly.PAT_AUTHORITY.equals(a.getAuthority()));
    }

    private static long domainId(Method method, Object[] arguments) {
        Object value = argument(method, arguments, RequiresOperation.DOMAIN_ID);
        if (!(value instanceof Long id)) {
            throw new IllegalStateException(method + " declares a domain operation but its "
                    + RequiresOperation.DOMAIN_ID + " argument is " + value);
        }
        return id;
    }

    private static Long entityId(Method method, Operation op, MethodInvocation call) {
        String name = entityParameter(op);
        if (name == null) {
            return null;
        }
        Object value = argument(method, call.getArguments(), name);
        if (!(value instanceof Long id)) {
            throw new IllegalStateException(method + " declares " + op + " but its " + name + " argument is " + value);
        }
        return id;
    }

    /** The name of the parameter holding the entity {@code op} acts on, or null when it acts on its domain. */
    public static String entityParameter(Operation op) {
        return switch (op.entityType()) {
            case CLIENTS -> "clientId";
            case CHANNELS -> "channelId";
            case GROUPS -> "groupId";
            case DOMAINS -> null;
        };
    }

    /** The argument of the parameter with this name; fails when the method has no such parameter. */
    static Object argument(Method method, Object[] arguments, String name) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (!parameters[i].isNamePresent()) {
                throw new IllegalStateException("compile with -parameters: " + method);
            }
            if (parameters[i].getName().equals(name)) {
                return arguments[i];
            }
        }
        throw new IllegalStateException(method + " has no parameter named " + name);
    }
}
