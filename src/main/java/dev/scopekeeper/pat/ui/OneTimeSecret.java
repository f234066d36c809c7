package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import java.util.Optional;

/**
 * Hands a freshly issued secret from the creation page to the detail page inside the same browser tab,
 * never through the URL. The detail page takes it once; a reload opens a new UI, where it is gone.
 */
final class OneTimeSecret {

    private record Handoff(long patId, String secret) {
        @Override
        public String toString() {
            return "Handoff[patId=" + patId + "]";
        }
    }

    private OneTimeSecret() {}

    static void hand(UI ui, long patId, String secret) {
        ComponentUtil.setData(ui, Handoff.class, new Handoff(patId, secret));
    }

    /** The secret for this token if one was just handed over; removes it either way. */
    static Optional<String> take(UI ui, long patId) {
        Handoff handoff = ComponentUtil.getData(ui, Handoff.class);
        ComponentUtil.setData(ui, Handoff.class, null);
        return handoff != null && handoff.patId() == patId ? Optional.of(handoff.secret()) : Optional.empty();
    }
}
