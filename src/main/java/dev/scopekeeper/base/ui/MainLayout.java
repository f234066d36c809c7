package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.domains.DomainService;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.security.UserService;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame around every signed-in screen: app name, the current-domain selector and the user avatar in the
 * header, and a side navigation built from the views' {@code @Menu} annotations (only those the user may open).
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final DomainService domains;
    final ComboBox<DomainView> domainSelect = new ComboBox<>();
    private boolean showingCurrent;

    MainLayout(UserService users, DomainService domains, AuthenticationContext authenticationContext,
            ObjectProvider<HeaderItem> headerItems) {
        this.domains = domains;
        setPrimarySection(Section.NAVBAR);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.toggleNavigation"));
        Span appName = new Span(getTranslation("app.name"));
        appName.addClassName("sk-app-name");
        Div spacer = new Div();
        spacer.addClassName("sk-header-spacer");
        addToNavbar(toggle, appName, spacer);
        if (authenticationContext.isAuthenticated()) {
            configureDomainSelect();
            addToNavbar(domainSelect);
            headerItems.orderedStream().map(HeaderItem::create).filter(java.util.Objects::nonNull)
                    .forEach(this::addToNavbar);
            addToNavbar(new UserMenu(users.me(), authenticationContext));
        }
        addToDrawer(navigation());
    }

    private void configureDomainSelect() {
        domainSelect.setAriaLabel(getTranslation("layout.domain"));
        domainSelect.setPlaceholder(getTranslation("layout.domain.none"));
        domainSelect.setTooltipText(getTranslation("layout.domain"));
        domainSelect.addClassName("sk-domain-select");
        domainSelect.setItemLabelGenerator(DomainView::name);
        domainSelect.setItems(query -> Feedback.fetch(query.getOffset(), query.getLimit(),
                (offset, limit) -> domains.list(new ListQuery(offset, limit, query.getFilter().orElse(null), null,
                        null))));
        domainSelect.addValueChangeListener(e -> {
            if (!showingCurrent && e.getValue() != null) {
                switchTo(e.getValue());
            }
        });
    }

    private void switchTo(DomainView domain) {
        try {
            domains.switchDomain(domain.id());
        } catch (ServiceException e) {
            new FieldErrors(this::getTranslation).show(e);
            return;
        }
        Feedback.success("layout.domain.switched", domain.name());
        UI ui = UI.getCurrent();
        String path = ui.getInternals().getActiveViewLocation().getPath();
        int slash = path.indexOf('/');
        if (slash > 0) {
            // A detail page belongs to the previous domain: go to its list in the new one.
            ui.navigate(path.substring(0, slash));
        } else {
            ui.refreshCurrentRoute(false);
        }
    }

    /** Shows the current domain (it may have changed: created, switched on /domains, access removed). */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (domainSelect.getParent().isEmpty()) {
            return;
        }
        showingCurrent = true;
        try {
            domainSelect.getDataProvider().refreshAll();
            domainSelect.setValue(domains.currentDomain().orElse(null));
        } finally {
            showingCurrent = false;
        }
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("layout.navigation"));
        nav.addClassName("sk-side-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private SideNavItem item(MenuEntry entry) {
        String title = getTranslation(entry.title());
        if (entry.icon() != null) {
            Icon icon = VaadinIcon.valueOf(entry.icon()).create();
            return new SideNavItem(title, entry.path(), icon);
        }
        return new SideNavItem(title, entry.path());
    }
}
