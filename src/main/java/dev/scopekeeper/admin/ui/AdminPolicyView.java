package dev.scopekeeper.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.notify.NotificationService;
import dev.scopekeeper.pat.LifecyclePolicyService;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatPolicy;
import dev.scopekeeper.pat.PolicyService;
import dev.scopekeeper.pat.PolicyViolations;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /admin/policy}: the rules for new tokens and regenerations. Saving first counts the existing
 * tokens that break the new policy and, if there are any, offers to revoke them (they are never altered
 * silently).
 */
@Route("admin/policy")
@RolesAllowed("ADMIN")
@Menu(title = "admin.policy.nav", order = 92, icon = "SHIELD")
class AdminPolicyView extends Main implements HasDynamicTitle {

    private final PolicyService policies;
    final IntegerField maxLifetimeDays = new IntegerField();
    final Checkbox neverAllowed = new Checkbox();
    final Select<String> defaultDuration = new Select<>();
    final Checkbox descriptionRequired = new Checkbox();
    final IntegerField maxScopes = new IntegerField();
    final Checkbox autoRevoke = new Checkbox();
    final IntegerField autoRevokeDays = new IntegerField();
    final Button save = new Button();
    private final FieldErrors errors;
    ConfirmDialog violationsDialog;

    final LifecyclePolicyPanel lifecycle;

    AdminPolicyView(
            PolicyService policies, LifecyclePolicyService lifecyclePolicies, NotificationService notifications) {
        this.policies = policies;
        addClassName("sk-page");
        maxLifetimeDays.setLabel(getTranslation("admin.policy.maxLifetimeDays"));
        maxLifetimeDays.setMin(1);
        maxLifetimeDays.setMax(PatPolicy.MAX_LIFETIME_LIMIT);
        maxLifetimeDays.setStepButtonsVisible(true);
        neverAllowed.setLabel(getTranslation("admin.policy.neverAllowed"));
        defaultDuration.setLabel(getTranslation("admin.policy.defaultDuration"));
        List<String> durations = new ArrayList<>(PatDuration.CHOICES);
        durations.add("never");
        defaultDuration.setItems(durations);
        defaultDuration.setItemLabelGenerator(d -> getTranslation("admin.duration." + d));
        descriptionRequired.setLabel(getTranslation("admin.policy.descriptionRequired"));
        maxScopes.setLabel(getTranslation("admin.policy.maxScopes"));
        maxScopes.setMin(1);
        maxScopes.setMax(PatPolicy.MAX_SCOPES_LIMIT);
        maxScopes.setStepButtonsVisible(true);
        autoRevoke.setLabel(getTranslation("admin.policy.autoRevoke"));
        autoRevokeDays.setLabel(getTranslation("admin.policy.autoRevokeDays"));
        autoRevokeDays.setMin(1);
        autoRevoke.addValueChangeListener(e -> autoRevokeDays.setEnabled(e.getValue()));
        save.setText(getTranslation("admin.policy.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        errors = new FieldErrors(this::getTranslation)
                .bind("maxLifetimeDays", maxLifetimeDays)
                .bind("defaultDuration", defaultDuration)
                .bind("maxScopes", maxScopes)
                .bind("autoRevokeUnusedDays", autoRevokeDays);
        show(policies.get());
        add(
                new H1(getTranslation("admin.policy.title")),
                new Paragraph(getTranslation("admin.policy.intro")),
                new FormLayout(
                        maxLifetimeDays,
                        defaultDuration,
                        maxScopes,
                        neverAllowed,
                        descriptionRequired,
                        autoRevoke,
                        autoRevokeDays),
                save);
        lifecycle = new LifecyclePolicyPanel(lifecyclePolicies, notifications);
        add(lifecycle);
    }

    private void show(PatPolicy policy) {
        maxLifetimeDays.setValue(policy.maxLifetimeDays());
        neverAllowed.setValue(policy.neverAllowed());
        defaultDuration.setValue(policy.defaultDuration());
        descriptionRequired.setValue(policy.descriptionRequired());
        maxScopes.setValue(policy.maxScopes());
        autoRevoke.setValue(policy.autoRevokeUnusedDays() != null);
        autoRevokeDays.setValue(policy.autoRevokeUnusedDays() == null ? 90 : policy.autoRevokeUnusedDays());
        autoRevokeDays.setEnabled(policy.autoRevokeUnusedDays() != null);
    }

    PatPolicy edited() {
        if (maxLifetimeDays.getValue() == null) {
            throw new InvalidInput(
                    "maxLifetimeDays",
                    "admin.policy.validation.maxLifetime",
                    String.valueOf(PatPolicy.MAX_LIFETIME_LIMIT));
        }
        if (maxScopes.getValue() == null) {
            throw new InvalidInput(
                    "maxScopes", "admin.policy.validation.maxScopes", String.valueOf(PatPolicy.MAX_SCOPES_LIMIT));
        }
        if (autoRevoke.getValue() && autoRevokeDays.getValue() == null) {
            throw new InvalidInput(
                    "autoRevokeUnusedDays",
                    "admin.policy.validation.autoRevoke",
                    String.valueOf(PatPolicy.MAX_LIFETIME_LIMIT));
        }
        return new PatPolicy(
                maxLifetimeDays.getValue(),
                neverAllowed.getValue(),
                defaultDuration.getValue(),
                descriptionRequired.getValue(),
                maxScopes.getValue(),
                autoRevoke.getValue() ? autoRevokeDays.getValue() : null);
    }

    private void save() {
        errors.clear();
        try {
            PatPolicy policy = edited();
            PolicyViolations violations = policies.countViolations(policy);
            if (violations.total() == 0) {
                saved(policies.update(policy), 0);
                return;
            }
            violationsDialog = new ConfirmDialog();
            violationsDialog.setHeader(getTranslation("admin.policy.violations.title"));
            violationsDialog.setText(getTranslation(
                    "admin.policy.violations.text",
                    violations.total(),
                    violations.lifetimeTooLong(),
                    violations.neverExpiring(),
                    violations.tooManyScopes(),
                    violations.missingDescription()));
            violationsDialog.setConfirmText(
                    getTranslation("admin.policy.violations.saveAndRevoke", violations.total()));
            violationsDialog.setConfirmButtonTheme("error primary");
            violationsDialog.addConfirmListener(e -> apply(policy, true));
            violationsDialog.setRejectable(true);
            violationsDialog.setRejectText(getTranslation("admin.policy.violations.saveOnly"));
            violationsDialog.addRejectListener(e -> apply(policy, false));
            violationsDialog.setCancelable(true);
            violationsDialog.setCancelText(getTranslation("admin.cancel"));
            violationsDialog.open();
        } catch (ServiceException e) {
            errors.show(e);
        }
    }

    private void apply(PatPolicy policy, boolean revoke) {
        try {
            PatPolicy savedPolicy = policies.update(policy);
            saved(savedPolicy, revoke ? policies.revokeViolations(savedPolicy) : 0);
        } catch (ServiceException e) {
            errors.show(e);
        }
    }

    private void saved(PatPolicy policy, int revoked) {
        show(policy);
        Feedback.show(
                revoked > 0
                        ? getTranslation("admin.policy.savedAndRevoked", revoked)
                        : getTranslation("admin.policy.saved"),
                NotificationVariant.SUCCESS);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.policy.title");
    }
}
