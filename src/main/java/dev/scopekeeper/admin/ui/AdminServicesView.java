package dev.scopekeeper.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.base.ui.PhoneWidth;
import dev.scopekeeper.base.ui.SecretDisplay;
import dev.scopekeeper.services.IssuedServiceCredential;
import dev.scopekeeper.services.ServiceCredentialService;
import dev.scopekeeper.services.ServiceCredentialView;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * {@code /admin/services}: the credentials other services call the decision API with. Create shows the secret once
 * (with a copy button) in the dialog; Revoke acts on the selected credential after a confirmation whose focus starts
 * on Cancel.
 */
@Route("admin/services")
@RolesAllowed("ADMIN")
@Menu(title = "admin.services.nav", order = 94, icon = "CONNECT_O")
class AdminServicesView extends Main implements HasDynamicTitle {

    private final ServiceCredentialService services;
    final Grid<ServiceCredentialView> grid = new Grid<>();
    final Button create = new Button();
    final Button revoke = new Button();

    AdminServicesView(ServiceCredentialService services) {
        this.services = services;
        addClassName("sk-page");

        grid.addColumn(ServiceCredentialView::name)
                .setHeader(getTranslation("admin.services.name"))
                .setKey("name");
        grid.addColumn(ServiceCredentialView::hint)
                .setHeader(getTranslation("admin.services.hint"))
                .setKey("hint");
        Grid.Column<ServiceCredentialView> created = grid.addColumn(v -> AdminFormat.instant(v.createdAt(), ""))
                .setHeader(getTranslation("admin.services.createdAt"))
                .setKey("created");
        grid.addColumn(v ->
                        getTranslation(v.revoked() ? "admin.services.status.revoked" : "admin.services.status.active"))
                .setHeader(getTranslation("admin.services.status"))
                .setKey("status");
        // at phone width the creation time gives way, so the status stays on screen
        PhoneWidth.hideColumns(this, created);
        grid.setItems(
                query -> services.listSlice(query.getOffset(), Math.max(1, Math.min(query.getLimit(), 100))).stream());
        grid.setEmptyStateText(getTranslation("admin.services.empty"));
        grid.addSelectionListener(e -> updateButtons());
        grid.addClassName("sk-admin-grid");
        grid.setAriaLabel(getTranslation("admin.services.title"));

        create.setText(getTranslation("admin.services.create"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> openCreateDialog());
        revoke.setText(getTranslation("admin.services.revoke"));
        revoke.addThemeVariants(ButtonVariant.ERROR);
        revoke.addClickListener(e -> selected().ifPresent(this::confirmRevoke));
        updateButtons();

        Div actions = new Div(create, revoke);
        actions.addClassName("sk-toolbar-actions");
        add(
                new H1(getTranslation("admin.services.title")),
                new Paragraph(getTranslation("admin.services.intro")),
                actions,
                grid);
    }

    private Optional<ServiceCredentialView> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void updateButtons() {
        revoke.setEnabled(selected().filter(v -> !v.revoked()).isPresent());
    }

    private void refresh() {
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        updateButtons();
    }

    private void confirmRevoke(ServiceCredentialView credential) {
        AdminDialogs.confirm(
                this,
                getTranslation("admin.services.revoke.title"),
                getTranslation("admin.services.revoke.text", credential.name()),
                getTranslation("admin.services.revoke"),
                () -> {
                    services.revoke(credential.id());
                    Feedback.show(
                            getTranslation("admin.services.revoked", credential.name()), NotificationVariant.SUCCESS);
                    refresh();
                });
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.services.dialog.title"));
        TextField name = new TextField(getTranslation("admin.services.name"));
        name.setRequiredIndicatorVisible(true);
        name.setAutofocus(true);
        FieldErrors errors = new FieldErrors(this::getTranslation).bind("name", name);
        Button cancel = new Button(getTranslation("admin.cancel"), e -> dialog.close());
        Button save = new Button(getTranslation("admin.services.dialog.submit"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            errors.clear();
            try {
                IssuedServiceCredential issued = services.create(name.getValue());
                showSecret(dialog, issued);
                Feedback.show(
                        getTranslation(
                                "admin.services.created", issued.credential().name()),
                        NotificationVariant.SUCCESS);
                refresh();
            } catch (ServiceException ex) {
                errors.show(ex);
            }
        });
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER).listenOn(dialog);
        dialog.add(name);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    /** The secret, once: the dialog shows it until closed, and nothing keeps it afterwards. */
    private void showSecret(Dialog dialog, IssuedServiceCredential issued) {
        dialog.removeAll();
        dialog.getFooter().removeAll();
        SecretDisplay secret = new SecretDisplay(getTranslation("admin.services.secret"), issued.secret());
        dialog.add(secret);
        Button close = new Button(getTranslation("admin.services.dialog.close"), e -> dialog.close());
        close.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(close);
        close.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.services.title");
    }
}
