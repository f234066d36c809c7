package dev.scopekeeper.entities.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.base.ui.NotFoundView;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.entities.ChannelService;
import dev.scopekeeper.entities.ChannelService.ChannelRequest;
import dev.scopekeeper.entities.ChannelView;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.ClientService.ClientRequest;
import dev.scopekeeper.entities.ClientView;
import dev.scopekeeper.entities.GroupService;
import dev.scopekeeper.entities.GroupService.GroupRequest;
import dev.scopekeeper.entities.GroupView;
import dev.scopekeeper.security.PlatformRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** /clients and /clients/{id}. */
class ClientViewsTest extends EntityUiTestBase {

    @Autowired
    ClientService clients;

    @Autowired
    ChannelService channels;

    @Autowired
    GroupService groups;

    @Test
    void anEditorCreatesAClientAndSeesItsSecretOnceWithACopyButton() {
        givenADomain();
        ClientListView view = navigate(ClientListView.class);

        click("Create client");
        test(textField("Name")).setValue("sensor-1");
        test(find(Button.class).withText("Create").single()).click();

        assertThat(notifications()).contains("Client sensor-1 created");
        TextArea secret = find(TextArea.class).withCaption("Client secret").single();
        assertThat(secret.isReadOnly()).isTrue();
        assertThat(secret.getValue()).isNotBlank();
        assertThat(find(Button.class).withAriaLabel("Copy to clipboard").exists())
                .isTrue();
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class)
                        .withText("Copy it now: it will not be shown again.")
                        .exists())
                .isTrue();
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).name()).isEqualTo("sensor-1");

        click("Done");
        long id = test(view.grid).getRow(0).id();
        navigate("clients/" + id, ClientDetailView.class);
        navigate(ClientListView.class);
        assertThat(find(TextArea.class).withCaption("Client secret").exists()).isFalse();
    }

    @Test
    void aClientWithoutNameIsRefusedAtTheNameField() {
        givenADomain();
        navigate(ClientListView.class);

        click("Create client");
        test(find(Button.class).withText("Create").single()).click();

        TextField name = textField("Name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Name is required");
        assertThat(clients.list(domain.id(), ListQuery.firstPage()).total()).isZero();
    }

    @Test
    void aDuplicateNameIsShownAtTheNameField() {
        givenADomain();
        clients.create(domain.id(), new ClientRequest("pump", List.of()));
        navigate(ClientListView.class);

        click("Create client");
        test(textField("Name")).setValue("pump");
        test(find(Button.class).withText("Create").single()).click();

        assertThat(textField("Name").getErrorMessage()).isEqualTo("The name \"pump\" is already used in this domain");
    }

    @Test
    void theListIsSearchedByNameAndFilteredByStatus() {
        givenADomain();
        clients.create(domain.id(), new ClientRequest("alpha-meter", List.of()));
        ClientView beta = clients.create(domain.id(), new ClientRequest("beta-meter", List.of()))
                .client();
        clients.create(domain.id(), new ClientRequest("gamma-valve", List.of()));
        clients.disable(domain.id(), beta.id());
        ClientListView view = navigate(ClientListView.class);
        assertThat(test(view.grid).size()).isEqualTo(3);

        test(textField("Search by name")).setValue("meter");
        assertThat(test(view.grid).size()).isEqualTo(2);

        test(view.status).selectItem("Disabled");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).name()).isEqualTo("beta-meter");

        view.status.clear(); // the empty selection, captioned "All"
        test(textField("Search by name")).clear();
        assertThat(test(view.grid).size()).isEqualTo(3);
    }

    @Test
    void clickingARowOpensTheDetailPage() {
        givenADomain();
        clients.create(domain.id(), new ClientRequest("door", List.of()));
        ClientListView view = navigate(ClientListView.class);

        test(view.grid).clickRow(0);

        ClientDetailView detail = (ClientDetailView) getCurrentView();
        assertThat(detail.title.getText()).isEqualTo("door");
    }

    @Test
    void theNameAndTagsAreEdited() {
        givenADomain();
        ClientView client = clients.create(domain.id(), new ClientRequest("lamp", List.of("old")))
                .client();
        ClientDetailView view = navigate("clients/" + client.id(), ClientDetailView.class);
        assertThat(view.tags.getValue()).containsExactly("old");

        test(textField("Name")).setValue("lamp-2");
        click("Save");
        assertThat(notifications()).contains("lamp-2 saved");
        assertThat(view.title.getText()).isEqualTo("lamp-2");

        view.tags.addTag("kitchen");
        view.tags.deselect("old");
        click("Save tags");
        assertThat(notifications()).contains("Tags of lamp-2 saved");
        assertThat(clients.view(domain.id(), client.id()).tags()).containsExactly("kitchen");
        assertThat(clients.view(domain.id(), client.id()).name()).isEqualTo("lamp-2");
    }

    @Test
    void anInvalidTagIsShownAtTheTagsField() {
        givenADomain();
        ClientView client =
                clients.create(domain.id(), new ClientRequest("fan", List.of())).client();
        ClientDetailView view = navigate("clients/" + client.id(), ClientDetailView.class);

        view.tags.addTag("x".repeat(65));
        click("Save tags");

        assertThat(view.tags.isInvalid()).isTrue();
        assertThat(view.tags.getErrorMessage()).isEqualTo("A tag can be at most 64 characters");
    }

    @Test
    void disablingAsksFirstAndEnablingUndoesIt() {
        givenADomain();
        ClientView client = clients.create(domain.id(), new ClientRequest("heater", List.of()))
                .client();
        ClientDetailView view = navigate("clients/" + client.id(), ClientDetailView.class);

        click("Disable");
        ConfirmDialog dialog = find(ConfirmDialog.class).single();
        assertThat(test(dialog).getHeader()).isEqualTo("Disable \"heater\"?");
        test(dialog).confirm();

        assertThat(view.status.getText()).isEqualTo("Disabled");
        assertThat(clients.view(domain.id(), client.id()).status()).isEqualTo(Status.DISABLED);
        assertThat(view.disable.isVisible()).isFalse();

        click("Enable");
        assertThat(view.status.getText()).isEqualTo("Enabled");
        assertThat(notifications()).contains("heater enabled");
    }

    @Test
    void deletingNamesTheClientAndAsksFirst() {
        givenADomain();
        ClientView client = clients.create(domain.id(), new ClientRequest("old-probe", List.of()))
                .client();
        navigate("clients/" + client.id(), ClientDetailView.class);

        click("Delete");
        ConfirmDialog dialog = find(ConfirmDialog.class).single();
        assertThat(test(dialog).getHeader()).isEqualTo("Delete client \"old-probe\"?");
        test(dialog).cancel();
        assertThat(clients.list(domain.id(), ListQuery.firstPage()).total()).isEqualTo(1);

        click("Delete");
        confirm();

        assertThat(notifications()).contains("old-probe deleted");
        assertThat(getCurrentView()).isInstanceOf(ClientListView.class);
        assertThat(clients.list(domain.id(), ListQuery.firstPage()).total()).isZero();
    }

    @Test
    void theParentGroupIsSetAndRemoved() {
        givenADomain();
        GroupView group = groups.create(domain.id(), new GroupRequest("floor-1", null, List.of(), null));
        ClientView client = clients.create(domain.id(), new ClientRequest("thermo", List.of()))
                .client();
        ClientDetailView view = navigate("clients/" + client.id(), ClientDetailView.class);
        assertThat(view.parent.getText()).isEqualTo("No parent group");

        test(find(ComboBox.class).withCaption("Parent group").single()).selectItem("floor-1");
        click("Set parent group");

        assertThat(view.parent.getText()).isEqualTo("Parent group: floor-1");
        assertThat(clients.view(domain.id(), client.id()).parentGroupId()).isEqualTo(group.id());

        click("Remove parent group");
        assertThat(view.parent.getText()).isEqualTo("No parent group");
        assertThat(clients.view(domain.id(), client.id()).parentGroupId()).isNull();
    }

    @Test
    void theClientIsConnectedToAChannelAndDisconnected() {
        givenADomain();
        ChannelView channel = channels.create(domain.id(), new ChannelRequest("telemetry", List.of()));
        ClientView client = clients.create(domain.id(), new ClientRequest("meter", List.of()))
                .client();
        ClientDetailView view = navigate("clients/" + client.id(), ClientDetailView.class);
        assertThat(test(view.connections.grid).size()).isZero();

        test(find(ComboBox.class).withCaption("Channel").single()).selectItem("telemetry");
        click("Connect");

        assertThat(notifications()).contains("Connected to telemetry");
        assertThat(test(view.connections.grid).size()).isEqualTo(1);
        assertThat(channels.listConnectedClients(domain.id(), channel.id(), ListQuery.firstPage())
                        .items())
                .extracting(ClientView::name)
                .containsExactly("meter");

        Button disconnect = (Button) test(view.connections.grid).getCellComponent(0, 1);
        assertThat(disconnect.getAriaLabel()).contains("Disconnect from telemetry");
        test(disconnect).click();
        assertThat(test(view.connections.grid).size()).isZero();
        assertThat(clients.listConnectedChannels(domain.id(), client.id(), ListQuery.firstPage())
                        .total())
                .isZero();
    }

    @Test
    void connectingADisabledChannelShowsTheRefusal() {
        givenADomain();
        ChannelView channel = channels.create(domain.id(), new ChannelRequest("closed", List.of()));
        channels.disable(domain.id(), channel.id());
        ClientView client = clients.create(domain.id(), new ClientRequest("meter", List.of()))
                .client();
        navigate("clients/" + client.id(), ClientDetailView.class);

        test(find(ComboBox.class).withCaption("Channel").single()).selectItem("closed");
        click("Connect");

        assertThat(notifications()).contains("\"closed\" is disabled; enable it before making changes");
    }

    @Test
    void regeneratingTheSecretShowsTheNewOneOnce() {
        givenADomain();
        String first = clients.create(domain.id(), new ClientRequest("gateway", List.of()))
                .secret();
        ClientView client =
                clients.list(domain.id(), ListQuery.firstPage()).items().getFirst();
        navigate("clients/" + client.id(), ClientDetailView.class);
        assertThat(find(TextArea.class).withCaption("Client secret").exists()).isFalse();

        click("Regenerate secret");
        confirm();

        String second =
                find(TextArea.class).withCaption("Client secret").single().getValue();
        assertThat(second).isNotBlank().isNotEqualTo(first);
        click("Done");
        navigate("clients/" + client.id(), ClientDetailView.class);
        assertThat(find(TextArea.class).withCaption("Client secret").exists()).isFalse();
    }

    @Test
    void aViewerSeesTheClientReadOnly() {
        givenADomain();
        ClientView client = clients.create(domain.id(), new ClientRequest("watched", List.of()))
                .client();
        signInAsMember(DomainRole.VIEWER);

        ClientListView list = navigate(ClientListView.class);
        assertThat(list.create.isVisible()).isFalse();
        assertThat(test(list.grid).size()).isEqualTo(1);

        ClientDetailView view = navigate("clients/" + client.id(), ClientDetailView.class);
        assertThat(view.name.isReadOnly()).isTrue();
        assertThat(view.save.isVisible()).isFalse();
        assertThat(view.actions.isVisible()).isFalse();
        assertThat(view.connections.controls.isVisible()).isFalse();
    }

    @Test
    void aClientOfAnotherDomainIsNotFound() {
        givenADomain();
        ClientView client = clients.create(domain.id(), new ClientRequest("secret-thing", List.of()))
                .client();
        var other = testUsers.create("other", PlatformRole.USER);
        testUsers.signIn(admin);
        DomainView otherDomain = testDomains.create(admin, "Other " + System.nanoTime());
        testDomains.addMember(otherDomain.id(), other, DomainRole.ADMIN);
        testUsers.signIn(other);

        navigate("clients/" + client.id(), NotFoundView.class);
        navigate("clients/999999999", NotFoundView.class);
    }

    /** (A platform administrator sees every domain; their empty state, with its link, shows in the journey.) */
    @Test
    void withoutADomainTheScreenExplainsWhatToDo() {
        signInAsNew("lonely", PlatformRole.USER);
        ClientListView view = navigate(ClientListView.class);

        assertThat(find(com.vaadin.flow.component.html.H2.class)
                        .withText("No domain yet")
                        .exists())
                .isTrue();
        assertThat(view.grid.isAttached()).isFalse();
        assertThat(find(com.vaadin.flow.component.html.Anchor.class)
                        .withText("Create a domain on the Domains page")
                        .exists())
                .isFalse();
    }
}
