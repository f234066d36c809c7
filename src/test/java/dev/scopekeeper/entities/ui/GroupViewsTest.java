package dev.scopekeeper.entities.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.entities.ChannelService;
import dev.scopekeeper.entities.ChannelService.ChannelRequest;
import dev.scopekeeper.entities.ChannelView;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.ClientService.ClientRequest;
import dev.scopekeeper.entities.ClientView;
import dev.scopekeeper.entities.GroupService;
import dev.scopekeeper.entities.GroupService.GroupRequest;
import dev.scopekeeper.entities.GroupView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** /groups and /groups/{id}: the hierarchy tree, child groups, child clients and channels. */
class GroupViewsTest extends EntityUiTestBase {

    @Autowired
    GroupService groups;

    @Autowired
    ClientService clients;

    @Autowired
    ChannelService channels;

    @Test
    void aGroupIsCreatedWithADescriptionAndEdited() {
        givenADomain();
        GroupListView list = navigate(GroupListView.class);

        click("Create group");
        test(textField("Name")).setValue("Building A");
        test(find(TextArea.class).withCaption("Description").single()).setValue("Main site");
        test(find(Button.class).withText("Create").single()).click();

        assertThat(notifications()).contains("Group Building A created");
        assertThat(test(list.grid).getCellText(0, 1)).isEqualTo("Main site");

        test(list.grid).clickRow(0);
        GroupDetailView view = (GroupDetailView) getCurrentView();
        test(find(TextArea.class).withCaption("Description").single()).setValue("Headquarters");
        click("Save");
        assertThat(groups.view(domain.id(), view.item.id()).description()).isEqualTo("Headquarters");
    }

    @Test
    void theHierarchyShowsTheGroupBetweenItsAncestorsAndChildren() {
        givenADomain();
        GroupView site = groups.create(domain.id(), new GroupRequest("site", null, List.of(), null));
        GroupView floor = groups.create(domain.id(), new GroupRequest("floor", null, List.of(), site.id()));
        groups.create(domain.id(), new GroupRequest("room-1", null, List.of(), floor.id()));
        groups.create(domain.id(), new GroupRequest("room-2", null, List.of(), floor.id()));

        GroupDetailView view = navigate("groups/" + floor.id(), GroupDetailView.class);

        var provider = view.hierarchy.getDataProvider();
        List<GroupView> roots =
                provider.fetchChildren(new HierarchicalQuery<>(null, null)).toList();
        assertThat(roots).extracting(GroupView::name).containsExactly("site");
        assertThat(provider.fetchChildren(new HierarchicalQuery<>(null, roots.getFirst()))
                        .toList())
                .extracting(GroupView::name)
                .containsExactly("floor");
        GroupView floorNode = provider.fetchChildren(new HierarchicalQuery<>(null, roots.getFirst()))
                .toList()
                .getFirst();
        assertThat(provider.fetchChildren(new HierarchicalQuery<>(null, floorNode))
                        .toList())
                .extracting(GroupView::name)
                .containsExactly("room-1", "room-2");
        assertThat(view.hierarchy.isExpanded(roots.getFirst())).isTrue();
        assertThat(view.parent.getText()).isEqualTo("Parent group: site");
        assertThat(test(view.children.grid).size()).isEqualTo(2);
    }

    @Test
    void childGroupsAreAddedRemovedAndAllRemovedAfterConfirmation() {
        givenADomain();
        GroupView parent = groups.create(domain.id(), new GroupRequest("parent", null, List.of(), null));
        groups.create(domain.id(), new GroupRequest("child-a", null, List.of(), null));
        groups.create(domain.id(), new GroupRequest("child-b", null, List.of(), null));
        GroupDetailView view = navigate("groups/" + parent.id(), GroupDetailView.class);

        test(find(ComboBox.class).withCaption("Group").single()).selectItem("child-a");
        click("Add child group");
        test(find(ComboBox.class).withCaption("Group").single()).selectItem("child-b");
        click("Add child group");
        assertThat(test(view.children.grid).size()).isEqualTo(2);

        test((Button) test(view.children.grid).getCellComponent(0, 1)).click();
        assertThat(notifications()).contains("child-a is no longer a child group");
        assertThat(test(view.children.grid).size()).isEqualTo(1);

        click("Remove all child groups");
        confirm();
        assertThat(notifications()).contains("1 child groups removed");
        assertThat(groups.listChildrenGroups(domain.id(), parent.id(), ListQuery.firstPage())
                        .total())
                .isZero();
    }

    @Test
    void aCycleIsRefusedAtTheParentGroupField() {
        givenADomain();
        GroupView top = groups.create(domain.id(), new GroupRequest("top", null, List.of(), null));
        GroupView below = groups.create(domain.id(), new GroupRequest("below", null, List.of(), top.id()));
        GroupDetailView view = navigate("groups/" + top.id(), GroupDetailView.class);

        test(find(ComboBox.class).withCaption("Parent group").single()).selectItem("below");
        click("Set parent group");

        assertThat(view.parentGroup.isInvalid()).isTrue();
        assertThat(view.parentGroup.getErrorMessage()).contains("would make a cycle");
        assertThat(groups.view(domain.id(), top.id()).parentGroupId()).isNull();
        assertThat(below.parentGroupId()).isEqualTo(top.id());
    }

    @Test
    void aClientAndAChannelAreSetAsChildrenAndRemoved() {
        givenADomain();
        GroupView group = groups.create(domain.id(), new GroupRequest("zone", null, List.of(), null));
        ClientView client = clients.create(domain.id(), new ClientRequest("sensor", List.of()))
                .client();
        ChannelView channel = channels.create(domain.id(), new ChannelRequest("feed", List.of()));
        navigate("groups/" + group.id(), GroupDetailView.class);

        test(find(ComboBox.class).withCaption("Client").single()).selectItem("sensor");
        click("Add client to group");
        test(find(ComboBox.class).withCaption("Channel").single()).selectItem("feed");
        click("Add channel to group");

        assertThat(clients.view(domain.id(), client.id()).parentGroupId()).isEqualTo(group.id());
        assertThat(channels.view(domain.id(), channel.id()).parentGroupId()).isEqualTo(group.id());

        test(find(ComboBox.class).withCaption("Client").single()).selectItem("sensor");
        click("Remove client from group");
        assertThat(notifications()).contains("sensor removed from the group");
        assertThat(clients.view(domain.id(), client.id()).parentGroupId()).isNull();
    }
}
