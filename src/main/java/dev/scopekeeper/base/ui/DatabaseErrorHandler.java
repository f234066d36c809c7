package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.scopekeeper.base.db.DatabaseFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A click, a grid page or a save that fails because the database is unavailable tells the user so ("Database
 * unavailable, retrying ...") instead of failing silently, and the screen stays as it was (what was typed is kept);
 * navigation to a screen that cannot load shows {@link DatabaseUnavailableView} instead ({@link ServerErrorView}).
 * Every other error goes to Vaadin's default handler, as before.
 */
@Component
class DatabaseErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(DatabaseErrorHandler.class);

    private final ErrorHandler fallback = new DefaultErrorHandler();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        UI ui = UI.getCurrent();
        if (ui != null && DatabaseFaults.unavailable(event.getThrowable())) {
            log.warn(
                    "Database unavailable: a UI action failed ({})",
                    event.getThrowable().getClass().getName());
            Feedback.show(ui.getTranslation("db.unavailable.notification"), NotificationVariant.ERROR);
            return;
        }
        fallback.error(event);
    }
}
