package dev.scopekeeper.domains.ui;

import com.vaadin.flow.component.Component;
import dev.scopekeeper.base.ui.HeaderItem;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.domains.DomainService;
import org.springframework.core.annotation.Order;

/** The header's current-domain selector, first after the app name. */
@org.springframework.stereotype.Component
@Order(HeaderItem.DOMAIN_SELECT)
class DomainSelectHeaderItem implements HeaderItem {

    private final DomainService domains;
    private final CurrentDomainService current;

    DomainSelectHeaderItem(DomainService domains, CurrentDomainService current) {
        this.domains = domains;
        this.current = current;
    }

    @Override
    public Component create() {
        return new DomainSelect(domains, current);
    }
}
