package dev.scopekeeper.security.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.scopekeeper.security.SetupService;
import org.springframework.stereotype.Component;

/** Until the first administrator exists, every page leads to {@code /setup}. */
@Component
class SetupGate implements VaadinServiceInitListener {

    private final SetupService setup;

    SetupGate(SetupService setup) {
        this.setup = setup;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> {
            if (!"setup".equals(enter.getLocation().getPath()) && !setup.isSetupComplete()) {
                enter.forwardTo("setup");
            }
        }));
    }
}
