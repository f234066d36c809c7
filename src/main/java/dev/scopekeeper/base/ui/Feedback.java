package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.UI;
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

    private Feedback() {
    }

    /** A success notification with the translated text. */
    public static void success(String key, Object... args) {
        Notification.show(UI.getCurrent().getTranslation(key, args)).addThemeVariants(NotificationVariant.SUCCESS);
    }

    /**
     * Asks before a destructive action: a ConfirmDialog with a Cancel button and a red confirm button labelled
     * with {@code confirmKey}; {@code action} runs only when confirmed.
     */
    public static ConfirmDialog confirm(String header, String text, String confirmLabel, Runnable action) {
        return confirm(header, text, confirmLabel, UI.getCurrent().getTranslation("common.cancel"), action);
    }

    /** Like {@link #confirm(String, String, String, Runnable)} with another cancel label (e.g. Yes / No). */
    public static ConfirmDialog confirm(String header, String text, String confirmLabel, String cancelLabel,
            Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(cancelLabel);
        dialog.setConfirmText(confirmLabel);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> action.run());
        dialog.open();
        return dialog;
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
