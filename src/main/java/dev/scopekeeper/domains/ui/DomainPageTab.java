package dev.scopekeeper.domains.ui;

import com.vaadin.flow.component.Component;
import dev.scopekeeper.domains.DomainView;

/**
 * An extension point of the domain page ({@code /domains/{id}}): features contribute a tab after Settings,
 * Members and Invitations (e.g. {@code pat}'s Access tokens) without {@code domains} depending on them.
 * Implementations are Spring beans, shown in their {@code @Order}.
 */
public interface DomainPageTab {

    /** The translation key of the tab's title. */
    String titleKey();

    /** A new tab content for this UI and the shown domain, or null to show no tab (e.g. not its admin). */
    Component create(DomainView domain);
}
