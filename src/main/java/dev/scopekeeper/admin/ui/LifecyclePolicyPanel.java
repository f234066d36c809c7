package dev.scopekeeper.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.notify.NotificationService;
import dev.scopekeeper.notify.NotificationService.MailStatus;
import dev.scopekeeper.pat.LifecyclePolicyService;
import dev.scopekeeper.pat.PatGrace;
import dev.scopekeeper.pat.PatLifecyclePolicy;

/**
 * On {@code /admin/policy}: whether mail goes out at all, when owners are warned before expiry, and the
 * longest "keep the old secret working" a regeneration may ask for.
 */
class LifecyclePolicyPanel extends Section {

    final Paragraph mailStatus = new Paragraph();
    final TextField warnDays = new TextField();
    final Select<PatGrace> maxGrace = new Select<>();
    final Button save = new Button();
    private final LifecyclePolicyService policies;
    private final FieldErrors errors;

    LifecyclePolicyPanel(LifecyclePolicyService policies, NotificationService notifications) {
        this.policies = policies;
        addClassName("sk-section");
        MailStatus mail = notifications.mailStatus();
        mailStatus.setText(
                mail.configured()
                        ? getTranslation("admin.mail.configured", mail.from())
                        : getTranslation("admin.mail.notConfigured"));
        mailStatus.addClassName(mail.configured() ? "sk-muted" : "sk-warning");
        warnDays.setLabel(getTranslation("admin.lifecycle.warnDays"));
        warnDays.setHelperText(getTranslation("admin.lifecycle.warnDays.help"));
        maxGrace.setLabel(getTranslation("admin.lifecycle.maxGrace"));
        maxGrace.setItems(PatGrace.values());
        maxGrace.setItemLabelGenerator(g -> getTranslation("pat.grace." + g.wireName()));
        save.setText(getTranslation("admin.lifecycle.save"));
        save.addClickListener(e -> save());
        errors =
                new FieldErrors(this::getTranslation).bind("warnDays", warnDays).bind("grace", maxGrace);
        show(policies.get());
        add(new H2(getTranslation("admin.lifecycle.title")), mailStatus, new FormLayout(warnDays, maxGrace), save);
    }

    private void show(PatLifecyclePolicy policy) {
        warnDays.setValue(policy.warnDaysText());
        maxGrace.setValue(policy.maxGrace());
    }

    private void save() {
        errors.clear();
        try {
            show(policies.update(new PatLifecyclePolicy(
                    PatLifecyclePolicy.parseWarnDays(warnDays.getValue()), maxGrace.getValue())));
            Notification.show(getTranslation("admin.lifecycle.saved")).addThemeVariants(NotificationVariant.SUCCESS);
        } catch (ServiceException e) {
            errors.show(e);
        }
    }
}
