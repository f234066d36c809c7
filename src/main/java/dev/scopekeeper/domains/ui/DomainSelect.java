package dev.scopekeeper.domains.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.domains.DomainService;
import dev.scopekeeper.domains.DomainView;

/**
 * The current-domain selector in the header ({@link DomainSelectHeaderItem}). Choosing a domain switches to
 * it; after every navigation it shows the current domain (it may have changed: created, switched on
 * /domains, access removed).
 */
class DomainSelect extends ComboBox<DomainView> implements AfterNavigationObserver {

    private final DomainService domains;
    private final CurrentDomainService current;
    private boolean showingCurrent;

    DomainSelect(DomainService domains, CurrentDomainService current) {
        this.domains = domains;
        this.current = current;
        setAriaLabel(getTranslation("layout.domain"));
        setPlaceholder(getTranslation("layout.domain.none"));
        setTooltipText(getTranslation("layout.domain"));
        addClassName("sk-domain-select");
        setItemLabelGenerator(DomainView::name);
        setItems(query -> Feedback.fetch(
                query.getOffset(),
                query.getLimit(),
                (offset, limit) -> domains.list(
                        new ListQuery(offset, limit, query.getFilter().orElse(null), null, null))));
        addValueChangeListener(e -> {
            if (!showingCurrent && e.getValue() != null) {
                switchTo(e.getValue());
            }
        });
    }

    private void switchTo(DomainView domain) {
        try {
            current.switchDomain(domain.id());
        } catch (ServiceException e) {
            new FieldErrors(this::getTranslation).show(e);
            return;
        }
        Feedback.success("layout.domain.switched", domain.name());
        UI ui = UI.getCurrent();
        String path = ui.getInternals().getActiveViewLocation().getPath();
        String list = listOf(path);
        if (list != null) {
            // A detail page belongs to the previous domain: go to its list in the new one.
            ui.navigate(list);
        } else {
            ui.refreshCurrentRoute(false);
        }
    }

    /**
     * The list a detail page ({@code clients/12}, {@code groups/3/...}) belongs to, or null when the path is
     * a screen of its own ({@code admin/users}, {@code pats/new}) that simply shows the new domain.
     */
    static String listOf(String path) {
        String[] parts = path.split("/");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].chars().allMatch(Character::isDigit) && !parts[i].isEmpty()) {
                return String.join("/", java.util.Arrays.copyOf(parts, i));
            }
        }
        return null;
    }

    /** Shows the current domain (it may have changed: created, switched on /domains, access removed). */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        showingCurrent = true;
        try {
            getDataProvider().refreshAll();
            setValue(current.currentDomain().orElse(null));
        } finally {
            showingCurrent = false;
        }
    }
}
