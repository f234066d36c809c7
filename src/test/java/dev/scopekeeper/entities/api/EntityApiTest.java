package dev.scopekeeper.entities.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.base.api.ApiClient;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.entities.api.EntityFixtures.Fixture;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What the client, channel and group endpoints do, and how they refuse bad input. */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityApiTest {

    @Autowired
    ApiClient api;

    @Autowired
    TestUsers testUsers;

    @Autowired
    EntityFixtures fixtures;

    UserProfile owner;
    UserProfile viewer;
    String token;
    Fixture fixture;
    String domain;

    @BeforeAll
    void users() {
        owner = testUsers.create("owner", PlatformRole.ADMIN);
        viewer = testUsers.create("viewer", PlatformRole.USER);
        token = api.accessToken(owner);
    }

    @BeforeEach
    void freshDomain() {
        fixture = fixtures.create(owner, viewer);
        domain = "/api/v1/domains/" + fixture.domainId();
    }

    private JsonNode created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private long createClient(String name, List<String> tags) {
        return created(api.post(domain + "/clients", token, Map.of("name", name, "tags", tags)))
                .path("id")
                .asLong();
    }

    @Test
    void aNewClientsSecretIsShownOnceAndARotatedOneReplacesIt() {
        Response response = api.post(domain + "/clients", token, Map.of("name", "sensor", "tags", List.of("lab")));
        JsonNode client = created(response);
        String secret = client.path("secret").asString();
        long id = client.path("id").asLong();

        assertThat(secret).isNotBlank();
        assertThat(response.headers().firstValue("Location")).hasValue(domain + "/clients/" + id);
        assertThat(client.path("name").asString()).isEqualTo("sensor");
        assertThat(client.path("domain_id").asLong()).isEqualTo(fixture.domainId());
        assertThat(client.path("status").asString()).isEqualTo("enabled");
        assertThat(client.path("parent_id").isNull()).isTrue();
        assertThat(api.get(domain + "/clients/" + id, token).body()).doesNotContain(secret, "secret");
        assertThat(api.get(domain + "/clients", token).body()).doesNotContain(secret);

        String rotated = api.patch(domain + "/clients/" + id + "/secret", token, null)
                .json()
                .path("secret")
                .asString();
        assertThat(rotated).isNotBlank().isNotEqualTo(secret);
    }

    @Test
    void clientsAreListedByNameAndFilteredByNameTagAndStatus() {
        createClient("alpha-1", List.of("blue"));
        long second = createClient("alpha-2", List.of("red"));
        createClient("beta", List.of("blue"));
        api.post(domain + "/clients/" + second + "/disable", token, null);

        JsonNode all = api.get(domain + "/clients?limit=2&offset=1", token).json();
        assertThat(all.path("total").asLong()).isEqualTo(4);
        assertThat(all.path("offset").asInt()).isEqualTo(1);
        assertThat(all.path("limit").asInt()).isEqualTo(2);
        assertThat(names(all.path("clients"))).containsExactly("alpha-2", "beta");

        assertThat(names(api.get(domain + "/clients?name=ALPHA", token).json().path("clients")))
                .containsExactly("alpha-1", "alpha-2");
        assertThat(names(api.get(domain + "/clients?tag=blue", token).json().path("clients")))
                .containsExactly("alpha-1", "beta");
        assertThat(names(api.get(domain + "/clients?status=disabled", token)
                        .json()
                        .path("clients")))
                .containsExactly("alpha-2");
        assertThat(api.get(domain + "/clients?status=all", token)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(4);
    }

    private static List<String> names(JsonNode items) {
        return items.valueStream().map(item -> item.path("name").asString()).toList();
    }

    @Test
    void listParametersOutOfRangeAre422AndOfTheWrongType400() {
        api.get(domain + "/clients?limit=101", token).assertProblem(422, "Limit must be between 1 and 100");
        api.get(domain + "/channels?offset=-1", token).assertProblem(422, "Offset cannot be negative");
        Response status = api.get(domain + "/groups?status=sleeping", token)
                .assertProblem(422, "Status must be enabled, disabled or all");
        assertThat(status.json().path("field").asString()).isEqualTo("status");

        Response offset = api.get(domain + "/clients?offset=abc", token)
                .assertProblem(400, "Invalid value for parameter \"offset\"");
        assertThat(offset.json().path("field").asString()).isEqualTo("offset");
    }

    @Test
    void idsOfTheWrongTypeAre400NamingTheParameter() {
        Response response =
                api.get(domain + "/clients/abc", token).assertProblem(400, "Invalid value for parameter \"id\"");
        assertThat(response.json().path("field").asString()).isEqualTo("id");

        api.get("/api/v1/domains/first/clients", token).assertProblem(400, "Invalid value for parameter \"domainId\"");
        api.post(domain + "/groups/" + fixture.groupId() + "/clients/x", token, null)
                .assertProblem(400, "Invalid value for parameter \"clientId\"");
        api.get(domain + "/clients/99999999999999999999", token)
                .assertProblem(400, "Invalid value for parameter \"id\"");
    }

    @Test
    void anUnknownIdIs404() {
        api.get(domain + "/clients/987654321", token).assertProblem(404, "Client not found");
        api.get(domain + "/channels/-5", token).assertProblem(404, "Channel not found");
        api.get(domain + "/groups/0", token).assertProblem(404, "Group not found");
    }

    @Test
    void aDuplicateNameIs409NamingTheField() {
        createClient("twin", List.of());

        Response response = api.post(domain + "/clients", token, Map.of("name", "twin"))
                .assertProblem(409, "The name \"twin\" is already used in this domain");
        assertThat(response.json().path("field").asString()).isEqualTo("name");

        api.post(domain + "/channels", token, Map.of("name", "channel"))
                .assertProblem(409, "The name \"channel\" is already used in this domain");
        api.patch(domain + "/groups/" + fixture.otherGroupId(), token, Map.of("name", "group"))
                .assertProblem(409, "The name \"group\" is already used in this domain");
    }

    @Test
    void invalidNamesAndTagsAre422NamingTheField() {
        Response blank =
                api.post(domain + "/clients", token, Map.of("name", "  ")).assertProblem(422, "Name is required");
        assertThat(blank.json().path("field").asString()).isEqualTo("name");
        api.post(domain + "/channels", token, Map.of()).assertProblem(422, "Name is required");
        api.post(domain + "/groups", token, Map.of("name", "x".repeat(101)))
                .assertProblem(422, "Name can be at most 100 characters");
        api.post(domain + "/groups", token, Map.of("name", "g2", "description", "d".repeat(1025)))
                .assertProblem(422, "Description can be at most 1,024 characters");

        Response tags = api.patch(
                        domain + "/clients/" + fixture.clientId() + "/tags", token, Map.of("tags", List.of("a,b")))
                .assertProblem(422, "Tags cannot contain commas or control characters");
        assertThat(tags.json().path("field").asString()).isEqualTo("tags");

        Response missing = api.patch(domain + "/channels/" + fixture.channelId() + "/tags", token, Map.of())
                .assertProblem(422, "The request has invalid fields: tags");
        assertThat(missing.json().path("field").asString()).isEqualTo("tags");
    }

    @Test
    void malformedJsonIs400AndAValueOfTheWrongTypeNamesItsField() {
        api.send("POST", domain + "/clients", token, "{\"name\": ")
                .assertProblem(400, "The request body is not valid JSON");

        Response wrongType = api.send(
                        "POST",
                        domain + "/clients/" + fixture.clientId() + "/parent",
                        token,
                        "{\"parent_id\": \"the big one\"}")
                .assertProblem(400, "Invalid value for \"parent_id\"");
        assertThat(wrongType.json().path("field").asString()).isEqualTo("parent_id");

        api.send("POST", domain + "/clients", token, "{\"name\": \"n\", \"tags\": {\"a\": 1}}")
                .assertProblem(400, "Invalid value for \"tags\"");
    }

    @Test
    void missingIdsInBodiesAre422NamingTheJsonProperty() {
        Response response = api.post(domain + "/clients/" + fixture.clientId() + "/connect", token, Map.of())
                .assertProblem(422, "The request has invalid fields: channel_id");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("channel_id");

        api.post(domain + "/channels/" + fixture.channelId() + "/connect", token, Map.of())
                .assertProblem(422, "The request has invalid fields: client_id");
        api.post(domain + "/groups/" + fixture.groupId() + "/parent", token, Map.of())
                .assertProblem(422, "The request has invalid fields: parent_id");
        api.post(domain + "/groups/" + fixture.groupId() + "/children", token, Map.of("groups", List.of()))
                .assertProblem(422, "The request has invalid fields: groups");
    }

    @Test
    void connectingAClientAndAChannelShowsOnBothSidesUntilDisconnected() {
        long client = createClient("meter", List.of());
        long channel = created(api.post(domain + "/channels", token, Map.of("name", "readings")))
                .path("id")
                .asLong();

        assertThat(api.post(domain + "/clients/" + client + "/connect", token, Map.of("channel_id", channel))
                        .status())
                .isEqualTo(204);

        assertThat(names(api.get(domain + "/clients/" + client + "/channels", token)
                        .json()
                        .path("channels")))
                .containsExactly("readings");
        assertThat(names(api.get(domain + "/channels/" + channel + "/clients", token)
                        .json()
                        .path("clients")))
                .containsExactly("meter");

        assertThat(api.post(domain + "/channels/" + channel + "/disconnect", token, Map.of("client_id", client))
                        .status())
                .isEqualTo(204);
        assertThat(api.get(domain + "/clients/" + client + "/channels", token)
                        .json()
                        .path("total")
                        .asLong())
                .isZero();

        assertThat(api.post(domain + "/channels/" + channel + "/connect", token, Map.of("client_id", client))
                        .status())
                .isEqualTo(204);
        assertThat(api.get(domain + "/channels/" + channel + "/clients", token)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void nothingConnectsOrAttachesAcrossDomains() {
        Fixture other = fixtures.create(owner, viewer);

        api.post(domain + "/clients/" + fixture.clientId() + "/connect", token, Map.of("channel_id", other.channelId()))
                .assertProblem(404, "Channel not found");
        api.post(domain + "/channels/" + fixture.channelId() + "/connect", token, Map.of("client_id", other.clientId()))
                .assertProblem(404, "Client not found");
        api.post(domain + "/clients/" + fixture.clientId() + "/parent", token, Map.of("parent_id", other.groupId()))
                .assertProblem(404, "Group not found");
        api.post(
                        domain + "/groups/" + fixture.groupId() + "/children",
                        token,
                        Map.of("groups", List.of(other.groupId())))
                .assertProblem(404, "Group not found");
        api.post(domain + "/groups/" + fixture.groupId() + "/channels/" + other.channelId(), token, null)
                .assertProblem(404, "Channel not found");
    }

    @Test
    void parentGroupsAreSetAndRemoved() {
        JsonNode client = api.post(
                        domain + "/clients/" + fixture.clientId() + "/parent",
                        token,
                        Map.of("parent_id", fixture.otherGroupId()))
                .json();
        assertThat(client.path("parent_id").asLong()).isEqualTo(fixture.otherGroupId());

        assertThat(api.delete(domain + "/clients/" + fixture.clientId() + "/parent", token)
                        .json()
                        .path("parent_id")
                        .isNull())
                .isTrue();
        assertThat(api.delete(domain + "/channels/" + fixture.channelId() + "/parent", token)
                        .json()
                        .path("parent_id")
                        .isNull())
                .isTrue();
    }

    @Test
    void aGroupCannotBecomeItsOwnAncestor() {
        Response response = api.post(
                        domain + "/groups/" + fixture.groupId() + "/parent",
                        token,
                        Map.of("parent_id", fixture.childGroupId()))
                .assertProblem(
                        422,
                        "Group \"child\" cannot become the parent of \"group\": it is \"group\" itself "
                                + "or one of its subgroups, which would make a cycle");
        assertThat(response.json().path("field").asString()).isEqualTo("parent_id");

        api.post(
                        domain + "/groups/" + fixture.childGroupId() + "/children",
                        token,
                        Map.of("groups", List.of(fixture.groupId())))
                .assertProblem(
                        422,
                        "Group \"child\" cannot become the "
                                + "parent of \"group\": it is \"group\" itself or one of its subgroups, which would make a cycle");
    }

    @Test
    void theHierarchyShowsAncestorsAndDescendantsToTheRequestedDepth() {
        long grandchild = created(api.post(
                        domain + "/groups", token, Map.of("name", "grandchild", "parent_id", fixture.childGroupId())))
                .path("id")
                .asLong();

        JsonNode deep = api.get(domain + "/groups/" + fixture.groupId() + "/hierarchy?depth=2", token)
                .json();
        assertThat(deep.path("depth").asInt()).isEqualTo(2);
        assertThat(deep.path("ancestors").isEmpty()).isTrue();
        assertThat(deep.path("group").path("name").asString()).isEqualTo("group");
        JsonNode child = deep.path("group").path("children").get(0);
        assertThat(child.path("name").asString()).isEqualTo("child");
        assertThat(child.path("children").get(0).path("id").asLong()).isEqualTo(grandchild);

        JsonNode shallow =
                api.get(domain + "/groups/" + grandchild + "/hierarchy", token).json();
        assertThat(names(shallow.path("ancestors"))).containsExactly("group", "child");
        assertThat(shallow.path("group").path("children").isEmpty()).isTrue();

        api.get(domain + "/groups/" + fixture.groupId() + "/hierarchy?depth=11", token)
                .assertProblem(422, "Depth must be between 1 and 10");
        api.get(domain + "/groups/" + fixture.groupId() + "/hierarchy?depth=deep", token)
                .assertProblem(400, "Invalid value for parameter \"depth\"");
    }

    @Test
    void childrenGroupsAreAddedListedAndRemoved() {
        String group = domain + "/groups/" + fixture.groupId();
        JsonNode added = api.post(group + "/children", token, Map.of("groups", List.of(fixture.otherGroupId())))
                .json();
        assertThat(added.path("groups").get(0).path("parent_id").asLong()).isEqualTo(fixture.groupId());
        assertThat(names(api.get(group + "/children", token).json().path("groups")))
                .containsExactly("child", "other");

        assertThat(api.send("DELETE", group + "/children", token, Map.of("groups", List.of(fixture.childGroupId())))
                        .status())
                .isEqualTo(204);
        assertThat(names(api.get(group + "/children", token).json().path("groups")))
                .containsExactly("other");

        api.send("DELETE", group + "/children", token, Map.of("groups", List.of(fixture.childGroupId())))
                .assertProblem(422, "\"child\" is not a child of this group");

        assertThat(api.delete(group + "/children/all", token).status()).isEqualTo(204);
        assertThat(api.get(group + "/children", token).json().path("total").asLong())
                .isZero();
    }

    @Test
    void groupsAdoptAndReleaseClientsAndChannels() {
        String other = domain + "/groups/" + fixture.otherGroupId();
        assertThat(api.post(other + "/clients/" + fixture.clientId(), token, null)
                        .json()
                        .path("parent_id")
                        .asLong())
                .isEqualTo(fixture.otherGroupId());
        assertThat(api.post(other + "/channels/" + fixture.channelId(), token, null)
                        .json()
                        .path("parent_id")
                        .asLong())
                .isEqualTo(fixture.otherGroupId());

        assertThat(api.delete(other + "/clients/" + fixture.clientId(), token)
                        .json()
                        .path("parent_id")
                        .isNull())
                .isTrue();
        api.delete(other + "/clients/" + fixture.clientId(), token)
                .assertProblem(422, "\"client\" is not a child of this group");
    }

    @Test
    void aGroupUpdateKeepsWhatItDoesNotMention() {
        String group = domain + "/groups/" + fixture.groupId();

        JsonNode renamed = api.patch(group, token, Map.of("name", "parents")).json();
        assertThat(renamed.path("name").asString()).isEqualTo("parents");
        assertThat(renamed.path("description").asString()).isEqualTo("the parent");

        JsonNode described = api.patch(group, token, Map.of("description", "")).json();
        assertThat(described.path("name").asString()).isEqualTo("parents");
        assertThat(described.path("description").asString()).isEmpty();
    }

    @Test
    void aDisabledEntityRefusesChangesUntilEnabled() {
        String client = domain + "/clients/" + fixture.clientId();
        assertThat(api.post(client + "/disable", token, null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("disabled");

        Response refused = api.patch(client, token, Map.of("name", "renamed"))
                .assertProblem(409, "\"client\" is disabled; enable it before making changes");
        assertThat(refused.json().path("field").isMissingNode()).isTrue();

        assertThat(api.post(client + "/enable", token, null)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("enabled");
        assertThat(api.patch(client, token, Map.of("name", "renamed"))
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo("renamed");
    }

    @Test
    void deletedEntitiesAreGone() {
        assertThat(api.delete(domain + "/clients/" + fixture.clientId(), token).status())
                .isEqualTo(204);
        api.get(domain + "/clients/" + fixture.clientId(), token).assertProblem(404, "Client not found");
        assertThat(api.delete(domain + "/groups/" + fixture.groupId(), token).status())
                .isEqualTo(204);
        assertThat(api.get(domain + "/channels/" + fixture.channelId(), token)
                        .json()
                        .path("parent_id")
                        .isNull())
                .isTrue();
    }

    @Test
    void anEditorMayChangeEntitiesButNotTheDomain() {
        UserProfile editor = testUsers.create("editor", PlatformRole.USER);
        String ownerToken = token;
        api.post(domain + "/members", ownerToken, Map.of("user_id", editor.id(), "role", "editor"));
        String editorToken = api.accessToken(editor);

        assertThat(api.patch(domain + "/clients/" + fixture.clientId(), editorToken, Map.of("name", "edited"))
                        .status())
                .isEqualTo(200);
        api.post(domain + "/disable", editorToken, null)
                .assertProblem(403, "Your role in this domain does not allow domains disable; it needs the admin role");
    }
}
