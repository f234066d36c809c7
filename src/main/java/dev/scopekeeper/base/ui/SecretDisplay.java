package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * A secret shown exactly once: a read-only field that wraps, so the whole secret is visible at any width (a
 * one-line field cut it off in a narrow dialog), a copy button (the browser's clipboard, with a
 * select-and-copy fallback where the Clipboard API is unavailable) and a note that it will not be shown again.
 */
public class SecretDisplay extends Div {

    private final TextArea field = new TextArea();
    private final Button copy = new Button(VaadinIcon.COPY.create());

    public SecretDisplay(String label, String secret) {
        addClassName("sk-secret");
        field.setLabel(label);
        field.setValue(secret);
        field.setReadOnly(true);
        field.addClassName("sk-secret-field");
        copy.setAriaLabel(getTranslation("secret.copy"));
        copy.setTooltipText(getTranslation("secret.copy"));
        copy.addThemeVariants(ButtonVariant.TERTIARY);
        copy.addClickListener(e -> {
            copy.getElement().executeJs("""
                    const text = $0;
                    const fallback = () => {
                      const area = document.createElement('textarea');
                      area.value = text; document.body.appendChild(area); area.select();
                      try { document.execCommand('copy'); } finally { area.remove(); }
                    };
                    if (navigator.clipboard && window.isSecureContext) {
                      navigator.clipboard.writeText(text).catch(fallback);
                    } else { fallback(); }""", secret);
            Feedback.success("secret.copied");
        });
        Div row = new Div(field, copy);
        row.addClassName("sk-secret-row");
        Paragraph note = new Paragraph(getTranslation("secret.once"));
        note.addClassName("sk-secret-note");
        add(row, note);
    }

    public String secret() {
        return field.getValue();
    }
}
