package dev.scopekeeper.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.base.ui.PhoneWidth;
import dev.scopekeeper.pat.PatAdministrationService;
import dev.scopekeeper.security.Credentials;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserAdministrationService;
import dev.scopekeeper.security.UserAdministrationService.NewUser;
import dev.scopekeeper.security.UserAdministrationService.UserQuery;
import dev.scopekeeper.security.UserProfile;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/users}: every user with role, status and token count; create, change role,
 * enable/disable (confirmed) and reset password act on the selected user.
 */
@Route("admin/users")
@RolesAllowed("ADMIN")
@Menu(title = "admin.users.nav", order = 90, icon = "USERS")
class AdminUsersView extends Main implements HasDynamicTitle {

    /** A row: the user and how many tokens they own. */
    record UserRow(UserProfile user, long tokenCount) {}

    /** Status filter values. */
    enum StatusFilter {
        ALL,
        ENABLED,
        DISABLED
    }

    private final UserAdministrationService users;
    private final PatAdministrationService tokens;
    final TextField search = new TextField();
    final Select<Optional<PlatformRole>> role = new Select<>();
    final Select<StatusFilter> status = new Select<>();
    final Grid<UserRow> grid = new Grid<>();
    final Button create = new Button();
    final Button changeRole = new Button();
    final Button toggleEnabled = new Button();
    final Button resetPassword = new Button();

    AdminUsersView(UserAdministrationService users, PatAdministrationService tokens) {
        this.users = users;
        this.tokens = tokens;
        addClassName("sk-page");

        search.setLabel(getTranslation("admin.users.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        role.setLabel(getTranslation("admin.users.role"));
        role.setItems(Optional.empty(), Optional.of(PlatformRole.ADMIN), Optional.of(PlatformRole.USER));
        role.setItemLabelGenerator(r -> r.map(this::roleLabel).orElse(getTranslation("admin.filter.all")));
        role.setValue(Optional.empty());
        role.addValueChangeListener(e -> refresh());
        status.setLabel(getTranslation("admin.users.status"));
        status.setItems(StatusFilter.values());
        status.setItemLabelGenerator(
                s -> getTranslation("admin.users.status." + s.name().toLowerCase()));
        status.setValue(StatusFilter.ALL);
        status.addValueChangeListener(e -> refresh());

        Grid.Column<UserRow> username = grid.addColumn(r -> r.user().username())
                .setHeader(getTranslation("admin.users.username"))
                .setKey("username");
        Grid.Column<UserRow> displayName =
                grid.addColumn(r -> r.user().displayName()).setHeader(getTranslation("admin.users.displayName"));
        Grid.Column<UserRow> email =
                grid.addColumn(r -> r.user().email()).setHeader(getTranslation("admin.users.email"));
        Grid.Column<UserRow> roleColumn = grid.addColumn(r -> roleLabel(r.user().role()))
                .setHeader(getTranslation("admin.users.role"))
                .setKey("role");
        // at phone width one compact column names the user and their role, so Status and Tokens stay on screen
        Grid.Column<UserRow> user = grid.addComponentColumn(this::userCell)
                .setHeader(getTranslation("admin.users.user"))
                .setKey("user")
                .setFlexGrow(1);
        grid.addColumn(r -> getTranslation(
                        r.user().enabled() ? "admin.users.status.enabled" : "admin.users.status.disabled"))
                .setHeader(getTranslation("admin.users.status"))
                .setKey("status");
        grid.addColumn(UserRow::tokenCount)
                .setHeader(getTranslation("admin.users.tokens"))
                .setKey("tokens");
        PhoneWidth.columns(this, List.of(username, displayName, email, roleColumn), List.of(user));
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()).items().stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, users.list(query(0, 1)).total()));
        grid.addSelectionListener(e -> updateButtons());

        create.setText(getTranslation("admin.users.create"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> openCreateDialog());
        changeRole.addClickListener(e -> selected().ifPresent(this::confirmRoleChange));
        toggleEnabled.addClickListener(e -> selected().ifPresent(this::confirmToggle));
        resetPassword.setText(getTranslation("admin.users.resetPassword"));
        resetPassword.addClickListener(e -> selected().ifPresent(this::openResetDialog));
        updateButtons();

        // toolbars that wrap, so the page never scrolls sideways at phone width
        com.vaadin.flow.component.html.Div filters = new com.vaadin.flow.component.html.Div(search, role, status);
        filters.addClassName("sk-toolbar-filters");
        com.vaadin.flow.component.html.Div actions =
                new com.vaadin.flow.component.html.Div(create, changeRole, toggleEnabled, resetPassword);
        actions.addClassName("sk-toolbar-actions");
        grid.addClassName("sk-admin-grid");
        add(new H1(getTranslation("admin.users.title")), filters, actions, grid);
    }

    /** The phone width's User cell: the username, and the role beneath it. */
    private Div userCell(UserRow row) {
        Span name = new Span(row.user().username());
        Span role = new Span(roleLabel(row.user().role()));
        role.addClassName("sk-muted");
        Div cell = new Div(name, role);
        cell.addClassName("sk-grid-stack");
        return cell;
    }

    private UserQuery query(int offset, int limit) {
        return new UserQuery(
                search.getValue(),
                role.getValue().orElse(null),
                switch (status.getValue()) {
                    case ALL -> null;
                    case ENABLED -> true;
                    case DISABLED -> false;
                },
                offset,
                Math.max(1, Math.min(limit, 100)));
    }

