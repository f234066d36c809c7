package dev.scopekeeper.authz;

import dev.scopekeeper.base.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents each endpoint's {@link RequiresOperation} from the operation catalogue: the guide's description as
 * the summary (unless the endpoint has its own), "Requires scope: clients:update" and the minimum domain role
 * in the description, and the same as the {@code x-scopekeeper-operation} extension for tools. Read-only
 * operations never conflict with a disabled domain, so their 409 response is dropped. An endpoint marked
 * {@link NoAuthentication} carries {@code x-scopekeeper-no-authentication: true}, one marked {@link OwnTokenEndpoint}
 * {@code x-scopekeeper-own-token: true}, one marked {@link ServiceCredentialEndpoint}
 * {@code x-scopekeeper-service-credential: true}.
 */
@Component
class RequiredOperationDocs implements OperationCustomizer {

    static final String EXTENSION = "x-scopekeeper-operation";
    static final String NO_AUTHENTICATION = "x-scopekeeper-no-authentication";
    static final String OWN_TOKEN = "x-scopekeeper-own-token";
    static final String SERVICE_CREDENTIAL = "x-scopekeeper-service-credential";

    @Override
    public io.swagger.v3.oas.models.Operation customize(io.swagger.v3.oas.models.Operation doc, HandlerMethod handler) {
        if (handler.hasMethodAnnotation(NoAuthentication.class)) {
            doc.addExtension(NO_AUTHENTICATION, true);
        }
        if (handler.hasMethodAnnotation(OwnTokenEndpoint.class)) {
            doc.addExtension(OWN_TOKEN, true);
        }
        if (handler.hasMethodAnnotation(ServiceCredentialEndpoint.class)) {
            doc.addExtension(SERVICE_CREDENTIAL, true);
        }
        RequiresOperation required = handler.getMethodAnnotation(RequiresOperation.class);
        if (required == null) {
            return doc;
        }
        Operation op = required.value();
        if (doc.getSummary() == null || doc.getSummary().isBlank()) {
            doc.setSummary(Messages.get(op.descriptionKey()));
        }
        String requirement = "Requires scope: `" + scope(op) + "` ("
                + (op.isPlatformAdminOnly()
                        ? "platform administrators only"
                        : "minimum domain role: " + op.minimumRole().wireName())
                + ").";
        doc.setDescription(
                doc.getDescription() == null || doc.getDescription().isBlank()
                        ? requirement
                        : doc.getDescription() + "\n\n" + requirement);
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("entity_type", op.entityType().wireName());
        extension.put("operation", op.wireName());
        extension.put("minimum_role", op.minimumRole().wireName());
        extension.put("platform_admin_only", op.isPlatformAdminOnly());
        doc.addExtension(EXTENSION, extension);
        if (op.isReadOnly() && doc.getResponses() != null) {
            doc.getResponses().remove("409");
        }
        return doc;
    }

    /** {@code clients:update}: the scope as PRODUCT.md writes it (entity type, operation). */
    static String scope(Operation op) {
        return op.entityType().wireName() + ":" + op.wireName();
    }
}
