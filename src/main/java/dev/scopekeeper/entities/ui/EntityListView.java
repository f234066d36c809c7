package dev.scopekeeper.entities.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.NoDomainNotice;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.domains.DomainView;
import java.util.List;

/**
 * The list screen of clients, channels or groups in the current domain: a lazy grid with name search and a
 * status filter, and a Create dialog. Translation keys start with the screen's prefix ({@code clientList} …).
 */
abstract class EntityListView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    protected final CurrentDomainService currentDomain;
    private final String prefix;
    private final boolean platformAdmin;
    private final boolean withDescription;
    final TextField search = new TextField();
    final Select<Status> status = new Select<>();
    final Button create = new Button();
    final Grid<Item> grid = new Grid<>();
    private final Div content = new Div();
    protected DomainView domain;

    EntityListView(CurrentDomainService currentDomain, boolean platformAdmin, String prefix, boolean withDescription) {
        this.currentDomain = currentDomain;
        this.prefix = prefix;
        this.platformAdmin = platformAdmin;
        this.withDescription = withDescription;
        addClassName("sk-page");

        search.setLabel(getTranslation("entityList.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        status.setLabel(getTranslation("entityList.status"));
        status.setItems(Status.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("entityList.status.all"));
        status.setItemLabelGenerator(
                s -> s == null ? getTranslation("entityList.status.all") : getTranslation("status." + s.wireName()));
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        create.setText(getTranslation(prefix + ".create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> openCreateDialog());

        grid.addComponentColumn(item -> new Anchor(route() + "/" + item.id(), item.name()))
                .setHeader(getTranslation("entityList.name"))
                .setFlexGrow(2);
        if (withDescription) {
            grid.addColumn(Item::description)
                    .setHeader(getTranslation("entityList.description"))
                    .setFlexGrow(2);
        }
        grid.addColumn(item -> String.join(", ", item.tags())).setHeader(getTranslation("entityList.tags"));
        grid.addColumn(item -> getTranslation("status." + item.status().wireName()))
                .setHeader(getTranslation("entityList.status"));
        grid.addThemeVariants(GridVariant.NO_BORDER);
        grid.setAriaLabel(getTranslation(prefix + ".title"));
        grid.addItemClickListener(e ->
                getUI().ifPresent(ui -> ui.navigate(route() + "/" + e.getItem().id())));
        grid.addClassName("sk-grid");

        Div toolbar = new Div(search, status, create);
        toolbar.addClassName("sk-toolbar");
        content.add(toolbar, grid);
        content.addClassName("sk-list");
        add(new H1(getTranslation(prefix + ".title")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        domain = currentDomain.currentDomain().orElse(null);
        removeAll();
        add(new H1(getTranslation(prefix + ".title")));
        if (domain == null) {
            add(new NoDomainNotice(platformAdmin));
            return;
        }
        create.setVisible(domain.myRole() != null && domain.myRole().atLeast(DomainRole.EDITOR));
        long domainId = domain.id();
        grid.setItems(
                query -> Feedback.fetch(
                        query.getOffset(), query.getLimit(), (offset, limit) -> list(domainId, query(offset, limit))),
                query -> (int) list(domainId, query(0, 1)).total());
        add(content);
    }

    private ListQuery query(int offset, int limit) {
        return new ListQuery(
                offset, limit, search.getValue().isBlank() ? null : search.getValue(), null, status.getValue());
    }

    abstract ListResult<Item> list(long domainId, ListQuery query);

    /** Creates the entity; may show more (a client's secret). */
    abstract void create(long domainId, String name, String description, List<String> tags);

    /** The list's route; the detail page is {@code route/{id}}. */
    abstract String route();

    private void openCreateDialog() {
        new CreateDialog(getTranslation(prefix + ".createTitle"), withDescription, (name, description, tags) -> {
                    create(domain.id(), name, description, tags);
                    Feedback.success(prefix + ".created", name.strip());
                    grid.getDataProvider().refreshAll();
                })
                .open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation(prefix + ".pageTitle");
    }

    /** What the create dialog calls; a ServiceException is shown at its field. */
    interface Creation {
        void create(String name, String description, List<String> tags) throws ServiceException;
    }
}
