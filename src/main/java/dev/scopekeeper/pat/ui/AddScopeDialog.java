package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.pat.PatDetails;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.ScopeRequest;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Add scope dialog of {@link PatDetailView}: one or more scopes in a {@link ScopesEditor}; a scope the service
 * refuses is marked at its row. The view shows the token with its new scopes ({@code onAdded}).
 */
final class AddScopeDialog {

    private final Component host;
    private final PatService pats;
    private final ScopeChoices scopeChoices;

    /** {@code host}: the view whose locale the texts are in. */
    AddScopeDialog(Component host, PatService pats, ScopeChoices scopeChoices) {
        this.host = host;
        this.pats = pats;
        this.scopeChoices = scopeChoices;
    }

    void open(PatDetails pat, Consumer<PatDetails> onAdded) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(host.getTranslation("pat.ui.scopes.add"));
        ScopesEditor editor = new ScopesEditor(scopeChoices, 1);
        FieldErrors dialogErrors = new FieldErrors(host::getTranslation).bind("scopes", editor);
        dialog.add(editor);
        Button cancel = new Button(host.getTranslation("pat.ui.cancel"), e -> dialog.close());
        Button confirm = new Button(host.getTranslation("pat.ui.add"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.addClickListener(e -> {
            dialogErrors.clear();
            if (!editor.validate()) {
                return;
            }
            List<ScopeRequest> requested = editor.value();
            if (requested.isEmpty()) {
                editor.setErrorMessage(host.getTranslation("pat.validation.scopes.required"));
                editor.setInvalid(true);
                return;
            }
            try {
                PatDetails added = pats.addScopes(pat.id(), requested);
                dialog.close();
                onAdded.accept(added);
            } catch (ServiceException ex) {
                if (!editor.showAtRow(ex)) {
                    dialogErrors.show(ex);
                }
            }
        });
        dialog.getFooter().add(cancel, confirm);
        dialog.addClassNames("sk-dialog", "sk-scope-dialog");
        dialog.open();
    }
}
