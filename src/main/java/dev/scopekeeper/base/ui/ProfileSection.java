package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.Component;

/** An extension point of the Profile page: features contribute a section (Spring beans), e.g. mail choices. */
public interface ProfileSection {

    /** A new section for this UI. */
    Component create();
}
