package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.html.Span;

/**
 * The header of a grid column of icon buttons (a trash button per row): read by screen readers, not shown. An empty
 * header cell names nothing when a screen reader moves along a row, and axe reports it ({@code empty-table-header});
 * a visible word would take the narrow column's room. Each button keeps its own accessible name.
 */
public final class HiddenHeader extends Span {

    /** {@code key}: the translation key of the column's name, e.g. {@code grid.column.delete}. */
    public HiddenHeader(String key) {
        setText(getTranslation(key));
        addClassName("sk-visually-hidden");
    }
}
