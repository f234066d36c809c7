package dev.scopekeeper.base.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of {@code /v3/api-docs}, for tests that call every documented operation: each with its method,
 * path template, documented responses and request-body schema, and a valid-looking body built from that schema.
 */
public final class ApiDocument {

    private static final List<String> METHOD_ORDER = List.of("get", "post", "put", "patch", "delete");

    /** One documented operation. */
    public record Operation(String method, String path, JsonNode node) {

        public JsonNode responses() {
            return node.path("responses");
        }

        public boolean secured() {
            return !node.has("security") || !node.path("security").isEmpty();
        }

        public JsonNode bodySchema(ApiDocument doc) {
            JsonNode schema = node.path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema");
            return schema.isMissingNode() ? null : doc.resolve(schema);
        }

        public List<String> queryParameters() {
            List<String> names = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if (p.path("in").asString().equals("query")) {
                    names.add(p.path("name").asString());
                }
            });
            return names;
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private final JsonNode doc;

    public ApiDocument(JsonNode doc) {
        this.doc = doc;
    }

    /** Every operation, reads first and deletions last (so a walk does not delete what later calls use). */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    // /api/test/** are the test configuration's deliberately failing probes, not the product's API
                    if (METHOD_ORDER.contains(method.getKey()) && !path.getKey().startsWith("/api/test/")) {
                        operations.add(new Operation(method.getKey(), path.getKey(), method.getValue()));
                    }
                }));
        operations.sort(Comparator.comparing((Operation op) -> METHOD_ORDER.indexOf(op.method()))
                .thenComparing(Operation::path));
        return operations;
    }

    public JsonNode resolve(JsonNode schema) {
        int guard = 0;
        while (schema.has("$ref") && guard++ < 10) {
            String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
            schema = doc.path("components").path("schemas").path(name);
        }
        return schema;
    }

    /** The first type a schema names (OpenAPI 3.1 writes {@code "type": ["string", "null"]}). */
    public static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        return type.asString("object");
    }

    /** Values for properties whose meaning the name gives away; ids come from the caller's fixtures. */
    public record Fixtures(
            long userId, long domainId, long clientId, long channelId, long groupId, LongSupplier unique) {}

    /** A body that should be accepted: every property of the schema with a plausible value. */
    public ObjectNode body(JsonNode schema, Fixtures fixtures) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        schema.path("properties").properties().forEach(property -> {
            JsonNode value = value(property.getKey(), resolve(property.getValue()), fixtures);
            if (value != null) {
                body.set(property.getKey(), value);
            }
        });
        return body;
    }

    private JsonNode value(String name, JsonNode schema, Fixtures f) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (schema.has("enum") && !schema.path("enum").isEmpty()) {
            JsonNode choices = schema.path("enum");
            for (JsonNode choice : choices) {
                if (choice.asString().equals("viewer") || choice.asString().equals("USER")) {
                    return choice;
                }
            }
            return choices.get(0);
        }
        return switch (name) {
            case "name", "username" -> json.stringNode("contract-" + f.unique().getAsLong());
            case "description", "display_name" -> json.stringNode("made by the contract test");
            case "email" -> json.stringNode("contract-" + f.unique().getAsLong() + "@example.com");
            case "password", "new_password" ->
                json.stringNode("a long enough pass phrase " + f.unique().getAsLong());
            case "duration" -> json.stringNode("30d");
            case "route", "alias" -> json.stringNode("contract-" + f.unique().getAsLong());
            case "user_id", "invitee_user_id" -> json.numberNode(f.userId());
            case "domain_id" -> json.numberNode(f.domainId());
            case "client_id" -> json.numberNode(f.clientId());
            case "channel_id" -> json.numberNode(f.channelId());
            case "parent_id" -> json.numberNode(f.groupId());
            case "entity_type" -> json.stringNode("clients");
            case "operation", "entity_id" -> json.stringNode("*");
            case "role" -> json.stringNode("viewer");
            case "expires_at", "grace", "current_password", "method", "path" -> null;
            default ->
                switch (type(schema)) {
                    case "string" -> json.stringNode("x");
                    case "integer", "number" -> json.numberNode(30);
                    case "boolean" -> json.booleanNode(false);
                    case "array" -> new ArrayNode(json);
                    default -> json.objectNode();
                };
        };
    }

    public JsonNode raw() {
        return doc;
    }

    /** The path with each {@code {variable}} replaced by {@code ids.get(variable)}. */
    public static String fill(String template, Map<String, Long> ids) {
        String path = template;
        for (var id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", Long.toString(id.getValue()));
        }
        return path;
    }
}
