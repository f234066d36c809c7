package dev.scopekeeper.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.base.ui.PhoneWidth;
import dev.scopekeeper.domains.DomainService;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.pat.AdminPatRow;
import dev.scopekeeper.pat.PatAdministrationService;
import dev.scopekeeper.pat.PatAdministrationService.AdminPatQuery;
import dev.scopekeeper.pat.PatStatus;
import dev.scopekeeper.security.UserAdministrationService;
import dev.scopekeeper.security.UserAdministrationService.UserQuery;
import dev.scopekeeper.security.UserProfile;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;

/**
 * {@code /admin/tokens}: every token of every user, filtered by owner, status, expiry, use and domain;
 * select several to revoke them at once (confirmed, naming the count), or open one read-only.
 */
@Route("admin/tokens")
@RolesAllowed("ADMIN")
@Menu(title = "admin.tokens.nav", order = 91, icon = "KEY")
class AdminTokensView extends Main implements HasDynamicTitle {

    private final PatAdministrationService tokens;
    final ComboBox<UserProfile> owner = new ComboBox<>();
    final Select<Optional<PatStatus>> status = new Select<>();
    final IntegerField expiresWithin = new IntegerField();
    final Checkbox neverExpires = new Checkbox();
    final IntegerField unusedFor = new IntegerField();
    final ComboBox<DomainView> domain = new ComboBox<>();
    final TextField name = new TextField();
    final Grid<AdminPatRow> grid = new Grid<>();
    final Button revokeSelected = new Button();
    private final FieldErrors filterErrors;

