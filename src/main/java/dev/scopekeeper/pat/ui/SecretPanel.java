package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import dev.scopekeeper.base.ui.Feedback;

/**
 * The secret right after create or regenerate: masked, with an eye button (show / hide) and a copy
 * button, the warning that it will not be shown again, and a ready-to-run curl example. The secret
 * reaches the browser only when shown or copied.
 */
class SecretPanel extends Section {

    /** Copies $0; uses the Clipboard API where available, else a hidden textarea (plain http). */
    static final String COPY_JS = """
            const text = $0;
            const fallback = () => {
              const area = document.createElement('textarea');
              area.value = text;
              area.setAttribute('readonly', '');
              area.className = 'sk-clipboard-fallback';
              document.body.appendChild(area);
              area.select();
              let ok = false;
              try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
              document.body.removeChild(area);
              return ok;
            };
            if (navigator.clipboard && window.isSecureContext) {
              return navigator.clipboard.writeText(text).then(() => true, () => fallback());
            }
            return fallback();
            """;

    final TextArea token = new TextArea();
    final Button reveal = new Button();
    final Button copy = new Button(VaadinIcon.COPY.create());
    final Pre curl = new Pre();
    private final String secret;
    private final String curlTemplate;
    private boolean shown;

    SecretPanel(String secret, String baseUrl, String domainId) {
        this.secret = secret;
        addClassName("sk-secret-panel");
        getElement().setAttribute("aria-label", getTranslation("pat.ui.secret.title"));
        token.setLabel(getTranslation("pat.ui.secret.token"));
        token.setReadOnly(true);
        token.addClassName("sk-secret-value");
        reveal.addThemeVariants(ButtonVariant.TERTIARY);
        reveal.addClickListener(e -> setShown(!shown));
        copy.addThemeVariants(ButtonVariant.TERTIARY);
        copy.setAriaLabel(getTranslation("pat.ui.secret.copy"));
        copy.setTooltipText(getTranslation("pat.ui.secret.copy"));
        copy.addClickListener(e -> copy.getElement().executeJs(COPY_JS, secret).then(Boolean.class, ok -> {
            if (Boolean.TRUE.equals(ok)) {
                Feedback.show(getTranslation("pat.ui.secret.copied"), NotificationVariant.SUCCESS);
            } else {
                Feedback.show(getTranslation("pat.ui.secret.copyFailed"), NotificationVariant.ERROR);
            }
        }));
        token.setSuffixComponent(new Span(reveal, copy));

        Paragraph warning = new Paragraph(getTranslation("pat.ui.secret.warning"));
        warning.addClassName("sk-warning");
        warning.getElement().setAttribute("role", "alert");
        curlTemplate =
                "curl -H \"Authorization: Bearer %s\" \\\n  " + baseUrl + "/api/v1/domains/" + domainId + "/clients";
        curl.addClassName("sk-curl");
        Div example = new Div(
                new H3(getTranslation("pat.ui.secret.example")),
                new Paragraph(getTranslation("pat.ui.secret.exampleText")),
                curl);
        add(new H2(getTranslation("pat.ui.secret.title")), warning, token, example);
        setShown(false);
    }

    void setShown(boolean show) {
        shown = show;
        String display = show ? secret : "pat_" + "•".repeat(Math.max(8, secret.length() - 4));
        token.setValue(display);
        curl.setText(curlTemplate.formatted(show ? secret : "pat_••••••••"));
        reveal.setIcon(show ? VaadinIcon.EYE_SLASH.create() : VaadinIcon.EYE.create());
        String label = getTranslation(show ? "pat.ui.secret.hide" : "pat.ui.secret.show");
        reveal.setAriaLabel(label);
        reveal.setTooltipText(label);
    }

    boolean isShown() {
        return shown;
    }
}
