package dev.scopekeeper.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;

/** The confirmation every destructive administration action goes through. */
final class AdminDialogs {

    private AdminDialogs() {}

    /** A confirmation with an error-themed confirm button; service errors become an error notification. */
    static ConfirmDialog confirm(Component owner, String title, String text, String confirmText, Runnable action) {
        return Feedback.confirm(title, text, confirmText, () -> {
            try {
                action.run();
            } catch (ServiceException ex) {
                new FieldErrors(owner::getTranslation).show(ex);
            }
        });
    }
}
