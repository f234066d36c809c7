package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
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
import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame around every signed-in screen: app name and the features' {@link HeaderItem}s (current-domain
 * selector, expiring-soon count, user avatar) in the header (a {@code <header>}, the page's banner landmark), and a side navigation built from the views' {@code @Menu} annotations (only those the user may open).
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** The id of every screen's content, the skip link's target. */
    static final String MAIN_ID = "main-content";

    MainLayout(AuthenticationContext authenticationContext, ObjectProvider<HeaderItem> headerItems) {
        setPrimarySection(Section.NAVBAR);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.toggleNavigation"));
        Span appName = new Span(getTranslation("app.name"));
        appName.addClassName("sk-app-name");
        Div spacer = new Div();
        spacer.addClassName("sk-header-spacer");
        Anchor skip = new Anchor("#" + MAIN_ID, getTranslation("layout.skipToContent"));
        skip.addClassName("sk-skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        // the page's <base href> would resolve "#main-content" against the start page: focus it here instead
        skip.getElement().executeJs("""
                this.addEventListener('click', (event) => {
                  event.preventDefault();
                  const main = document.getElementById($0);
                  if (main) { main.focus(); main.scrollIntoView(); }
                });""", MAIN_ID);
        // one <header> (the banner landmark) holds everything in the navbar, the skip link first: a screen
        // reader's landmark list reaches it, and nothing of the frame sits outside a landmark
        Header header = new Header(skip, toggle, appName, spacer);
        header.addClassName("sk-header");
        if (authenticationContext.isAuthenticated()) {
            headerItems
                    .orderedStream()
                    .map(HeaderItem::create)
                    .filter(java.util.Objects::nonNull)
                    .forEach(header::add);
        }
        addToNavbar(header);
        addToDrawer(navigation());
    }

    /**
     * Each screen's content is the skip link's target, and after every navigation focus moves to its main
     * heading, so a keyboard or screen-reader user starts at the top of the new screen, not on the page body.
     */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().setAttribute("id", MAIN_ID);
            content.getElement().setAttribute("tabindex", "-1");
        }
    }

    private void focusMainHeading() {
        getElement().executeJs("""
                setTimeout(() => {
                  const main = document.getElementById($0);
                  if (!main) return;
                  const heading = main.querySelector('h1') || main;
                  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
                  heading.focus();
                }, 0)""", MAIN_ID);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        focusMainHeading();
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
