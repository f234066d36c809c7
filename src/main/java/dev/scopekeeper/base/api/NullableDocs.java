package dev.scopekeeper.base.api;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents as nullable ({@code "type": [..., "null"]}, OpenAPI 3.1) every JSON property that can be
 * {@code null}: a field of a reference type (an absent expiry, a token never used, a client without parent
 * group) unless it is a collection (always an array, maybe empty) or constrained not to be null. Primitive fields
 * ({@code long id}) never are.
 */
@Component
class NullableDocs implements PropertyCustomizer {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || property.get$ref() != null || type == null) {
            return property;
        }
        Class<?> raw = rawClass(type.getType());
        if (raw == null
                || raw.isPrimitive()
                || raw.isArray()
                || Collection.class.isAssignableFrom(raw)
                || Map.class.isAssignableFrom(raw)
                || notNull(type.getCtxAnnotations())) {
            return property;
        }
        if (property.getTypes() != null && !property.getTypes().isEmpty()) {
            property.addType("null");
        } else if (property.getType() != null) {
            property.addType(property.getType());
            property.addType("null");
        }
        return property;
    }

    private static boolean notNull(Annotation[] annotations) {
        if (annotations == null) {
            return false;
        }
        for (Annotation annotation : annotations) {
            String name = annotation.annotationType().getSimpleName();
            if (name.equals("NotNull") || name.equals("NotBlank") || name.equals("NotEmpty")) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        try {
            Method getRawClass = type.getClass().getMethod("getRawClass");
            return (Class<?>) getRawClass.invoke(type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
