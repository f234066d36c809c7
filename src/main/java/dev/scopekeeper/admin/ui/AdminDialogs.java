package dev.scopekeeper.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.FieldErrors;

/** The confirmation every destructive administration action goes through. */
final class AdminDialogs {

    private AdminDialogs() {
    }

    /** A confirmation with an error-themed confirm button; service errors become an error notification. */
    static ConfirmDialog confirm(Component owner, String title, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(title, text, confirmText, e -> {
            try {
                action.run();
            } catch (ServiceException ex) {
                new FieldErrors(owner::getTranslation).show(ex);
            }
        });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText(owner.getTranslation("admin.cancel"));
        dialog.open();
        return dialog;
    }
}
