package dev.scopekeeper.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.entities.ChannelService.ChannelRequest;
import dev.scopekeeper.entities.ClientService.ClientRequest;
import dev.scopekeeper.entities.GroupService.GroupRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

@ScopekeeperTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupServiceTest {

    @Autowired
    GroupService groups;

    @Autowired
    ClientService clients;

    @Autowired
    ChannelService channels;

    @Autowired
    TestUsers testUsers;

    @Autowired
    TestDomains testDomains;

    UserProfile admin;
    long domain;

    @BeforeAll
    void users() {
        admin = testUsers.create("groups-admin", PlatformRole.ADMIN);
    }

    @BeforeEach
    void freshDomain() {
        domain = testDomains.create(admin, "Groups").id();
    }

    @AfterEach
    void signOut() {
        testUsers.signOut();
    }

    private long group(String name, Long parent) {
        return groups.create(domain, new GroupRequest(name, null, null, parent)).id();
    }

    @Test
    void aGroupIsCreatedViewedUpdatedRetaggedDisabledEnabledAndDeleted() {
        GroupView created = groups.create(domain, new GroupRequest("ops", " the ops team ", List.of("t"), null));
        long id = created.id();

        assertThat(created.description()).isEqualTo("the ops team");
        assertThat(groups.view(domain, id)).isEqualTo(created);
        GroupView updated = groups.update(domain, id, "operations", "all of it");
        assertThat(updated.name()).isEqualTo("operations");
        assertThat(updated.description()).isEqualTo("all of it");
        assertThat(groups.updateTags(domain, id, List.of("a")).tags()).containsExactly("a");
        assertThat(groups.disable(domain, id).status()).isEqualTo(Status.DISABLED);
        assertThatThrownBy(() -> groups.update(domain, id, "x", null)).isInstanceOf(Conflict.class);
        assertThat(groups.enable(domain, id).status()).isEqualTo(Status.ENABLED);
        assertThat(groups.list(domain, ListQuery.firstPage()).total()).isOne();
        groups.delete(domain, id);
        assertThatThrownBy(() -> groups.view(domain, id))
                .isInstanceOf(NotFound.class)
                .hasMessage("Group not found");
    }

    @Test
    void theHierarchyShowsAncestorsAndDescendantsToTheRequestedDepth() {
        long root = group("root", null);
        long middle = group("middle", root);
        long leaf = group("leaf", middle);
        long deeper = group("deeper", leaf);
        group("sibling", root);

        GroupHierarchy fromMiddle = groups.retrieveGroupHierarchy(domain, middle, 10);
        assertThat(fromMiddle.ancestors()).extracting(GroupView::name).containsExactly("root");
        assertThat(fromMiddle.group().group().id()).isEqualTo(middle);
        assertThat(fromMiddle.group().children())
                .extracting(n -> n.group().name())
                .containsExactly("leaf");
        assertThat(fromMiddle.group().children().getFirst().children())
                .extracting(n -> n.group().id())
                .containsExactly(deeper);

        GroupHierarchy shallow = groups.retrieveGroupHierarchy(domain, root, 1);
        assertThat(shallow.ancestors()).isEmpty();
        assertThat(shallow.group().children()).extracting(n -> n.group().name()).containsExactly("middle", "sibling");
        assertThat(shallow.group().children())
                .allSatisfy(n -> assertThat(n.children()).isEmpty());
        assertThat(groups.retrieveGroupHierarchy(domain, deeper, 1).ancestors())
                .extracting(GroupView::name)
                .containsExactly("root", "middle", "leaf");
        assertThat(groups.listChildrenGroups(domain, root, ListQuery.firstPage())
                        .items())
                .extracting(GroupView::name)
                .containsExactly("middle", "sibling");
        assertThatThrownBy(() -> groups.retrieveGroupHierarchy(domain, root, 11))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("depth"));
        assertThatThrownBy(() -> groups.retrieveGroupHierarchy(domain, root, 0)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aCycleInTheHierarchyIsRefusedWithAClearMessage() {
        long top = group("top", null);
        long mid = group("mid", top);
        long bottom = group("bottom", mid);

        assertThatThrownBy(() -> groups.addParentGroup(domain, top, bottom))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("parentGroupId"))
                .hasMessage("Group \"bottom\" cannot become the parent of \"top\": it is \"top\" itself or one of"
                        + " its subgroups, which would make a cycle");
        assertThatThrownBy(() -> groups.addParentGroup(domain, mid, mid)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> groups.addChildrenGroups(domain, bottom, List.of(top)))
                .isInstanceOf(InvalidInput.class);
        assertThat(groups.view(domain, top).parentGroupId()).isNull();
    }

    @Test
    void parentsAndChildrenAreSetAndRemoved() {
        long a = group("a", null);
        long b = group("b", null);
        long c = group("c", null);

        assertThat(groups.addParentGroup(domain, b, a).parentGroupId()).isEqualTo(a);
        assertThat(groups.removeParentGroup(domain, b).parentGroupId()).isNull();
        assertThat(groups.addChildrenGroups(domain, a, List.of(b, c, b)))
                .extracting(GroupView::parentGroupId)
                .containsExactly(a, a);
        groups.removeChildrenGroups(domain, a, List.of(b));
        assertThat(groups.view(domain, b).parentGroupId()).isNull();
        assertThatThrownBy(() -> groups.removeChildrenGroups(domain, a, List.of(b)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("childGroupIds"))
                .hasMessage("\"b\" is not a child of this group");
        assertThatThrownBy(() -> groups.addChildrenGroups(domain, a, List.of()))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("childGroupIds"));

        groups.addChildrenGroups(domain, a, List.of(b));
        assertThat(groups.removeAllChildrenGroups(domain, a)).isEqualTo(2);
        assertThat(groups.listChildrenGroups(domain, a, ListQuery.firstPage()).total())
                .isZero();
        assertThat(groups.view(domain, c).parentGroupId()).isNull();
    }

    @Test
    void clientsAndChannelsBecomeAndStopBeingChildren() {
        long g = group("home", null);
        long client =
                clients.create(domain, new ClientRequest("c", null)).client().id();
        long channel = channels.create(domain, new ChannelRequest("ch", null)).id();

        assertThat(groups.setChildClient(domain, g, client).parentGroupId()).isEqualTo(g);
        assertThat(groups.setChildChannel(domain, g, channel).parentGroupId()).isEqualTo(g);
        assertThat(groups.removeChildClient(domain, g, client).parentGroupId()).isNull();
        assertThat(groups.removeChildChannel(domain, g, channel).parentGroupId())
                .isNull();
        assertThatThrownBy(() -> groups.removeChildClient(domain, g, client))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("clientId"));
        assertThatThrownBy(() -> groups.removeChildChannel(domain, g, channel)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void deletingAGroupLeavesItsChildrenWithoutAParent() {
        long parent = group("parent", null);
        long child = group("child", parent);
        long client =
                clients.create(domain, new ClientRequest("c", null)).client().id();
        long channel = channels.create(domain, new ChannelRequest("ch", null)).id();
        groups.setChildClient(domain, parent, client);
        groups.setChildChannel(domain, parent, channel);

        groups.delete(domain, parent);

        assertThat(groups.view(domain, child).parentGroupId()).isNull();
        assertThat(clients.view(domain, client).parentGroupId()).isNull();
        assertThat(channels.view(domain, channel).parentGroupId()).isNull();
    }

    @Test
    void nothingCrossesDomains() {
        long local = group("local", null);
        long otherDomain = testDomains.create(admin, "Other").id();
        long foreign = groups.create(otherDomain, new GroupRequest("foreign", null, null, null))
                .id();
        long foreignClient = clients.create(otherDomain, new ClientRequest("fc", null))
                .client()
                .id();
        long foreignChannel =
                channels.create(otherDomain, new ChannelRequest("fch", null)).id();

        assertThatThrownBy(() -> groups.addParentGroup(domain, local, foreign)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> groups.addChildrenGroups(domain, local, List.of(foreign)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> groups.create(domain, new GroupRequest("x", null, null, foreign)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> groups.setChildClient(domain, local, foreignClient))
                .isInstanceOf(NotFound.class)
                .hasMessage("Client not found");
        assertThatThrownBy(() -> groups.setChildChannel(domain, local, foreignChannel))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> groups.view(otherDomain, local)).isInstanceOf(NotFound.class);
    }

    @Test
    void disabledGroupsAndChildrenRefuseChanges() {
        long g = group("g", null);
        long other = group("other", null);
        long client =
                clients.create(domain, new ClientRequest("c", null)).client().id();
        groups.disable(domain, g);

        assertThatThrownBy(() -> groups.setChildClient(domain, g, client)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> groups.addChildrenGroups(domain, other, List.of(g)))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> groups.addParentGroup(domain, g, other)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> groups.updateTags(domain, g, List.of())).isInstanceOf(Conflict.class);
    }

    @Test
    void groupNamesAndDescriptionsAreValidated() {
        group("taken", null);

        assertThatThrownBy(() -> group("taken", null)).isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.field())
                .isEqualTo("name"));
        assertThatThrownBy(() -> groups.create(domain, new GroupRequest("d", "x".repeat(1025), null, null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("description"));
        assertThatThrownBy(() -> groups.create(domain, new GroupRequest("  ", null, null, null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
    }
}
