package dev.scopekeeper.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.pat.PatAdministrationService;
import dev.scopekeeper.pat.PatDetails;
import dev.scopekeeper.pat.PatScopeView;
import dev.scopekeeper.pat.PatStatus;

/** Any token's details, read-only, with Revoke and Delete (both confirmed). Never a secret. */
class AdminTokenDialog extends Dialog {

    private final PatAdministrationService tokens;
    private final long patId;
    private final Runnable onChange;
    final TextField name = readOnly("admin.tokens.name");
    final TextField owner = readOnly("admin.tokens.owner");
    final TextField description = readOnly("admin.tokens.description");
    final TextField status = readOnly("admin.tokens.status");
    final TextField issued = readOnly("admin.tokens.issued");
    final TextField expires = readOnly("admin.tokens.expires");
    final TextField lastUsed = readOnly("admin.tokens.lastUsed");
    final Grid<PatScopeView> scopes = new Grid<>();
    final Button revoke = new Button();
    final Button delete = new Button();

    AdminTokenDialog(PatAdministrationService tokens, long patId, Runnable onChange) {
        this.tokens = tokens;
        this.patId = patId;
        this.onChange = onChange;
        setWidth("min(60rem, 95vw)");
        scopes.addColumn(PatScopeView::domainName).setHeader(getTranslation("admin.scope.domain"));
        scopes.addColumn(PatScopeView::entityType).setHeader(getTranslation("admin.scope.entityType"));
        scopes.addColumn(PatScopeView::operation).setHeader(getTranslation("admin.scope.operation"));
        scopes.addColumn(s -> s.entityName() == null ? s.entity() : s.entityName())
                .setHeader(getTranslation("admin.scope.entity"));
        scopes.setAllRowsVisible(true);
        revoke.setText(getTranslation("admin.tokens.revoke"));
        revoke.addThemeVariants(ButtonVariant.ERROR);
        revoke.addClickListener(e -> AdminDialogs.confirm(
                this,
                getTranslation("admin.tokens.revoke.title"),
                getTranslation("admin.tokens.revoke.text", name.getValue()),
                getTranslation("admin.yes"),
                () -> {
                    show(tokens.revoke(patId));
                    Feedback.show(getTranslation("admin.tokens.revoked", name.getValue()), NotificationVariant.SUCCESS);
                    onChange.run();
                }));
        delete.setText(getTranslation("admin.tokens.delete"));
        delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        delete.addClickListener(e -> AdminDialogs.confirm(
                this,
                getTranslation("admin.tokens.delete.title"),
                getTranslation("admin.tokens.delete.text", name.getValue()),
                getTranslation("admin.tokens.delete"),
                () -> {
                    tokens.delete(patId);
                    Feedback.show(getTranslation("admin.tokens.deleted", name.getValue()), NotificationVariant.SUCCESS);
                    close();
                    onChange.run();
                }));
        add(new FormLayout(name, owner, description, status, issued, expires, lastUsed), scopes);
        getFooter().add(delete, revoke, new Button(getTranslation("admin.close"), e -> close()));
        show(tokens.get(patId));
    }

    private void show(PatDetails pat) {
        setHeaderTitle(getTranslation("admin.tokens.detail.title", pat.name()));
        name.setValue(pat.name());
        owner.setValue(pat.ownerName());
        description.setValue(pat.description());
        status.setValue(getTranslation("admin.status." + pat.status().wireName()));
        issued.setValue(AdminFormat.instant(pat.issuedAt(), ""));
        expires.setValue(AdminFormat.instant(pat.expiresAt(), getTranslation("admin.tokens.never")));
        lastUsed.setValue(AdminFormat.instant(pat.lastUsedAt(), getTranslation("admin.tokens.neverUsed")));
        scopes.setItems(pat.scopes());
        revoke.setEnabled(pat.status() != PatStatus.REVOKED);
    }

    private TextField readOnly(String labelKey) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setReadOnly(true);
        return field;
    }
}
