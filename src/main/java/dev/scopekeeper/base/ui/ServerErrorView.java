package dev.scopekeeper.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.InternalServerError;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.scopekeeper.base.db.DatabaseFaults;
import dev.scopekeeper.base.db.DatabaseProbe;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vaadin's error page for any failure of a navigation that no more specific error view takes (it replaces
 * {@link InternalServerError}, which it extends). A failure with an unavailable database anywhere in its cause chain
 * ({@link DatabaseFaults#unavailable}) shows {@link DatabaseUnavailableView} with status 503; anything else is
 * Vaadin's own internal error page, as before.
 *
 * <p>Why not an error view per exception class: Vaadin picks an error view by the exact class of the exception or
 * of one of its causes, then by the superclasses of the top exception only. Spring, Hibernate and the pool wrap the
 * driver's exception differently for every way the database goes away (a pool time-out, a connection that broke, a
 * transaction that could not begin on a closed connection with a plain {@code SQLException}), so views for
 * {@code SQLTransientConnectionException} and {@code SQLNonTransientConnectionException} missed some of them.
 */
@AnonymousAllowed
public class ServerErrorView extends InternalServerError implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ServerErrorView.class);

    private final DatabaseProbe probe;
    private boolean databaseUnavailable;

    public ServerErrorView(DatabaseProbe probe) {
        this.probe = probe;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        if (!DatabaseFaults.unavailable(parameter.getCaughtException())) {
            return super.setErrorParameter(event, parameter);
        }
        log.warn(
                "Database unavailable: /{} could not be shown ({})",
                event.getLocation().getPath(),
                parameter.getCaughtException().getClass().getName());
        databaseUnavailable = true;
        DatabaseUnavailableView page = new DatabaseUnavailableView(probe);
        page.showFor(event.getLocation());
        getElement().removeAllChildren();
        getElement().appendChild(page.getElement());
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(databaseUnavailable ? "db.unavailable.pageTitle" : "app.name");
    }
}
