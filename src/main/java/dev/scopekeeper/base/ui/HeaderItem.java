package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.Component;

/**
 * An extension point of the header: features contribute a small component (shown left of the avatar for
 * signed-in users) without the layout depending on them. Implementations are Spring beans.
 */
public interface HeaderItem {

    /** A new component for this UI, or null to show nothing. */
    Component create();
}
