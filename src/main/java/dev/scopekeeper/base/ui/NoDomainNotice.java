package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** The empty state of the entity screens while the user belongs to no domain. */
public class NoDomainNotice extends Div {

    public NoDomainNotice(boolean platformAdmin) {
        addClassName("sk-empty-state");
        add(new H2(getTranslation("noDomain.title")));
        if (platformAdmin) {
            add(
                    new Paragraph(getTranslation("noDomain.admin")),
                    new Anchor("domains", getTranslation("noDomain.create")));
        } else {
            add(new Paragraph(getTranslation("noDomain.user")));
        }
    }
}
