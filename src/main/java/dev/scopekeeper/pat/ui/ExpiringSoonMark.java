package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.scopekeeper.pat.PatLifecycleService;
import dev.scopekeeper.pat.PatStatus;
import dev.scopekeeper.pat.PatSummary;

/** The PAT table's mark on active tokens that expire within 7 days: "Expires soon" beside the expiry. */
final class ExpiringSoonMark {

    private ExpiringSoonMark() {
    }

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
}
