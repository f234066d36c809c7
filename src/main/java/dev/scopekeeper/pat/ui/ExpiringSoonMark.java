package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.scopekeeper.pat.PatLifecycleService;
import dev.scopekeeper.pat.PatStatus;
import dev.scopekeeper.pat.PatSummary;

/** The PAT table's mark on active tokens that expire within 7 days: "Expires soon" beside the expiry. */
final class ExpiringSoonMark {

    private ExpiringSoonMark() {}

    static Component expires(Component expires, PatSummary pat, PatLifecycleService lifecycle) {
        if (pat.status() != PatStatus.ACTIVE || !lifecycle.isExpiringSoon(pat.expiresAt())) {
            return expires;
        }
        Span mark = new Span(expires.getTranslation("pat.ui.expiringSoon"));
        mark.addClassNames("sk-badge", "sk-badge-expiring");
        Div both = new Div(expires, mark);
        both.addClassName("sk-expires-cell");
        return both;
    }

    /** Shown above the table while it lists only tokens expiring soon, with a button back to all active ones. */
    static final class Filter extends Div {

        final Span label = new Span();
        final Button clear = new Button();
        private boolean active;

        Filter(Runnable showAll) {
            addClassName("sk-expiring-filter");
            label.setText(getTranslation("pat.ui.filter.expiring"));
            label.addClassNames("sk-badge", "sk-badge-expiring");
            clear.setText(getTranslation("pat.ui.filter.expiring.clear"));
            clear.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            clear.addClickListener(e -> showAll.run());
            add(label, clear);
            setVisible(false);
        }

        boolean isActive() {
            return active;
        }

        void setActive(boolean active) {
            this.active = active;
            setVisible(active);
        }
    }
}
