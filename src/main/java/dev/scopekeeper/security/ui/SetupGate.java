package dev.scopekeeper.security.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.scopekeeper.base.ui.ServerErrorView;
import dev.scopekeeper.security.SetupService;
import org.springframework.stereotype.Component;

/**
 * Until the first administrator exists, every page leads to {@code /setup}. The page for a failure
 * ({@link ServerErrorView}, "Database unavailable" among others) is shown as it is: it must not depend on the
 * database, which may be the very thing that failed.
 */
@Component
class SetupGate implements VaadinServiceInitListener {

    private final SetupService setup;

    SetupGate(SetupService setup) {
        this.setup = setup;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> {
            if (!"setup".equals(enter.getLocation().getPath())
                    && !ServerErrorView.class.equals(enter.getNavigationTarget())
                    && !setup.isSetupComplete()) {
                enter.forwardTo("setup");
            }
        }));
    }
}
