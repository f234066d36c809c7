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
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/**
 * The one place the authorization rule of a service call is enforced: two Spring Security method-security
 * {@link AuthorizationManager}s (registered by {@link MethodSecurityConfig}) that run before the method body.
 *
 * <ol>
 *   <li>{@link #credentials()}, before {@code @PreAuthorize}: {@link UserCredentialsOnly} (on the method or its
 *       class, unless the method is {@link AnyCredential}) refuses an authentication carrying {@value
 *       UserCredentialsOnly#PAT_AUTHORITY} with 403 and the annotation's message;
 *   <li>{@link #operations}, inside the method's transaction: {@link RequiresOperation} runs {@link
 *       DomainAccess#require} with the {@code domainId} argument and the entity argument {@link
 *       #entityParameter} names (or {@link DomainAccess#requireUnbound}), which throws NotFound, Forbidden or
 *       Conflict exactly as the services used to.
 * </ol>
 *
 * Refusals are the {@code ServiceException}s the API turns into problem details and the views show, never a bare
 * {@code AccessDeniedException}. Controllers are never intercepted: their {@code @RequiresOperation} documents.
 */
public final class OperationAuthorization {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

    private OperationAuthorization() {}

    /** The credential rule ({@link UserCredentialsOnly}). */
    static AuthorizationManager<MethodInvocation> credentials() {
        return (authentication, call) -> {
            Class<?> target = targetClass(call);
            UserCredentialsOnly rule = credentialRule(AopUtils.getMostSpecificMethod(call.getMethod(), target), target);
            if (rule != null && isPersonalAccessToken(authentication)) {
                throw new Forbidden(rule.value());
            }
            return GRANTED;
        };
    }

    /** The declared operation ({@link RequiresOperation}). */
    static AuthorizationManager<MethodInvocation> operations(ObjectProvider<DomainAccess> access) {
        return (authentication, call) -> {
            Method method = AopUtils.getMostSpecificMethod(call.getMethod(), targetClass(call));
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
        };
    }

    private static Class<?> targetClass(MethodInvocation call) {
        return call.getThis() == null ? call.getMethod().getDeclaringClass() : AopUtils.getTargetClass(call.getThis());
    }

    static Pointcut credentialPointcut() {
        return pointcut(false);
    }

    static Pointcut operationPointcut() {
        return pointcut(true);
    }

    /** The methods with a declared operation (or a credential rule), outside controllers. */
    private static Pointcut pointcut(boolean operation) {
        return new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                if (targetClass == null
                        || method.getDeclaringClass() == Object.class
                        || AnnotatedElementUtils.hasAnnotation(targetClass, Controller.class)) {
                    return false;
                }
                Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
                return operation
                        ? specific.isAnnotationPresent(RequiresOperation.class)
                        : credentialRule(specific, targetClass) != null;
            }
        };
    }

    static UserCredentialsOnly credentialRule(Method method, Class<?> target) {
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
