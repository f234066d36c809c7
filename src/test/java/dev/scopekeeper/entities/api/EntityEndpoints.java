package dev.scopekeeper.entities.api;

import static dev.scopekeeper.authz.Operation.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.entities.api.EntityFixtures.Fixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Every REST endpoint of domains, members, invitations, clients, channels and groups that performs a catalogue
 * operation: method, path template, operation, a valid body and what a successful call answers. Tests call
 * each one with {@link #path} and {@link Endpoint#body} on a fresh {@link Fixture}; the table is checked
 * against the controllers' {@code @RequiresOperation} (so it cannot fall behind) and is meant for the personal
 * access token authorization matrix too.
 *
 * <p>Path variables: {@code {domainId}}, {@code {id}} (the entity of the operation's type), {@code {clientId}},
 * {@code {channelId}}, {@code {invitationId}}, {@code {userId}} (the fixture's viewer member).
 */
public final class EntityEndpoints {

    /** What a successful answer looks like: exactly these properties (lists: and items of this shape). */
    public record Shape(String name, List<String> keys, String itemsKey, Shape items) {

        public void assertMatches(JsonNode json) {
            assertThat(json.propertyNames()).as(name + ": " + json).containsExactlyInAnyOrderElementsOf(keys);
            if (itemsKey != null) {
                assertThat(json.path(itemsKey).isArray()).as(name).isTrue();
                json.path(itemsKey).valueStream().forEach(items::assertMatches);
            }
            if (this == HIERARCHY) {
                json.path("ancestors").valueStream().forEach(GROUP::assertMatches);
                assertNode(json.path("group"));
            }
        }

        private static void assertNode(JsonNode node) {
            List<String> keys = new ArrayList<>(GROUP.keys());
            keys.add("children");
            assertThat(node.propertyNames()).as("hierarchy node " + node).containsExactlyInAnyOrderElementsOf(keys);
            node.path("children").valueStream().forEach(Shape::assertNode);
        }

        static Shape of(String name, String... keys) {
            return new Shape(name, List.of(keys), null, null);
        }

        static Shape listOf(String itemsKey, Shape items) {
            return new Shape(itemsKey + " list", List.of("total", "offset", "limit", itemsKey), itemsKey, items);
        }

        Shape plus(String key) {
            List<String> more = new ArrayList<>(keys);
            more.add(key);
            return new Shape(name + "+" + key, more, itemsKey, items);
        }
    }

    public static final Shape NO_CONTENT = Shape.of("no content");
    public static final Shape CLIENT =
            Shape.of("client", "id", "domain_id", "name", "tags", "status", "parent_id", "created_at");
    public static final Shape CLIENT_WITH_SECRET = CLIENT.plus("secret");
    public static final Shape CHANNEL =
            Shape.of("channel", "id", "domain_id", "name", "tags", "status", "parent_id", "created_at");
    public static final Shape GROUP =
            Shape.of("group", "id", "domain_id", "name", "description", "tags", "status", "parent_id", "created_at");
    public static final Shape DOMAIN =
            Shape.of("domain", "id", "name", "route", "tags", "status", "created_by", "created_at", "my_role");
    public static final Shape MEMBER = Shape.of("member", "user_id", "username", "display_name", "role");
    public static final Shape INVITATION = Shape.of(
            "invitation",
            "id",
            "domain_id",
            "domain_name",
            "invitee_user_id",
            "invitee_username",
            "role",
            "invited_by",
            "invited_by_username",
            "created_at",
            "state");
    public static final Shape HIERARCHY = Shape.of("hierarchy", "depth", "ancestors", "group");
    public static final Shape GROUPS = new Shape("groups", List.of("groups"), "groups", GROUP);

    /** One endpoint; {@code body} may be null (no body). */
    public record Endpoint(
            String method,
            String template,
            Operation operation,
            Function<Fixture, Object> body,
            int status,
            Shape shape) {

        /** {@code template} with the fixture's ids. */
        public String path(Fixture fixture) {
            return path(fixture, fixture);
        }

        /** The domain of {@code fixture}, every other id taken from {@code others} (e.g. another domain's). */
        public String path(Fixture fixture, Fixture others) {
            return template.replace("{domainId}", String.valueOf(fixture.domainId()))
                    .replace("{id}", String.valueOf(others.entityId(operation.entityType())))
                    .replace("{clientId}", String.valueOf(others.clientId()))
                    .replace("{channelId}", String.valueOf(others.channelId()))
                    .replace("{invitationId}", String.valueOf(others.invitationId()))
                    .replace("{userId}", String.valueOf(others.memberId()));
        }

        public Object body(Fixture fixture) {
            return body == null ? null : body.apply(fixture);
        }

        /** The template without its query string, as the controller maps it. */
        public String pattern() {
            int query = template.indexOf('?');
            return query < 0 ? template : template.substring(0, query);
        }

        @Override
        public String toString() {
            return method + " " + template + " (" + operation.entityType().wireName() + ":" + operation.wireName()
                    + ")";
        }
    }

    private static final String P_DOMAINS = "/api/v1/domains";
    private static final String P_DOMAIN = P_DOMAINS + "/{domainId}";
    private static final String P_CLIENTS = P_DOMAIN + "/clients";
    private static final String P_CHANNELS = P_DOMAIN + "/channels";
    private static final String P_GROUPS = P_DOMAIN + "/groups";

    public static final List<Endpoint> ALL = List.of(
            e(
                    "POST",
                    P_DOMAINS,
                    DOMAINS_CREATE,
                    f -> Map.of("name", "New domain", "route", TestDomains.uniqueRoute("new")),
                    201,
                    DOMAIN),
            e("GET", P_DOMAINS, DOMAINS_LIST, null, 200, Shape.listOf("domains", DOMAIN)),
            e("GET", P_DOMAIN, DOMAINS_READ, null, 200, DOMAIN),
            e("PATCH", P_DOMAIN, DOMAINS_UPDATE, f -> Map.of("name", "Renamed domain"), 200, DOMAIN),
            e("POST", P_DOMAIN + "/enable", DOMAINS_ENABLE, null, 200, DOMAIN),
            e("POST", P_DOMAIN + "/disable", DOMAINS_DISABLE, null, 200, DOMAIN),
            e("GET", P_DOMAIN + "/members", DOMAINS_READ, null, 200, Shape.listOf("members", MEMBER)),
            e(
                    "POST",
                    P_DOMAIN + "/members",
                    DOMAINS_UPDATE,
                    f -> Map.of("user_id", f.inviteeId(), "role", "editor"),
                    200,
                    MEMBER),
            e("DELETE", P_DOMAIN + "/members/{userId}", DOMAINS_UPDATE, null, 204, NO_CONTENT),
            e(
                    "POST",
                    P_DOMAIN + "/invitations",
                    DOMAINS_SEND_INVITATION,
                    f -> Map.of("user_id", f.inviteeId(), "role", "viewer"),
                    201,
                    INVITATION),
            e(
                    "GET",
                    P_DOMAIN + "/invitations",
                    DOMAINS_LIST_DOMAIN_INVITATION,
                    null,
                    200,
                    Shape.listOf("invitations", INVITATION)),
            e("DELETE", P_DOMAIN + "/invitations/{invitationId}", DOMAINS_DELETE_INVITATION, null, 204, NO_CONTENT),
            e(
                    "GET",
                    "/api/v1/invitations",
                    DOMAINS_LIST_INVITATION,
                    null,
                    200,
                    Shape.listOf("invitations", INVITATION)),
            e(
                    "POST",
                    P_CLIENTS,
                    DOMAINS_CREATE_CLIENTS,
                    f -> Map.of("name", "new client", "tags", List.of("a")),
                    201,
                    CLIENT_WITH_SECRET),
            e("GET", P_CLIENTS, DOMAINS_LIST_CLIENTS, null, 200, Shape.listOf("clients", CLIENT)),
            e("GET", P_CLIENTS + "/{id}", CLIENTS_VIEW, null, 200, CLIENT),
            e("GET", P_CLIENTS + "/{id}/channels", CLIENTS_VIEW, null, 200, Shape.listOf("channels", CHANNEL)),
            e("PATCH", P_CLIENTS + "/{id}", CLIENTS_UPDATE, f -> Map.of("name", "renamed client"), 200, CLIENT),
            e(
                    "PATCH",
                    P_CLIENTS + "/{id}/tags",
                    CLIENTS_UPDATE_TAGS,
                    f -> Map.of("tags", List.of("x", "y")),
                    200,
                    CLIENT),
            e("PATCH", P_CLIENTS + "/{id}/secret", CLIENTS_UPDATE_SECRET, null, 200, CLIENT_WITH_SECRET),
            e("POST", P_CLIENTS + "/{id}/enable", CLIENTS_ENABLE, null, 200, CLIENT),
            e("POST", P_CLIENTS + "/{id}/disable", CLIENTS_DISABLE, null, 200, CLIENT),
            e("DELETE", P_CLIENTS + "/{id}", CLIENTS_DELETE, null, 204, NO_CONTENT),
            e(
                    "POST",
                    P_CLIENTS + "/{id}/parent",
                    CLIENTS_SET_PARENT_GROUP,
                    f -> Map.of("parent_id", f.otherGroupId()),
                    200,
                    CLIENT),
            e("DELETE", P_CLIENTS + "/{id}/parent", CLIENTS_REMOVE_PARENT_GROUP, null, 200, CLIENT),
            e(
                    "POST",
                    P_CLIENTS + "/{id}/connect",
                    CLIENTS_CONNECT_TO_CHANNEL,
                    f -> Map.of("channel_id", f.channelId()),
                    204,
                    NO_CONTENT),
            e(
                    "POST",
                    P_CLIENTS + "/{id}/disconnect",
                    CLIENTS_DISCONNECT_FROM_CHANNEL,
                    f -> Map.of("channel_id", f.channelId()),
                    204,
                    NO_CONTENT),
            e("POST", P_CHANNELS, DOMAINS_CREATE_CHANNELS, f -> Map.of("name", "new channel"), 201, CHANNEL),
            e("GET", P_CHANNELS, DOMAINS_LIST_CHANNELS, null, 200, Shape.listOf("channels", CHANNEL)),
            e("GET", P_CHANNELS + "/{id}", CHANNELS_VIEW, null, 200, CHANNEL),
            e("GET", P_CHANNELS + "/{id}/clients", CHANNELS_VIEW, null, 200, Shape.listOf("clients", CLIENT)),
            e("PATCH", P_CHANNELS + "/{id}", CHANNELS_UPDATE, f -> Map.of("name", "renamed channel"), 200, CHANNEL),
            e(
                    "PATCH",
                    P_CHANNELS + "/{id}/tags",
                    CHANNELS_UPDATE_TAGS,
                    f -> Map.of("tags", List.of("x")),
                    200,
                    CHANNEL),
            e("POST", P_CHANNELS + "/{id}/enable", CHANNELS_ENABLE, null, 200, CHANNEL),
            e("POST", P_CHANNELS + "/{id}/disable", CHANNELS_DISABLE, null, 200, CHANNEL),
            e("DELETE", P_CHANNELS + "/{id}", CHANNELS_DELETE, null, 204, NO_CONTENT),
            e(
                    "POST",
                    P_CHANNELS + "/{id}/parent",
                    CHANNELS_SET_PARENT_GROUP,
                    f -> Map.of("parent_id", f.otherGroupId()),
                    200,
                    CHANNEL),
            e("DELETE", P_CHANNELS + "/{id}/parent", CHANNELS_REMOVE_PARENT_GROUP, null, 200, CHANNEL),
            e(
                    "POST",
                    P_CHANNELS + "/{id}/connect",
                    CHANNELS_CONNECT_CLIENT,
                    f -> Map.of("client_id", f.clientId()),
                    204,
                    NO_CONTENT),
            e(
                    "POST",
                    P_CHANNELS + "/{id}/disconnect",
                    CHANNELS_DISCONNECT_CLIENT,
                    f -> Map.of("client_id", f.clientId()),
                    204,
                    NO_CONTENT),
            e(
                    "POST",
                    P_GROUPS,
                    DOMAINS_CREATE_GROUPS,
                    f -> Map.of("name", "new group", "description", "d", "parent_id", f.groupId()),
                    201,
                    GROUP),
            e("GET", P_GROUPS, DOMAINS_LIST_GROUPS, null, 200, Shape.listOf("groups", GROUP)),
            e("GET", P_GROUPS + "/{id}", GROUPS_VIEW, null, 200, GROUP),
            e(
                    "PATCH",
                    P_GROUPS + "/{id}",
                    GROUPS_UPDATE,
                    f -> Map.of("name", "renamed group", "description", "new words"),
                    200,
                    GROUP),
            e("PATCH", P_GROUPS + "/{id}/tags", GROUPS_UPDATE_TAGS, f -> Map.of("tags", List.of()), 200, GROUP),
            e("POST", P_GROUPS + "/{id}/enable", GROUPS_ENABLE, null, 200, GROUP),
            e("POST", P_GROUPS + "/{id}/disable", GROUPS_DISABLE, null, 200, GROUP),
            e("DELETE", P_GROUPS + "/{id}", GROUPS_DELETE, null, 204, NO_CONTENT),
            e("GET", P_GROUPS + "/{id}/hierarchy?depth=2", GROUPS_RETRIEVE_GROUP_HIERARCHY, null, 200, HIERARCHY),
            e(
                    "POST",
                    P_GROUPS + "/{id}/parent",
                    GROUPS_ADD_PARENT_GROUP,
                    f -> Map.of("parent_id", f.otherGroupId()),
                    200,
                    GROUP),
            e("DELETE", P_GROUPS + "/{id}/parent", GROUPS_REMOVE_PARENT_GROUP, null, 200, GROUP),
            e(
                    "POST",
                    P_GROUPS + "/{id}/children",
                    GROUPS_ADD_CHILDREN_GROUPS,
                    f -> Map.of("groups", List.of(f.otherGroupId())),
                    200,
                    GROUPS),
            e(
                    "DELETE",
                    P_GROUPS + "/{id}/children",
                    GROUPS_REMOVE_CHILDREN_GROUPS,
                    f -> Map.of("groups", List.of(f.childGroupId())),
                    204,
                    NO_CONTENT),
            e("DELETE", P_GROUPS + "/{id}/children/all", GROUPS_REMOVE_ALL_CHILDREN_GROUPS, null, 204, NO_CONTENT),
            e(
                    "GET",
                    P_GROUPS + "/{id}/children",
                    GROUPS_LIST_CHILDREN_GROUPS,
                    null,
                    200,
                    Shape.listOf("groups", GROUP)),
            e("POST", P_GROUPS + "/{id}/clients/{clientId}", GROUPS_SET_CHILD_CLIENT, null, 200, CLIENT),
            e("DELETE", P_GROUPS + "/{id}/clients/{clientId}", GROUPS_REMOVE_CHILD_CLIENT, null, 200, CLIENT),
            e("POST", P_GROUPS + "/{id}/channels/{channelId}", GROUPS_SET_CHILD_CHANNEL, null, 200, CHANNEL),
            e("DELETE", P_GROUPS + "/{id}/channels/{channelId}", GROUPS_REMOVE_CHILD_CHANNEL, null, 200, CHANNEL));

    private EntityEndpoints() {}

    public static Stream<Endpoint> all() {
        return ALL.stream();
    }

    /** The endpoints acting inside one domain (path starts with {@code /api/v1/domains/{domainId}}). */
    public static Stream<Endpoint> domainBound() {
        return all().filter(e -> e.operation().isDomainBound());
    }

    private static Endpoint e(
            String method, String template, Operation op, Function<Fixture, Object> body, int status, Shape shape) {
        return new Endpoint(method, template, op, body, status, shape);
    }
}
