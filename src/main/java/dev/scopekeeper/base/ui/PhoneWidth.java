package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.function.Consumer;

/**
 * Grids at phone width: below {@link #PHONE_WIDTH} px of window the columns that matter less give way (and a
 * compact column may stand in for several), so what identifies a row and its state is on screen without scrolling
 * the table sideways. Decided when the view attaches and again on every resize; the resize listener lives on the
 * page (the UI), so it goes when the view detaches. Without a browser (browserless tests) the wide layout stays.
 */
public final class PhoneWidth {

    /** At or below this window width (px) a view lays its grids out for a phone. */
    public static final int PHONE_WIDTH = 600;

    private PhoneWidth() {}

    /** Calls {@code layout} with true at phone width, false wider: when {@code view} attaches and on each resize. */
    public static void onChange(Component view, Consumer<Boolean> layout) {
        view.addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> layout.accept(isPhone(details.getWindowInnerWidth())));
            var resizing = page.addBrowserWindowResizeListener(resize -> layout.accept(isPhone(resize.getWidth())));
            view.addDetachListener(detach -> {
                resizing.remove();
                detach.unregisterListener();
            });
        });
    }

    /**
     * At phone width {@code wide} columns are hidden and {@code phone} columns shown, wider the other way round
     * (the phone columns start hidden).
     */
    public static void columns(
            Component view, List<? extends Grid.Column<?>> wide, List<? extends Grid.Column<?>> phone) {
        phone.forEach(c -> c.setVisible(false));
        onChange(view, narrow -> {
            wide.forEach(c -> c.setVisible(!narrow));
            phone.forEach(c -> c.setVisible(narrow));
        });
    }

    /** At phone width these columns are hidden; wider, shown. */
    public static void hideColumns(Component view, Grid.Column<?>... columns) {
        columns(view, List.of(columns), List.of());
    }

    private static boolean isPhone(int windowWidth) {
        return windowWidth <= PHONE_WIDTH;
    }
}
