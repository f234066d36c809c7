package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.base.ui.HiddenHeader;
import dev.scopekeeper.base.ui.PhoneWidth;
import dev.scopekeeper.pat.PatLifecycleService;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.PatQuery;
import dev.scopekeeper.pat.PatService.SortBy;
import dev.scopekeeper.pat.PatStatus;
import dev.scopekeeper.pat.PatSummary;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The PAT table: my tokens, filtered by status (Active by default) and name, sorted by a column,
 * loaded a page at a time. A row (or its View action) opens the detail page.
 */
@Route("pats")
@PermitAll
@Menu(title = "pat.ui.nav", order = 30, icon = "KEY")
class PatListView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    /** {@code /pats?filter=expiring} opens the table filtered to my tokens expiring soon (the header's link). */
    static final String FILTER_PARAMETER = "filter";

    enum Filter {
        ACTIVE,
        REVOKED,
        EXPIRED,
        ALL;

        Optional<PatStatus> status() {
            return this == ALL ? Optional.empty() : Optional.of(PatStatus.valueOf(name()));
        }
    }

    final Button create = new Button();
    final Select<Filter> status = new Select<>();
    final TextField search = new TextField();
    final Button deleteAll = new Button();

    final Grid<PatSummary> grid = new Grid<>();
    final Button emptyCreate = new Button();
    final H2 emptyTitle = new H2();
    final Paragraph emptyText = new Paragraph();
    final Button emptyShowAll = new Button();
    /** The Flow key of the row whose cell a key press came from (the grid connector sets {@code _item}). */
    private static final String ROW_KEY =
            "event.composedPath()[0].parentElement._item" + " ? event.composedPath()[0].parentElement._item.key : null";

    private final PatService pats;
    private final PatFormat format;
    private final FieldErrors errors = new FieldErrors(this::getTranslation);
    private Grid.Column<PatSummary> actionsColumn;
    private Grid.Column<PatSummary> phoneActionsColumn;

    private final PatLifecycleService lifecycle;
    /** The header's link: only my active tokens expiring within 7 days, until the status filter is changed. */
    final ExpiringSoonMark.Filter expiringOnly = new ExpiringSoonMark.Filter(this::showAll);

    PatListView(PatService pats, Clock clock, PatLifecycleService lifecycle) {
        this.pats = pats;
        this.lifecycle = lifecycle;
        this.format = new PatFormat(clock, this::getTranslation);
        addClassNames("sk-page", "sk-pat-list");

        create.setText(getTranslation("pat.ui.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> openCreate());

        status.setLabel(getTranslation("pat.ui.filter.status"));
        status.setItems(Filter.values());
        status.setItemLabelGenerator(
                f -> getTranslation("pat.ui.filter." + f.name().toLowerCase()));
        status.setValue(Filter.ACTIVE);
        status.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                expiringOnly.setActive(false);
            }
            grid.getDataProvider().refreshAll();
        });

        search.setLabel(getTranslation("pat.ui.filter.name"));
        search.setPlaceholder(getTranslation("pat.ui.filter.namePlaceholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        deleteAll.setText(getTranslation("pat.ui.deleteAll"));
        deleteAll.setIcon(VaadinIcon.TRASH.create());
        deleteAll.addThemeVariants(ButtonVariant.ERROR);
        deleteAll.addClickListener(e -> confirmDeleteAll());

        configureGrid();

        Div filters = new Div(status, search);
        filters.addClassName("sk-toolbar-filters");
        Div actions = new Div(create, deleteAll);
        actions.addClassName("sk-toolbar-actions");
        Div toolbar = new Div(filters, actions);
        toolbar.addClassName("sk-toolbar");
        Paragraph intro = new Paragraph(getTranslation("pat.ui.list.intro"));
        intro.addClassName("sk-muted");
        add(new H1(getTranslation("pat.ui.list.title")), intro, toolbar, expiringOnly, grid);
    }

    private void configureGrid() {
        grid.addClassName("sk-pat-grid");
        grid.setAriaLabel(getTranslation("pat.ui.list.title"));
        grid.addColumn(PatSummary::name)
                .setHeader(getTranslation("pat.ui.column.name"))
                .setKey("name")
                .setSortProperty(SortBy.NAME.name())
                .setFlexGrow(2)
                .setWidth("10rem")
                .setTooltipGenerator(PatSummary::name);
        Grid.Column<PatSummary> descriptionColumn = grid.addColumn(PatSummary::description)
                .setHeader(getTranslation("pat.ui.column.description"))
                .setKey("description")
                .setFlexGrow(3)
                .setWidth("10rem")
                .setTooltipGenerator(PatSummary::description);
        grid.addComponentColumn(p -> format.badge(p.status()))
                .setHeader(getTranslation("pat.ui.column.status"))
                .setKey("status")
                .setWidth("7.5rem")
                .setFlexGrow(0);
        Grid.Column<PatSummary> expiresColumn = grid.addComponentColumn(p -> p.status() == PatStatus.REVOKED
                        ? format.revoked(p.revokedAt())
                        : ExpiringSoonMark.expires(format.expires(p.expiresAt()), p, lifecycle))
                .setHeader(getTranslation("pat.ui.column.expires"))
                .setKey("expires")
                .setSortProperty(SortBy.EXPIRES.name())
                .setAutoWidth(true);
        Grid.Column<PatSummary> lastUsedColumn = grid.addComponentColumn(p -> format.lastUsed(p.lastUsedAt()))
                .setHeader(getTranslation("pat.ui.column.lastUsed"))
                .setKey("lastUsed")
                .setSortProperty(SortBy.LAST_USED.name())
                .setAutoWidth(true);
        actionsColumn = grid.addComponentColumn(this::rowActions)
                .setHeader(getTranslation("pat.ui.column.actions"))
                .setKey("actions")
                // a set width, not auto: the row menu renders its button after the grid measured the column, so
                // an auto width left it squeezed past the table's edge (View, Delete and the menu fit in 13rem)
                .setWidth("13rem")
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        // at phone width the row's actions are one menu button (View, Delete, Revoke Access)
        phoneActionsColumn = grid.addComponentColumn(this::rowMenu)
                .setKey("phoneActions")
                .setWidth("3.5rem")
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        phoneActionsColumn.setHeader(new HiddenHeader("pat.ui.column.actions"));
        grid.setMultiSort(false);
        // The pinned column order (Name, Description, Status, …) stays; at phone width the description, expiry and
        // last-used columns give way and the actions fold into one menu button, so name and status badge are on
        // screen without scrolling the table sideways (the journeys' layout check holds each column whole in view).
        PhoneWidth.columns(
                this,
                List.of(descriptionColumn, expiresColumn, lastUsedColumn, actionsColumn),
                List.of(phoneActionsColumn));
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("name"), SortDirection.ASCENDING)));
        // No total: the table pages on as the user scrolls (a Slice per page, no COUNT of my tokens); the empty
        // state is described when the first page comes back empty.
        grid.setItems(query -> {
            List<PatSummary> rows = expiringOnly.isActive()
                    ? Pages.fetch(query.getOffset(), query.getLimit(), lifecycle::listExpiringSoon)
                            .toList()
                    : Pages.slices(
                                    query.getOffset(),
                                    query.getLimit(),
                                    (offset, limit) -> pats.listSlice(query(offset, limit, query.getSortOrders())))
                            .toList();
            if (query.getOffset() == 0) {
                if (rows.isEmpty()) {
                    describeEmptyState();
                } else {
                    deleteAll.setEnabled(true);
                }
            }
            return rows.stream();
        });
        grid.addItemClickListener(e -> {
            if (e.getColumn() != actionsColumn && e.getColumn() != phoneActionsColumn) {
                openDetail(e.getItem());
            }
        });

        emptyCreate.setText(getTranslation("pat.ui.create"));
        emptyCreate.setIcon(VaadinIcon.PLUS.create());
        emptyCreate.addClickListener(e -> openCreate());
        emptyShowAll.setText(getTranslation("pat.ui.empty.showAll"));
        emptyShowAll.addClickListener(e -> {
            search.clear();
            status.setValue(Filter.ALL);
        });
        Div emptyButtons = new Div(emptyShowAll, emptyCreate);
        emptyButtons.addClassName("sk-form-buttons");
        Div empty = new Div(emptyTitle, emptyText, emptyButtons);
        empty.addClassName("sk-empty-state");
        grid.setEmptyStateComponent(empty);
        describeEmptyState();

        // Enter on a row (a cell, not a button in it) opens it, as a click does. The row's item key travels
        // with the key press itself: the grid reports cell focus a frame later, so a remembered focus could
        // still be empty (or the previous row) when a quick Enter arrives.
        grid.getElement()
                .addEventListener("keydown", e -> {
                    JsonNode key = e.getEventData().get(ROW_KEY);
                    PatSummary item = key == null || !key.isString()
                            ? null
                            : grid.getDataCommunicator().getKeyMapper().get(key.asString());
                    if (item != null) {
                        openDetail(item);
                    }
                })
                .addEventData(ROW_KEY)
                .setFilter("event.key === 'Enter' && event.composedPath()[0].localName === 'td'");
    }

    /**
     * Says what is true when no row shows: nothing matches the search, no token of this status (with the
     * counts of the others and a way to show them), or no token at all. Delete All is offered only when
     * there is something to delete.
     */
    private void describeEmptyState() {
        long all = countOf(Optional.empty());
        deleteAll.setEnabled(all > 0);
        emptyShowAll.setVisible(false);
        emptyCreate.setVisible(true);
        String name = search.getValue() == null ? "" : search.getValue().strip();
        Filter filter = status.getValue() == null ? Filter.ACTIVE : status.getValue();
        if (all == 0) {
            emptyTitle.setText(getTranslation("pat.ui.empty.title"));
            emptyText.setText(getTranslation("pat.ui.empty.text"));
        } else if (!name.isEmpty()) {
            emptyTitle.setText(getTranslation("pat.ui.empty.noMatch", name));
            emptyText.setText(getTranslation("pat.ui.empty.noMatchText"));
            emptyShowAll.setVisible(true);
            emptyCreate.setVisible(false);
        } else {
            emptyTitle.setText(getTranslation(
                    "pat.ui.empty.noneOfStatus",
                    getTranslation("pat.ui.filter." + filter.name().toLowerCase())
                            .toLowerCase()));
            emptyText.setText(getTranslation(
                    "pat.ui.empty.counts",
                    countOf(Optional.of(PatStatus.ACTIVE)),
                    countOf(Optional.of(PatStatus.REVOKED)),
                    countOf(Optional.of(PatStatus.EXPIRED))));
            emptyShowAll.setVisible(filter != Filter.ALL);
        }
    }

    private long countOf(Optional<PatStatus> of) {
        return pats.list(new PatQuery(of, null, 0, 1, SortBy.NAME, false)).total();
    }

    private PatQuery query(int offset, int limit, List<QuerySortOrder> sortOrders) {
        SortBy sortBy = SortBy.NAME;
        boolean descending = false;
        if (!sortOrders.isEmpty()) {
            sortBy = SortBy.valueOf(sortOrders.getFirst().getSorted());
            descending = sortOrders.getFirst().getDirection() == SortDirection.DESCENDING;
        }
        Filter filter = status.getValue() == null ? Filter.ACTIVE : status.getValue();
        return new PatQuery(filter.status(), search.getValue(), offset, limit, sortBy, descending);
    }

    private Div rowActions(PatSummary pat) {
        Button view = new Button(getTranslation("pat.ui.view"));
        view.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        view.addClickListener(e -> openDetail(pat));
        Button delete = new Button(getTranslation("pat.ui.delete"));
        delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL, ButtonVariant.ERROR);
        delete.addClickListener(e -> confirmDelete(pat));
        Div actions = new Div(view, delete);
        if (pat.status() == PatStatus.ACTIVE) {
            // Motadata's row menu: "Revoke Access", answered with Yes
            MenuBar more = new MenuBar();
            more.addThemeVariants(MenuBarVariant.TERTIARY, MenuBarVariant.SMALL);
            MenuItem root = more.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
            root.setAriaLabel(getTranslation("pat.ui.moreActions", pat.name()));
            root.getSubMenu().addItem(getTranslation("pat.ui.revokeAccess"), e -> confirmRevoke(pat));
            more.setTooltipText(root, getTranslation("pat.ui.moreActions", pat.name()));
            actions.add(more);
        }
        actions.addClassName("sk-row-actions");
        return actions;
    }

    /** The phone width's row actions: one menu button holding View, Delete and (for an active token) Revoke Access. */
    private MenuBar rowMenu(PatSummary pat) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.TERTIARY, MenuBarVariant.SMALL);
        menu.addClassName("sk-row-menu");
        MenuItem root = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        root.setAriaLabel(getTranslation("pat.ui.rowActions", pat.name()));
        menu.setTooltipText(root, getTranslation("pat.ui.rowActions", pat.name()));
        root.getSubMenu().addItem(getTranslation("pat.ui.view"), e -> openDetail(pat));
        root.getSubMenu().addItem(getTranslation("pat.ui.delete"), e -> confirmDelete(pat));
        if (pat.status() == PatStatus.ACTIVE) {
            root.getSubMenu().addItem(getTranslation("pat.ui.revokeAccess"), e -> confirmRevoke(pat));
        }
        return menu;
    }

    private void openCreate() {
        getUI().ifPresent(ui -> ui.navigate(PatCreateView.class));
    }

    private void openDetail(PatSummary pat) {
        getUI().ifPresent(ui -> ui.navigate(PatDetailView.class, new RouteParameters("id", Long.toString(pat.id()))));
    }

    private void confirmDelete(PatSummary pat) {
        Feedback.confirm(
                getTranslation("pat.ui.delete.header", pat.name()),
                getTranslation("pat.ui.delete.text", pat.name()),
                getTranslation("pat.ui.delete"),
                () -> attempt(() -> {
                    pats.delete(pat.id());
                    Feedback.success("pat.ui.delete.done", pat.name());
                }));
    }

    private void confirmRevoke(PatSummary pat) {
        Feedback.confirm(
                getTranslation("pat.ui.revoke.header", pat.name()),
                getTranslation("pat.ui.revoke.text"),
                getTranslation("pat.ui.yes"),
                getTranslation("pat.ui.no"),
                () -> attempt(() -> {
                    pats.revoke(pat.id());
                    Feedback.success("pat.ui.revoke.done", pat.name());
                }));
    }

    private void confirmDeleteAll() {
        long total = pats.list(new PatQuery(Optional.empty(), null, 0, 1, SortBy.NAME, false))
                .total();
        if (total == 0) {
            Feedback.show(getTranslation("pat.ui.deleteAll.none"), null);
            return;
        }
        Feedback.confirm(
                getTranslation("pat.ui.deleteAll.header"),
                getTranslation("pat.ui.deleteAll.text", total),
                getTranslation("pat.ui.deleteAll"),
                () -> attempt(() -> Feedback.success("pat.ui.deleteAll.done", pats.deleteAll())));
    }

    /** Runs a change, shows a refusal readably, and reloads the grid either way. */
    private void attempt(Runnable change) {
        try {
            change.run();
        } catch (ServiceException ex) {
            errors.show(ex);
        }
        grid.getDataProvider().refreshAll();
        grid.focus(); // focus stays in the table, not on the page body
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation()
                .getQueryParameters()
                .getSingleParameter(FILTER_PARAMETER)
                .filter(ExpiringSoonHeaderItem.FILTER::equals)
                .isPresent()) {
            status.setValue(Filter.ACTIVE);
            expiringOnly.setActive(true);
            grid.getDataProvider().refreshAll();
        }
    }

    private void showAll() {
        expiringOnly.setActive(false);
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pat.ui.list.title");
    }
}
