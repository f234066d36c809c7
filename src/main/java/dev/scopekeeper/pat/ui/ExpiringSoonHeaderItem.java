package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import dev.scopekeeper.base.ui.HeaderItem;
import dev.scopekeeper.pat.PatLifecycleService;

/**
 * The header's "N expiring soon": how many of my tokens expire within 7 days, linking to the PAT table
 * filtered to them. Nothing when there are none.
 */
@org.springframework.stereotype.Component
@org.springframework.core.annotation.Order(HeaderItem.DEFAULT)
class ExpiringSoonHeaderItem implements HeaderItem {

    static final String FILTER = "expiring";

    private final PatLifecycleService lifecycle;

    ExpiringSoonHeaderItem(PatLifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public Component create() {
        long count = lifecycle.countExpiringSoon();
        if (count == 0) {
            return null;
        }
        RouterLink link = new RouterLink(PatListView.class);
        link.setQueryParameters(QueryParameters.of(PatListView.FILTER_PARAMETER, FILTER));
        Span text = new Span(link.getTranslation("pat.ui.header.expiringSoon", count));
        text.addClassName("sk-expiring-soon-text");
        // At phone width the header has no room for the words (they wrapped onto three lines): the clock and the
        // count show instead. The link's accessible name (aria-label) says it in full at every width.
        Span compact = new Span(String.valueOf(count));
        compact.addClassName("sk-expiring-soon-count");
        compact.getElement().setAttribute("aria-hidden", "true");
        link.add(VaadinIcon.CLOCK.create(), text, compact);
        link.getElement().setAttribute("aria-label", link.getTranslation("pat.ui.header.expiringSoon.label", count));
        link.addClassName("sk-expiring-soon");
        return link;
    }
}
