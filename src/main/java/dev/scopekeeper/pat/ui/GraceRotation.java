package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import dev.scopekeeper.pat.PatGrace;
import dev.scopekeeper.pat.PatLifecycleService;
import dev.scopekeeper.pat.PatLifecycleService.GraceStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Rotation with grace on the detail page: the regenerate dialog's "Keep the old secret working for" field
 * (only the choices the policy allows), and the row "Old secret still accepted until … (N requests since
 * rotation)" with its "Stop now" button.
 */
final class GraceRotation {

    private GraceRotation() {}

    /** Off, 1 hour, 1 day, 7 days — up to the policy's maximum; hidden when the policy forbids grace. */
    static Select<PatGrace> field(PatGrace max) {
        Select<PatGrace> grace = new Select<>();
        grace.setLabel(grace.getTranslation("pat.ui.regenerate.grace"));
        grace.setHelperText(grace.getTranslation("pat.ui.regenerate.grace.help"));
        List<PatGrace> allowed = Arrays.stream(PatGrace.values())
                .filter(g -> g.duration().compareTo(max.duration()) <= 0)
                .toList();
        grace.setItems(allowed);
        grace.setItemLabelGenerator(g -> grace.getTranslation("pat.grace." + g.wireName()));
        grace.setValue(PatGrace.NONE);
        grace.setVisible(allowed.size() > 1);
        grace.addClassName("sk-grace-field");
        return grace;
    }

    /** The status row while a grace runs (empty and hidden otherwise). */
    static final class Row extends Div {

        final Span text = new Span();
        final Button stop = new Button();

        Row(Runnable stopNow) {
            addClassName("sk-grace-row");
            stop.setText(getTranslation("pat.ui.grace.stop"));
            stop.setIcon(VaadinIcon.STOP.create());
            stop.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
            stop.addClickListener(e -> stopNow.run());
            add(text, stop);
            setVisible(false);
        }

        void show(Optional<GraceStatus> grace) {
            setVisible(grace.isPresent());
            grace.ifPresent(
                    g -> text.setText(getTranslation("pat.ui.grace.text", PatFormat.exact(g.until()), g.uses())));
        }
    }

    static Optional<GraceStatus> of(PatLifecycleService lifecycle, long patId) {
        return lifecycle.grace(patId);
    }
}
