package dev.scopekeeper.authz;

import dev.scopekeeper.base.ServiceException.InvalidInput;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Which catalogue operation an HTTP request line performs, read from the same declarations that route and document
 * the request: Spring MVC's {@link RequestMappingHandlerMapping} finds the handler, its {@link RequiresOperation}
 * names the operation, the path variables {@code domainId} and {@code id} name the domain and the entity (entity
 * endpoints are {@code /domains/{domainId}/<type>/{id}/…}). No second table of URLs exists.
 */
@Component
public class EndpointOperations {

    /** What a request line does: a catalogue operation, an endpoint without authentication, or neither. */
    public sealed interface Endpoint {}

    /** An endpoint declaring {@code op}; {@code domainId} null for unbound operations, {@code entityId} null for none. */
    public record Declared(Operation op, Long domainId, Long entityId) implements Endpoint {}

    /** An endpoint that needs no authentication ({@link NoAuthentication}). */
    public record Open() implements Endpoint {}

    /** An endpoint a token calls about itself ({@link OwnTokenEndpoint}): any live token, no scope needed. */
    public record OwnToken() implements Endpoint {}

    /** An endpoint for user credentials only; {@code refusal} is the message a token gets there. */
    public record UserOnly(String refusal) implements Endpoint {}

    private final RequestMappingHandlerMapping mappings;

    EndpointOperations(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    /**
     * The endpoint {@code method path} reaches ({@code path} starts with {@code /api/}; a query string is ignored).
     * Throws InvalidInput naming {@code method} or {@code path} when there is no such endpoint.
     */
    public Endpoint resolve(String method, String path) {
        RequestMethod parsed = parseMethod(method);
        // Spring MVC answers HEAD with the GET handler, so the real call is decided as the GET
        RequestMethod requestMethod = parsed == RequestMethod.HEAD ? RequestMethod.GET : parsed;
        if (path == null || path.isBlank()) {
            throw new InvalidInput("path", "access.check.path.required");
        }
        String plain = path.strip();
        int query = plain.indexOf('?');
        if (query >= 0) {
            plain = plain.substring(0, query);
        }
        // what the real request's firewall refuses with 400 (matrix parameters, encoded characters), the simulator
        // refuses too, instead of answering for a request that would never reach the rule
        if (!plain.startsWith("/api/")) {
            throw new InvalidInput("path", "access.check.path.invalid");
        }
        if (plain.contains("..")) {
            throw new InvalidInput("path", "access.check.path.dotSegment");
        }
        if (plain.contains(";")) {
            throw new InvalidInput("path", "access.check.path.matrix");
        }
        if (plain.contains("%")) {
            throw new InvalidInput("path", "access.check.path.encoded");
        }
        PathContainer container = PathContainer.parsePath(plain);
        record Match(PathPattern pattern, HandlerMethod handler, Map<String, String> variables) {}
        Optional<Match> best = Optional.empty();
        boolean pathKnown = false;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                PathPattern.PathMatchInfo matched = pattern.matchAndExtract(container);
                if (matched == null) {
                    continue;
                }
                pathKnown = true;
                if (!info.getMethodsCondition().getMethods().contains(requestMethod)) {
                    continue;
                }
                Match candidate = new Match(pattern, entry.getValue(), matched.getUriVariables());
                if (best.isEmpty()
                        || PathPattern.SPECIFICITY_COMPARATOR.compare(
                                        pattern, best.get().pattern())
                                < 0) {
                    best = Optional.of(candidate);
                }
            }
        }
        if (best.isEmpty()) {
            throw pathKnown
                    ? new InvalidInput("method", "access.check.method.notAllowed", requestMethod.name())
                    : new InvalidInput("path", "access.check.path.unknown");
        }
        HandlerMethod handler = best.get().handler();
        RequiresOperation required = handler.getMethodAnnotation(RequiresOperation.class);
        if (required == null && handler.hasMethodAnnotation(OwnTokenEndpoint.class)) {
            return new OwnToken();
        }
        if (required == null) {
            return handler.hasMethodAnnotation(NoAuthentication.class)
                    ? new Open()
                    : new UserOnly(UndeclaredEndpointRule.refusalOf(handler.getBeanType()));
        }
        Operation op = required.value();
        Map<String, String> variables = best.get().variables();
        Long domainId = op.isDomainBound() ? id(variables.get(RequiresOperation.DOMAIN_ID)) : null;
        Long entityId = op.isDomainBound() && op.entityType() != EntityType.DOMAINS ? id(variables.get("id")) : null;
        return new Declared(op, domainId, entityId);
    }

    private static RequestMethod parseMethod(String method) {
        if (method == null || method.isBlank()) {
            throw new InvalidInput("method", "access.check.method.required");
        }
        try {
            return RequestMethod.valueOf(method.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("method", "access.check.method.invalid");
        }
    }

    private static Long id(String value) {
        if (value == null) {
            return null;
        }
        // ASCII digits only, as the API's own path ids (no sign, no other scripts' digits, which parseLong takes)
        if (!value.matches("[0-9]+")) {
            throw new InvalidInput("path", "access.check.path.id");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            // digits, but more than an id can be
            throw new InvalidInput("path", "access.check.path.idTooLarge");
        }
    }
}
