package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.scopekeeper.base.ListResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/** Small shared pieces of the screens: success notifications, confirmations and lazy paging. */
public final class Feedback {

    private Feedback() {}

    /** How long a success or information notice stays; errors stay longer, until read. */
    static final int SUCCESS_MILLIS = 4_000;

    static final int ERROR_MILLIS = 10_000;

    /** A success notification with the translated text. */
    public static void success(String key, Object... args) {
        show(UI.getCurrent().getTranslation(key, args), NotificationVariant.SUCCESS);
    }

    /**
     * The one notification of the screen: top right, out of the way of the controls, replacing the previous
     * one (so they never pile up). Success and information close themselves; an error stays a while longer.
     */
    public static Notification show(String text, NotificationVariant variant) {
        Notification notification = new Notification(text);
        return open(notification, variant);
    }

    /** Like {@link #show(String, NotificationVariant)} with components (text and an Undo button, say). */
    public static Notification show(NotificationVariant variant, com.vaadin.flow.component.Component... content) {
        Notification notification = new Notification(content);
        return open(notification, variant);
    }

    private static Notification open(Notification notification, NotificationVariant variant) {
        UI ui = UI.getCurrent();
        Notification previous = ui == null ? null : ComponentUtil.getData(ui, Notification.class);
        if (previous != null && previous.isOpened()) {
            previous.close();
        }
        notification.setDuration(variant == NotificationVariant.ERROR ? ERROR_MILLIS : SUCCESS_MILLIS);
        notification.setPosition(Notification.Position.TOP_END);
        if (variant != null) {
            notification.addThemeVariants(variant);
        }
        notification.getElement().setAttribute("role", variant == NotificationVariant.ERROR ? "alert" : "status");
        if (ui != null) {
            ComponentUtil.setData(ui, Notification.class, notification);
        }
        notification.open();
        return notification;
    }

    /**
     * Moves the screen's open notification, if any, to the bottom: for a page without the app's header, whose heading
     * is at the very top, where a notification at the top would cover it on a phone (the failed save's notice on the
     * "Database unavailable" page).
     */
    static void moveOpenNotificationToTheBottom(UI ui) {
        Notification open = ComponentUtil.getData(ui, Notification.class);
        if (open != null && open.isOpened()) {
            open.setPosition(Notification.Position.BOTTOM_END);
        }
    }

    /**
     * Asks before a destructive action: a ConfirmDialog with a Cancel button and a red confirm button labelled
     * with {@code confirmKey}; {@code action} runs only when confirmed.
     */
    public static ConfirmDialog confirm(String header, String text, String confirmLabel, Runnable action) {
        return confirm(header, text, confirmLabel, UI.getCurrent().getTranslation("common.cancel"), action);
    }

    /**
     * Like {@link #confirm(String, String, String, Runnable)} with another cancel label (e.g. Yes / No). Focus
     * starts on the safe choice, so Enter or Space pressed by habit does not destroy anything.
     */
    public static ConfirmDialog confirm(
            String header, String text, String confirmLabel, String cancelLabel, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        Button cancel = new Button(cancelLabel, e -> dialog.close());
        cancel.addClassName("sk-confirm-cancel");
        cancel.setAutofocus(true);
        dialog.setCancelable(true);
        dialog.setCancelButton(cancel);
        dialog.setConfirmText(confirmLabel);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> action.run());
        dialog.open();
        focusOnOpen(dialog, cancel);
        return dialog;
    }

    /**
     * Moves focus to {@code safe} once the dialog has opened. Vaadin 25's confirm dialog has no setting for its
     * initial focus: when its overlay has opened (after an animation frame and a task) the overlay fires
     * {@code vaadin-overlay-open}, first on itself, where the dialog focuses its confirm button, then again on
     * {@code document.body}. Listening there runs after the dialog's own focus, whatever the timing, so the safe
     * button always ends up focused (a timer raced the opening under load, and a button's {@code autofocus}
     * acts when the button attaches, before the dialog takes focus). The listener goes when the dialog closes.
     */
    static void focusOnOpen(ConfirmDialog dialog, Button safe) {
        dialog.getElement().executeJs("""
                        const dialog = this;
                        const safe = $0;
                        const onOpen = (event) => {
                          const overlay = event.detail && event.detail.overlay;
                          if (overlay && (overlay.owner === dialog
                              || (dialog.shadowRoot && dialog.shadowRoot.contains(overlay)))) {
                            safe.focus();
                          }
                        };
                        document.body.addEventListener('vaadin-overlay-open', onOpen);
                        dialog.addEventListener('closed',
                            () => document.body.removeEventListener('vaadin-overlay-open', onOpen), { once: true });""", safe.getElement());
    }

    /**
     * Items {@code offset..offset+limit} of a paged service list whose pages hold at most
     * {@link dev.scopekeeper.base.ListQuery#MAX_LIMIT} items: asks for as many pages as the grid wants, no more.
     */
    public static <T> Stream<T> fetch(int offset, int limit, BiFunction<Integer, Integer, ListResult<T>> page) {
        List<T> items = new ArrayList<>();
        int next = offset;
        int wanted = limit;
        while (wanted > 0) {
            int size = Math.min(wanted, dev.scopekeeper.base.ListQuery.MAX_LIMIT);
            List<T> got = page.apply(next, size).items();
            items.addAll(got);
            if (got.size() < size) {
                break;
            }
            next += size;
            wanted -= size;
        }
        return items.stream();
    }
}
