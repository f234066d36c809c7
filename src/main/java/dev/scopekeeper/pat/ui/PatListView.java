package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
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

/**
 * The PAT table: my tokens, filtered by status (Active by default) and name, sorted by a column,
 * loaded a page at a time. A row (or its View action) opens the detail page.
 */
@Route("pats")
@PermitAll
@Menu(title = "pat.ui.nav", order = 10, icon = "KEY")
class PatListView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    /** {@code /pats?filter=expiring} opens the table filtered to my tokens expiring soon (the header's link). */
    static final String FILTER_PARAMETER = "filter";

    enum Filter {
        ACTIVE, REVOKED, EXPIRED, ALL;

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
    private final PatService pats;
    private final PatFormat format;
    private final FieldErrors errors = new FieldErrors(this::getTranslation);
    private Grid.Column<PatSummary> actionsColumn;

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
        status.setItemLabelGenerator(f -> getTranslation("pat.ui.filter." + f.name().toLowerCase()));
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
        grid.addColumn(PatSummary::name).setHeader(getTranslation("pat.ui.column.name"))
                .setKey("name").setSortProperty(SortBy.NAME.name()).setFlexGrow(2).setAutoWidth(true);
        grid.addColumn(PatSummary::description).setHeader(getTranslation("pat.ui.column.description"))
                .setKey("description").setFlexGrow(3);
        grid.addComponentColumn(p -> format.badge(p.status())).setHeader(getTranslation("pat.ui.column.status"))
                .setKey("status").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(p -> ExpiringSoonMark.expires(format.expires(p.expiresAt()), p, lifecycle)).setHeader(getTranslation("pat.ui.column.expires"))
                .setKey("expires").setSortProperty(SortBy.EXPIRES.name()).setAutoWidth(true);
        grid.addComponentColumn(p -> format.lastUsed(p.lastUsedAt()))
                .setHeader(getTranslation("pat.ui.column.lastUsed")).setKey("lastUsed")
                .setSortProperty(SortBy.LAST_USED.name()).setAutoWidth(true);
        actionsColumn = grid.addComponentColumn(this::rowActions).setHeader(getTranslation("pat.ui.column.actions"))
                .setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setMultiSort(false);
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("name"), SortDirection.ASCENDING)));
        grid.setItems(query -> {
            PatQuery base = query(0, 1, query.getSortOrders());
            if (expiringOnly.isActive()) {
                return Pages.fetch(query.getOffset(), query.getLimit(), lifecycle::listExpiringSoon);
            }
            return Pages.fetch(query.getOffset(), query.getLimit(), (offset, limit) -> pats.list(
                    new PatQuery(base.status(), base.name(), offset, limit, base.sortBy(), base.descending())));
        }, query -> expiringOnly.isActive() ? (int) lifecycle.listExpiringSoon(0, 1).total()
                : (int) Math.min(Integer.MAX_VALUE, pats.list(query(0, 1, query.getSortOrders())).total()));
        grid.addItemClickListener(e -> {
            if (e.getColumn() != actionsColumn) {
                openDetail(e.getItem());
            }
        });

        emptyCreate.setText(getTranslation("pat.ui.create"));
        emptyCreate.setIcon(VaadinIcon.PLUS.create());
        emptyCreate.addClickListener(e -> openCreate());
        Div empty = new Div(new H2(getTranslation("pat.ui.empty.title")),
                new Paragraph(getTranslation("pat.ui.empty.text")), emptyCreate);
        empty.addClassName("sk-empty-state");
        grid.setEmptyStateComponent(empty);
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
        actions.addClassName("sk-row-actions");
        return actions;
    }

    private void openCreate() {
        getUI().ifPresent(ui -> ui.navigate(PatCreateView.class));
    }

    private void openDetail(PatSummary pat) {
        getUI().ifPresent(ui -> ui.navigate(PatDetailView.class, new RouteParameters("id", Long.toString(pat.id()))));
    }

    private void confirmDelete(PatSummary pat) {
        Feedback.confirm(getTranslation("pat.ui.delete.header", pat.name()),
                getTranslation("pat.ui.delete.text", pat.name()), getTranslation("pat.ui.delete"), () -> attempt(() -> {
                    pats.delete(pat.id());
                    Feedback.success("pat.ui.delete.done", pat.name());
                }));
    }

    private void confirmDeleteAll() {
        long total = pats.list(new PatQuery(Optional.empty(), null, 0, 1, SortBy.NAME, false)).total();
        if (total == 0) {
            Notification.show(getTranslation("pat.ui.deleteAll.none"));
            return;
        }
        Feedback.confirm(getTranslation("pat.ui.deleteAll.header"), getTranslation("pat.ui.deleteAll.text", total),
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
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getSingleParameter(FILTER_PARAMETER)
                .filter(ExpiringSoonHeaderItem.FILTER::equals).isPresent()) {
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
