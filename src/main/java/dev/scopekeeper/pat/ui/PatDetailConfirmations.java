package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.Component;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.pat.PatDetails;

/**
 * The two confirmations of {@link PatDetailView}: revoking the token and deleting all its scopes. Focus starts
 * on the safe choice ({@link Feedback#confirm}); the view runs the change.
 */
final class PatDetailConfirmations {

    private PatDetailConfirmations() {}

    /** "Revoke token X?" Yes / No. */
    static void revoke(Component host, PatDetails pat, Runnable revoke) {
        Feedback.confirm(
                host.getTranslation("pat.ui.revoke.header", pat.name()),
                host.getTranslation("pat.ui.revoke.text"),
                host.getTranslation("pat.ui.yes"),
                host.getTranslation("pat.ui.no"),
                revoke);
    }

    /** "Delete all N scopes of X?" */
    static void clearScopes(Component host, PatDetails pat, Runnable clear) {
        Feedback.confirm(
                host.getTranslation("pat.ui.scopes.deleteAll.header", pat.name()),
                host.getTranslation("pat.ui.scopes.deleteAll.text", pat.scopes().size()),
                host.getTranslation("pat.ui.deleteAll"),
                clear);
    }
}
