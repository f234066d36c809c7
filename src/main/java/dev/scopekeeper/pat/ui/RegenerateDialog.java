package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.pat.IssuedPat;
import dev.scopekeeper.pat.LifecyclePolicyService;
import dev.scopekeeper.pat.PatDetails;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatGrace;
import dev.scopekeeper.pat.PatLifecycleService;
import dev.scopekeeper.pat.PatService;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Regenerate dialog of {@link PatDetailView}: a new lifetime and, optionally, a grace during which the old
 * secret still works. The view shows the new secret ({@code onIssued}).
 */
final class RegenerateDialog {

    private final Component host;
    private final PatService pats;
    private final PatLifecycleService lifecycle;
    private final LifecyclePolicyService lifecyclePolicy;
    private final Clock clock;

    /** {@code host}: the view whose locale the texts are in. */
    RegenerateDialog(
            Component host,
            PatService pats,
            PatLifecycleService lifecycle,
            LifecyclePolicyService lifecyclePolicy,
            Clock clock) {
        this.host = host;
        this.pats = pats;
        this.lifecycle = lifecycle;
        this.lifecyclePolicy = lifecyclePolicy;
        this.clock = clock;
    }

    void open(PatDetails pat, Consumer<IssuedPat> onIssued) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(host.getTranslation("pat.ui.regenerate.header", pat.name()));
        DurationField duration = new DurationField(pats.currentPolicy(), clock);
        Select<PatGrace> grace = GraceRotation.field(lifecyclePolicy.get().maxGrace());
        FieldErrors dialogErrors =
                new FieldErrors(host::getTranslation).bind("duration", duration).bind("grace", grace);
        dialog.add(new Paragraph(host.getTranslation("pat.ui.regenerate.text")), duration, grace);
        Button cancel = new Button(host.getTranslation("pat.ui.cancel"), e -> dialog.close());
        Button confirm = new Button(host.getTranslation("pat.ui.regenerate"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.addClickListener(e -> {
            dialogErrors.clear();
            Optional<PatDuration> chosen = duration.value();
            if (chosen.isEmpty()) {
                return;
            }
            try {
                IssuedPat issued = lifecycle.regenerate(pat.id(), chosen.get(), grace.getValue());
                dialog.close();
                onIssued.accept(issued);
            } catch (ServiceException ex) {
                dialogErrors.show(ex);
            }
        });
        confirm.addClickShortcut(Key.ENTER).listenOn(dialog);
        dialog.getFooter().add(cancel, confirm);
        dialog.addClassName("sk-dialog");
        dialog.open();
        duration.duration.focus();
    }
}
