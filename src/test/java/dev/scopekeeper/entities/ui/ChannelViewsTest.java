package dev.scopekeeper.entities.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.entities.ChannelService;
import dev.scopekeeper.entities.ChannelService.ChannelRequest;
import dev.scopekeeper.entities.ChannelView;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.ClientService.ClientRequest;
import dev.scopekeeper.entities.ClientView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** /channels and /channels/{id}. */
class ChannelViewsTest extends EntityUiTestBase {

    @Autowired
    ChannelService channels;

    @Autowired
    ClientService clients;

    @Test
    void anEditorCreatesAChannelWithTags() {
        givenADomain();
        signInAsMember(DomainRole.EDITOR);
        ChannelListView view = navigate(ChannelListView.class);

        click("Create channel");
        test(textField("Name")).setValue("alarms");
        find(TagsField.class).single().addTag("critical");
        test(find(Button.class).withText("Create").single()).click();

        assertThat(notifications()).contains("Channel alarms created");
        assertThat(test(view.grid).getRow(0).tags()).containsExactly("critical");
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo("critical");
    }

    @Test
    void aClientIsConnectedToTheChannelFromTheChannelPage() {
        givenADomain();
        ChannelView channel = channels.create(domain.id(), new ChannelRequest("events", List.of()));
        ClientView client = clients.create(domain.id(), new ClientRequest("camera", List.of()))
                .client();
        ChannelDetailView view = navigate("channels/" + channel.id(), ChannelDetailView.class);

        test(find(ComboBox.class).withCaption("Client").single()).selectItem("camera");
        click("Connect");

        assertThat(notifications()).contains("camera connected");
        assertThat(test(view.connections.grid).getRow(0).name()).isEqualTo("camera");
        assertThat(clients.listConnectedChannels(domain.id(), client.id(), ListQuery.firstPage())
                        .items())
                .extracting(ChannelView::name)
                .containsExactly("events");

        test((Button) test(view.connections.grid).getCellComponent(0, 1)).click();
        assertThat(notifications()).contains("camera disconnected");
        assertThat(test(view.connections.grid).size()).isZero();
    }

    @Test
    void connectingWithoutChoosingAClientAsksToChooseOne() {
        givenADomain();
        ChannelView channel = channels.create(domain.id(), new ChannelRequest("events", List.of()));
        navigate("channels/" + channel.id(), ChannelDetailView.class);

        click("Connect");

        ComboBox<?> client = find(ComboBox.class).withCaption("Client").single();
        assertThat(client.isInvalid()).isTrue();
        assertThat(client.getErrorMessage()).isEqualTo("Choose one first");
    }

    @Test
    void aViewerCannotConnectOrDelete() {
        givenADomain();
        ChannelView channel = channels.create(domain.id(), new ChannelRequest("read-only", List.of()));
        signInAsMember(DomainRole.VIEWER);

        ChannelDetailView view = navigate("channels/" + channel.id(), ChannelDetailView.class);

        assertThat(view.connections.controls.isVisible()).isFalse();
        assertThat(view.actions.isVisible()).isFalse();
        assertThat(view.tags.isReadOnly()).isTrue();
    }
}
