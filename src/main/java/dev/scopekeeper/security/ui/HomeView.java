package dev.scopekeeper.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.scopekeeper.security.UserService;
import jakarta.annotation.security.PermitAll;

/** Landing page after sign-in. */
@Route("")
@PermitAll
@Menu(title = "nav.home", order = 0, icon = "HOME")
class HomeView extends Main implements HasDynamicTitle {

    HomeView(UserService users) {
        addClassName("sk-page");
        add(
                new H1(getTranslation("home.title", users.me().displayName())),
                new Paragraph(getTranslation("home.intro")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.pageTitle");
    }
}
