package dev.scopekeeper.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Vaadin's connection indicator ("Connection lost", "Reconnecting ...") is a status message: on every page it is a
 * {@code role="status"} live region, so a screen reader announces when the connection goes and comes back, and it is
 * not page content outside every landmark (axe's {@code region} rule). The Flow client appends the indicator to the
 * body itself, outside any view, so the role is set on it when each UI starts.
 */
@Component
class ConnectionIndicatorStatus implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().getPage().executeJs("""
                customElements.whenDefined('vaadin-connection-indicator').then(() => {
                  const indicator = (window.Vaadin && window.Vaadin.connectionIndicator)
                      || document.querySelector('vaadin-connection-indicator');
                  if (indicator) indicator.setAttribute('role', 'status');
                });"""));
    }
}
