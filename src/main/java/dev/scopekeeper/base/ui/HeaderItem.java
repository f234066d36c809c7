package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.Component;

/**
 * An extension point of the header: features contribute a small component (shown right of the app name for
 * signed-in users) without the layout depending on them. Implementations are Spring beans, shown in their
 * {@code @Order}: the current-domain selector ({@code domains.ui}), the expiring-soon count ({@code pat.ui}),
 * then the user menu ({@code security.ui}).
 */
public interface HeaderItem {

    /** The order of {@code domains.ui}'s current-domain selector. */
    int DOMAIN_SELECT = 100;

    /** The order of the items between the domain selector and the user menu (e.g. expiring soon). */
    int DEFAULT = 500;

    /** The order of {@code security.ui}'s user menu, the avatar at the right end. */
    int USER_MENU = 1000;

    /** A new component for this UI, or null to show nothing. */
    Component create();
}