    AdminTokensView(PatAdministrationService tokens, UserAdministrationService users, DomainService domains) {
        this.tokens = tokens;
        addClassName("sk-page");

        owner.setLabel(getTranslation("admin.tokens.owner"));
        owner.setItemLabelGenerator(UserProfile::username);
        owner.setItems(query -> users
                .list(new UserQuery(
                        query.getFilter().orElse(null),
                        null,
                        null,
                        query.getOffset(),
                        Math.min(query.getLimit(), ListQuery.MAX_LIMIT)))
                .items()
                .stream());
        owner.setClearButtonVisible(true);
        status.setLabel(getTranslation("admin.tokens.status"));
        status.setItems(
                Optional.empty(),
                Optional.of(PatStatus.ACTIVE),
                Optional.of(PatStatus.REVOKED),
                Optional.of(PatStatus.EXPIRED));
        status.setItemLabelGenerator(s -> s.map(this::statusLabel).orElse(getTranslation("admin.filter.all")));
        status.setValue(Optional.empty());
        expiresWithin.setLabel(getTranslation("admin.tokens.expiresWithin"));
        expiresWithin.setMin(0);
        expiresWithin.setClearButtonVisible(true);
        neverExpires.setLabel(getTranslation("admin.tokens.neverExpires"));
        unusedFor.setLabel(getTranslation("admin.tokens.unusedFor"));
        unusedFor.setMin(0);
        unusedFor.setClearButtonVisible(true);
        domain.setLabel(getTranslation("admin.tokens.domain"));
        domain.setItemLabelGenerator(DomainView::name);
        domain.setItems(query -> domains
                .list(new ListQuery(
                        query.getOffset(),
                        Math.min(query.getLimit(), ListQuery.MAX_LIMIT),
                        query.getFilter().orElse(null),
                        null,
                        null))
                .items()
                .stream());
        domain.setClearButtonVisible(true);
        name.setLabel(getTranslation("admin.tokens.name"));
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.setClearButtonVisible(true);
        owner.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        expiresWithin.addValueChangeListener(e -> refresh());
        neverExpires.addValueChangeListener(e -> refresh());
        unusedFor.addValueChangeListener(e -> refresh());
        domain.addValueChangeListener(e -> refresh());
        name.addValueChangeListener(e -> refresh());
        filterErrors = new FieldErrors(this::getTranslation)
                .bind("expires_within_days", expiresWithin)
                .bind("unused_for_days", unusedFor);

        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        // a lazy grid hides the select-all checkbox, which leaves the checkbox column's header empty: a hidden
        // "Select" names the column for screen readers (the column's own header renderer, as HiddenHeader does)
        grid.addAttachListener(attach -> grid.getElement().executeJs("""
                const column = this.querySelector('vaadin-grid-flow-selection-column');
                if (!column) return;
                column.headerRenderer = (root) => {
                  if (root.querySelector('.sk-visually-hidden')) return;
                  const name = document.createElement('span');
                  name.className = 'sk-visually-hidden';
                  name.textContent = $0;
                  root.appendChild(name);
                };""", getTranslation("admin.tokens.select")));
        grid.addColumn(AdminPatRow::name)
                .setHeader(getTranslation("admin.tokens.name"))
                .setKey("name");
        grid.addColumn(AdminPatRow::ownerName)
                .setHeader(getTranslation("admin.tokens.owner"))
                .setKey("owner");
        grid.addColumn(r -> statusLabel(r.status()))
                .setHeader(getTranslation("admin.tokens.status"))
                .setKey("status");
        Grid.Column<AdminPatRow> expires = grid.addColumn(
                        r -> AdminFormat.instant(r.expiresAt(), getTranslation("admin.tokens.never")))
                .setHeader(getTranslation("admin.tokens.expires"));
        Grid.Column<AdminPatRow> lastUsed = grid.addColumn(
                        r -> AdminFormat.instant(r.lastUsedAt(), getTranslation("admin.tokens.neverUsed")))
                .setHeader(getTranslation("admin.tokens.lastUsed"));
        Grid.Column<AdminPatRow> scopes =
                grid.addColumn(AdminPatRow::scopeCount).setHeader(getTranslation("admin.tokens.scopes"));
        // at phone width name, owner and status stay on screen; the rest is on the token's dialog
        PhoneWidth.hideColumns(this, expires, lastUsed, scopes);
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setItems(
                query -> {
                    try {
                        return tokens.listSlice(query(query.getOffset(), query.getLimit())).stream();
                    } catch (ServiceException e) {
                        return java.util.stream.Stream.empty();
                    }
                },
                query -> {
                    try {
                        return (int) Math.min(Integer.MAX_VALUE, tokens.count(query(0, 1)));
                    } catch (ServiceException e) {
                        return 0;
                    }
                });
        grid.addSelectionListener(e -> updateRevokeButton());

        revokeSelected.addThemeVariants(ButtonVariant.ERROR);
        revokeSelected.addClickListener(e -> confirmBulkRevoke());
        updateRevokeButton();

        HorizontalLayout filters =
                new HorizontalLayout(owner, status, expiresWithin, neverExpires, unusedFor, domain, name);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H1(getTranslation("admin.tokens.title")), filters, revokeSelected, grid);
    }

    AdminPatQuery query(int offset, int limit) {
        return new AdminPatQuery(
                owner.getValue() == null ? null : owner.getValue().id(),
                status.getValue(),
                expiresWithin.getValue(),
                neverExpires.getValue(),
                unusedFor.getValue(),
                domain.getValue() == null ? null : domain.getValue().id(),
                name.getValue(),
                offset,
                Math.max(1, Math.min(limit, ListQuery.MAX_LIMIT)));
    }

    void refresh() {
        filterErrors.clear();
        try {
            tokens.list(query(0, 1));
        } catch (ServiceException e) {
            filterErrors.show(e);
        }
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        updateRevokeButton();
    }

    private void updateRevokeButton() {
        int count = grid.getSelectedItems().size();
        revokeSelected.setText(getTranslation("admin.tokens.revokeSelected", count));
        revokeSelected.setEnabled(count > 0);
    }

    private void confirmBulkRevoke() {
        List<Long> ids = grid.getSelectedItems().stream().map(AdminPatRow::id).toList();
        AdminDialogs.confirm(
                this,
                getTranslation("admin.tokens.bulkRevoke.title"),
                getTranslation("admin.tokens.bulkRevoke.text", ids.size()),
                getTranslation("admin.tokens.bulkRevoke.confirm", ids.size()),
                () -> {
                    int revoked = tokens.revokeAll(ids);
                    Feedback.show(getTranslation("admin.tokens.revokedCount", revoked), NotificationVariant.SUCCESS);
                    refresh();
                });
    }

    private void open(long patId) {
        try {
            new AdminTokenDialog(tokens, patId, this::refresh).open();
        } catch (ServiceException e) {
            new FieldErrors(this::getTranslation).show(e);
            refresh();
        }
    }

    private String statusLabel(PatStatus s) {
        return getTranslation("admin.status." + s.wireName());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.tokens.title");
    }
}