    private ListResult<UserRow> fetch(int offset, int limit) {
        ListResult<UserProfile> page = users.list(query(offset, limit));
        Map<Long, Long> counts =
                tokens.tokenCounts(page.items().stream().map(UserProfile::id).toList());
        return new ListResult<>(
                page.total(),
                page.offset(),
                page.limit(),
                page.items().stream()
                        .map(u -> new UserRow(u, counts.getOrDefault(u.id(), 0L)))
                        .toList());
    }

    private Optional<UserProfile> selected() {
        return grid.getSelectedItems().stream().findFirst().map(UserRow::user);
    }

    private void updateButtons() {
        Optional<UserProfile> user = selected();
        changeRole.setEnabled(user.isPresent());
        toggleEnabled.setEnabled(user.isPresent());
        resetPassword.setEnabled(user.isPresent());
        changeRole.setText(getTranslation(
                user.filter(UserProfile::isAdmin).isPresent() ? "admin.users.makeUser" : "admin.users.makeAdmin"));
        toggleEnabled.setText(getTranslation(
                user.filter(u -> !u.enabled()).isPresent() ? "admin.users.enable" : "admin.users.disable"));
    }

    private void refresh() {
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        updateButtons();
    }

    private void confirmRoleChange(UserProfile user) {
        PlatformRole next = user.isAdmin() ? PlatformRole.USER : PlatformRole.ADMIN;
        ConfirmDialog dialog = new ConfirmDialog(
                getTranslation("admin.users.changeRole.title"),
                getTranslation("admin.users.changeRole.text", user.username(), roleLabel(next)),
                getTranslation("admin.users.changeRole.confirm"),
                e -> act(() -> users.changeRole(user.id(), next), "admin.users.roleChanged", user.username()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("admin.cancel"));
        dialog.open();
    }

    private void confirmToggle(UserProfile user) {
        boolean disable = user.enabled();
        ConfirmDialog dialog = new ConfirmDialog(
                getTranslation(disable ? "admin.users.disable.title" : "admin.users.enable.title"),
                getTranslation(disable ? "admin.users.disable.text" : "admin.users.enable.text", user.username()),
                getTranslation(disable ? "admin.users.disable" : "admin.users.enable"),
                e -> act(
                        () -> {
                            if (disable) {
                                users.disable(user.id());
                            } else {
                                users.enable(user.id());
                            }
                        },
                        disable ? "admin.users.disabled" : "admin.users.enabled",
                        user.username()));
        if (disable) {
            dialog.setConfirmButtonTheme("error primary");
        }
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("admin.cancel"));
        dialog.open();
    }

    private void act(Runnable action, String successKey, String username) {
        try {
            action.run();
            Feedback.show(getTranslation(successKey, username), NotificationVariant.SUCCESS);
            refresh();
        } catch (ServiceException e) {
            new FieldErrors(this::getTranslation).show(e);
        }
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.users.create.title"));
        TextField username = new TextField(getTranslation("admin.users.username"));
        EmailField email = new EmailField(getTranslation("admin.users.email"));
        PasswordField password = new PasswordField(getTranslation("admin.users.initialPassword"));
        password.setHelperText(getTranslation("setup.password.help", Credentials.PASSWORD_MIN));
        Select<PlatformRole> newRole = new Select<>();
        newRole.setLabel(getTranslation("admin.users.role"));
        newRole.setItems(PlatformRole.USER, PlatformRole.ADMIN);
        newRole.setItemLabelGenerator(this::roleLabel);
        newRole.setValue(PlatformRole.USER);
        FieldErrors errors = new FieldErrors(this::getTranslation)
                .bind("username", username)
                .bind("email", email)
                .bind("password", password)
                .bind("role", newRole);
        Button save = new Button(getTranslation("admin.users.create.save"), e -> {
            errors.clear();
            try {
                UserProfile created = users.create(
                        new NewUser(username.getValue(), email.getValue(), password.getValue(), newRole.getValue()));
                dialog.close();
                Feedback.show(getTranslation("admin.users.created", created.username()), NotificationVariant.SUCCESS);
                refresh();
            } catch (ServiceException ex) {
                errors.show(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(new FormLayout(username, email, password, newRole));
        dialog.getFooter().add(new Button(getTranslation("admin.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openResetDialog(UserProfile user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.users.resetPassword.title", user.username()));
        PasswordField password = new PasswordField(getTranslation("admin.users.newPassword"));
        password.setHelperText(getTranslation("setup.password.help", Credentials.PASSWORD_MIN));
        FieldErrors errors = new FieldErrors(this::getTranslation).bind("password", password);
        Button save = new Button(getTranslation("admin.users.resetPassword.save"), e -> {
            errors.clear();
            try {
                users.resetPassword(user.id(), password.getValue());
                dialog.close();
                Feedback.show(
                        getTranslation("admin.users.passwordReset", user.username()), NotificationVariant.SUCCESS);
            } catch (ServiceException ex) {
                errors.show(ex);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(password);
        dialog.getFooter().add(new Button(getTranslation("admin.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private String roleLabel(PlatformRole r) {
        return getTranslation("admin.role." + r.name().toLowerCase());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.users.title");
    }
}
