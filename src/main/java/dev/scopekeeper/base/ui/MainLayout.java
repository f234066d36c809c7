package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.scopekeeper.security.UserService;

/**
 * The frame around every signed-in screen: app name and user avatar in the header, and a side
 * navigation built from the views' {@code @Menu} annotations (only those the user may open).
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    MainLayout(UserService users, AuthenticationContext authenticationContext) {
        setPrimarySection(Section.NAVBAR);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.toggleNavigation"));
        Span appName = new Span(getTranslation("app.name"));
        appName.addClassName("sk-app-name");
        Div spacer = new Div();
        spacer.addClassName("sk-header-spacer");
        addToNavbar(toggle, appName, spacer);
        if (authenticationContext.isAuthenticated()) {
            addToNavbar(new UserMenu(users.me(), authenticationContext));
        }
        addToDrawer(navigation());
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
