package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One "not found" page for everything a user cannot reach: missing routes, missing records and
 * records that belong to someone else look the same, so nothing hints that they exist.
 */
@AnonymousAllowed
@ParentLayout(MainLayout.class) // inside the app's frame (error views get no automatic @Layout)
public class NotFoundView extends Main implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

    public NotFoundView() {
        addClassName("sk-page");
        add(
                new H1(getTranslation("notFound.title")),
                new Paragraph(getTranslation("notFound.text")),
                new Anchor("", getTranslation("notFound.home")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }

    /** The browser tab (and a screen reader arriving on the page) names the page too. */
    @Override
    public String getPageTitle() {
        return getTranslation("notFound.pageTitle");
    }
}
