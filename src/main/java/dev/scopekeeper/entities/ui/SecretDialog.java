package dev.scopekeeper.entities.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import dev.scopekeeper.base.ui.SecretDisplay;
import dev.scopekeeper.entities.IssuedClientSecret;

/** A client's new secret, shown this one time (after create and after Regenerate secret). */
class SecretDialog extends Dialog {

    final SecretDisplay display;

    SecretDialog(IssuedClientSecret issued) {
        setHeaderTitle(
                getTranslation("clientDetail.secret.title", issued.client().name()));
        display = new SecretDisplay(getTranslation("clientDetail.secret"), issued.secret());
        add(display);
        Button done = new Button(getTranslation("clientDetail.secret.done"), e -> close());
        done.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(done);
        setCloseOnOutsideClick(false);
    }
}
