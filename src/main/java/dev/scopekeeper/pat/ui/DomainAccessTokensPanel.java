package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.pat.DomainTokenRow;
import dev.scopekeeper.pat.DomainTokenService;
import dev.scopekeeper.pat.PatScopeView;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code Access tokens} tab of a domain's settings: every token with a scope in this domain (owner,
 * name, its scopes here only, last use, status). A domain admin selects a token to see its scopes here,
 * removes one scope or revokes the token's access to the domain (both confirmed). Never shows a secret
 * or another domain's scopes. Host it with the domain's id: {@code new DomainAccessTokensPanel(service, id)}.
 */
public class DomainAccessTokensPanel extends VerticalLayout {

    private final DomainTokenService tokens;
    private final long domainId;
    final Grid<DomainTokenRow> grid = new Grid<>();
    final Grid<PatScopeView> scopes = new Grid<>();
    final Button removeScope = new Button();
    final Button revokeAccess = new Button();

    public DomainAccessTokensPanel(DomainTokenService tokens, long domainId) {
        this.tokens = tokens;
        this.domainId = domainId;
        setPadding(false);
        grid.addColumn(DomainTokenRow::ownerName)
                .setHeader(getTranslation("admin.domainTokens.owner"))
                .setKey("owner");
        grid.addColumn(DomainTokenRow::name)
                .setHeader(getTranslation("admin.domainTokens.name"))
                .setKey("name");
        grid.addColumn(r -> r.scopes().stream().map(this::scopeText).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("admin.domainTokens.scopes"))
                .setKey("scopes");
        grid.addColumn(r -> r.lastUsedAt() == null
                        ? getTranslation("admin.tokens.neverUsed")
                        : PatFormat.exact(r.lastUsedAt()))
                .setHeader(getTranslation("admin.domainTokens.lastUsed"));
        grid.addColumn(r -> getTranslation("admin.status." + r.status().wireName()))
                .setHeader(getTranslation("admin.domainTokens.status"))
                .setKey("status");
        grid.setItems(
                q ->
                        tokens
                                .listSlice(
                                        domainId,
                                        q.getOffset(),
                                        Math.max(1, Math.min(q.getLimit(), ListQuery.MAX_LIMIT)))
                                .stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, tokens.count(domainId)));
        grid.addSelectionListener(e -> showSelected());

        scopes.addColumn(PatScopeView::entityType).setHeader(getTranslation("admin.scope.entityType"));
        scopes.addColumn(PatScopeView::operation).setHeader(getTranslation("admin.scope.operation"));
        scopes.addColumn(s -> s.entityName() == null ? s.entity() : s.entityName())
                .setHeader(getTranslation("admin.scope.entity"));
        scopes.setAllRowsVisible(true);
        scopes.addSelectionListener(e -> removeScope.setEnabled(
                selectedToken().isPresent() && e.getFirstSelectedItem().isPresent()));

        removeScope.setText(getTranslation("admin.domainTokens.removeScope"));
        removeScope.addThemeVariants(ButtonVariant.ERROR);
        removeScope.addClickListener(e -> confirmRemoveScope());
        revokeAccess.setText(getTranslation("admin.domainTokens.revokeAccess"));
        revokeAccess.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        revokeAccess.addClickListener(e -> confirmRevokeAccess());
        showSelected();

        add(
                new Paragraph(getTranslation("admin.domainTokens.intro")),
                grid,
                new H3(getTranslation("admin.domainTokens.scopesOfSelected")),
                scopes,
                buttons(removeScope, revokeAccess));
    }

    private static com.vaadin.flow.component.html.Div buttons(com.vaadin.flow.component.Component... buttons) {
        com.vaadin.flow.component.html.Div row = new com.vaadin.flow.component.html.Div(buttons);
        row.addClassName("sk-form-buttons");
        return row;
    }

    private Optional<DomainTokenRow> selectedToken() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void showSelected() {
        Optional<DomainTokenRow> token = selectedToken();
        scopes.setItems(token.map(DomainTokenRow::scopes).orElse(java.util.List.of()));
        revokeAccess.setEnabled(token.isPresent());
        removeScope.setEnabled(false);
    }

    private void confirmRemoveScope() {
        DomainTokenRow token = selectedToken().orElseThrow();
        PatScopeView scope = scopes.getSelectedItems().stream().findFirst().orElseThrow();
        confirm(
                getTranslation("admin.domainTokens.removeScope.title"),
                getTranslation(
                        "admin.domainTokens.removeScope.text", scopeText(scope), token.name(), token.ownerName()),
                getTranslation("admin.domainTokens.removeScope"),
                () -> {
                    tokens.removeScope(domainId, token.patId(), scope.id());
                    Feedback.show(
                            getTranslation("admin.domainTokens.scopeRemoved", token.name()),
                            NotificationVariant.SUCCESS);
                    refresh();
                });
    }

    private void confirmRevokeAccess() {
        DomainTokenRow token = selectedToken().orElseThrow();
        confirm(
                getTranslation("admin.domainTokens.revokeAccess.title"),
                getTranslation(
                        "admin.domainTokens.revokeAccess.text",
                        token.name(),
                        token.ownerName(),
                        token.scopes().size()),
                getTranslation("admin.domainTokens.revokeAccess"),
                () -> {
                    int removed = tokens.revokeDomainAccess(domainId, token.patId());
                    Feedback.show(
                            getTranslation("admin.domainTokens.accessRevoked", token.name(), removed),
                            NotificationVariant.SUCCESS);
                    refresh();
                });
    }

    /** The confirmation of a destructive action; a service refusal becomes an error notification. */
    private void confirm(String title, String text, String confirmText, Runnable action) {
        Feedback.confirm(title, text, confirmText, () -> {
            try {
                action.run();
            } catch (ServiceException ex) {
                new FieldErrors(this::getTranslation).show(ex);
            }
        });
    }

    private void refresh() {
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        showSelected();
    }

    private String scopeText(PatScopeView s) {
        return s.entityType() + ":" + s.operation() + ":" + (s.entityName() == null ? s.entity() : s.entityName());
    }
}
