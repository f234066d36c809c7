package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLTransientConnectionException;

/**
 * The page shown instead of a screen that could not load because the database is unavailable (the connection
 * pool gave up after its short time-out, {@link SQLTransientConnectionException}): "Database unavailable,
 * retrying", and it reloads itself every {@value #RETRY_MILLIS} ms until the screen loads again. Vaadin picks an
 * error view by the exact class of the exception or of any of its causes, so {@link BrokenConnectionView} covers a
 * connection that broke mid-use. No parent layout: the app's frame itself reads from the database.
 */
@AnonymousAllowed
public class DatabaseUnavailableView extends Main
        implements HasErrorParameter<SQLTransientConnectionException>, HasDynamicTitle {

    static final int RETRY_MILLIS = 5_000;

    private final Anchor retry = new Anchor("", getTranslation("db.unavailable.retry"));

    public DatabaseUnavailableView() {
        addClassName("sk-page");
        getElement().setAttribute("role", "alert");
        add(
                new H1(getTranslation("db.unavailable.title")),
                new Paragraph(getTranslation("db.unavailable.text")),
                retry);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<SQLTransientConnectionException> parameter) {
        return unavailable(event);
    }

    int unavailable(BeforeEnterEvent event) {
        retry.setHref(event.getLocation().getPathWithQueryParameters());
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent
                .getUI()
                .getPage()
                .executeJs("setTimeout(function () { window.location.reload(); }, $0)", RETRY_MILLIS);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("db.unavailable.pageTitle");
    }
}
