package dev.scopekeeper.authz;

import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.security.AnyCredential;
import dev.scopekeeper.security.UserCredentialsOnly;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodClassKey;
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
        // what the reflection finds for a method is the same on every call: looked up once per method
        Map<MethodClassKey, Optional<UserCredentialsOnly>> rules = new ConcurrentHashMap<>();
        return (authentication, call) -> {
            Class<?> target = targetClass(call);
            UserCredentialsOnly rule = rules.computeIfAbsent(
                            new MethodClassKey(call.getMethod(), target),
                            key -> Optional.ofNullable(
                                    credentialRule(AopUtils.getMostSpecificMethod(call.getMethod(), target), target)))
                    .orElse(null);
            if (rule != null && (isPersonalAccessToken(authentication) || isServiceCredential(authentication))) {
                throw new Forbidden(rule.value());
            }
            return GRANTED;
        };
    }

    /** The declared operation ({@link RequiresOperation}). */
    static AuthorizationManager<MethodInvocation> operations(ObjectProvider<DomainAccess> access) {
        Map<MethodClassKey, Optional<Declared>> declarations = new ConcurrentHashMap<>();
        return (authentication, call) -> {
            Class<?> target = targetClass(call);
            Declared declared = declarations
                    .computeIfAbsent(
                            new MethodClassKey(call.getMethod(), target),
                            key -> Declared.of(AopUtils.getMostSpecificMethod(call.getMethod(), target)))
                    .orElse(null);
            if (declared != null) {
                Operation op = declared.op();
                if (op.isDomainBound()) {
                    access.getObject().require(declared.domainId(call), op, declared.entityId(call));
                } else {
                    access.getObject().requireUnbound(op);
                }
            }
            return GRANTED;
        };
    }

    /** A method's declared operation and where its domain and entity ids are among its arguments (-1: none). */
    private record Declared(Method method, Operation op, int domainIndex, int entityIndex) {

        static Optional<Declared> of(Method method) {
            RequiresOperation required = method.getAnnotation(RequiresOperation.class);
            if (required == null) {
                return Optional.empty();
            }
            Operation op = required.value();
            if (!op.isDomainBound()) {
                return Optional.of(new Declared(method, op, -1, -1));
            }
            String entity = entityParameter(op);
            return Optional.of(new Declared(
                    method,
                    op,
                    index(method, RequiresOperation.DOMAIN_ID),
                    entity == null ? -1 : index(method, entity)));
        }

        long domainId(MethodInvocation call) {
            Object value = call.getArguments()[domainIndex];
            if (!(value instanceof Long id)) {
                throw new IllegalStateException(method + " declares a domain operation but its "
                        + RequiresOperation.DOMAIN_ID + " argument is " + value);
            }
            return id;
        }

        Long entityId(MethodInvocation call) {
            if (entityIndex < 0) {
                return null;
            }
            Object value = call.getArguments()[entityIndex];
            if (!(value instanceof Long id)) {
                throw new IllegalStateException(
                        method + " declares " + op + " but its " + entityParameter(op) + " argument is " + value);
            }
            return id;
        }
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
        return hasAuthority(authentication, UserCredentialsOnly.PAT_AUTHORITY);
    }

    /** Whether the caller is another service holding a service credential (never a person). */
    public static boolean isServiceCredential(Supplier<? extends Authentication> authentication) {
        return hasAuthority(authentication, UserCredentialsOnly.SERVICE_AUTHORITY);
    }

    private static boolean hasAuthority(Supplier<? extends Authentication> authentication, String authority) {
        Authentication current;
        try {
            current = authentication.get();
        } catch (AuthenticationCredentialsNotFoundException noneAtAll) {
            return false;
        }
        return current != null && current.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
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

    /** The position of the parameter with this name; fails when the method has no such parameter. */
    static int index(Method method, String name) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (!parameters[i].isNamePresent()) {
                throw new IllegalStateException("compile with -parameters: " + method);
            }
            if (parameters[i].getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException(method + " has no parameter named " + name);
    }
}
