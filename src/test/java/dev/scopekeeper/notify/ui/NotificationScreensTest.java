package dev.scopekeeper.notify.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.notify.NotificationService;
import dev.scopekeeper.pat.LifecyclePolicyService;
import dev.scopekeeper.pat.PatGrace;
import dev.scopekeeper.pat.PatLifecyclePolicy;
import dev.scopekeeper.security.PlatformRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Profile → expiry mails; the policy screen's mail status and lifecycle settings. */
class NotificationScreensTest extends BrowserlessTestBase {

    @Autowired
    NotificationService notifications;

    @Autowired
    LifecyclePolicyService lifecyclePolicies;

    @Test
    void aUserTurnsExpiryMailsOffInTheProfile() {
        signInAsNew("profilemail", PlatformRole.USER);
        navigate("profile", com.vaadin.flow.component.Component.class);
        Checkbox box = find(Checkbox.class)
                .withCaption("E-mail me before my tokens expire")
                .single();
        assertThat(box.getValue()).isTrue();

        test(box).click();

        assertThat(notifications.expiryMailsEnabled()).isFalse();
        assertThat(notifications()).contains("Expiry e-mails are off");
    }

    @Test
    void thePolicyScreenSaysWhereMailComesFromAndEditsTheWarnings() {
        signInAsNew("policymail", PlatformRole.ADMIN);
        PatLifecyclePolicy before = lifecyclePolicies.get();
        try {
            navigate("admin/policy", com.vaadin.flow.component.Component.class);
            assertThat(find(Paragraph.class)
                            .withText("Mail is sent from scopekeeper@test.example.")
                            .exists())
                    .isTrue();
            TextField warnDays = find(TextField.class)
                    .withCaption("Warn before expiry (days)")
                    .single();
            assertThat(warnDays.getValue()).isEqualTo("30, 7, 1");
            test(warnDays).setValue("14, 3");
            @SuppressWarnings("unchecked")
            Select<PatGrace> maxGrace = find(Select.class)
                    .withCaption("Longest \"keep the old secret working\" on regenerate")
                    .single();
            test(maxGrace).selectItem("1 day");
            test(find(Button.class).withText("Save").last()).click();

            assertThat(lifecyclePolicies.get()).isEqualTo(new PatLifecyclePolicy(List.of(14, 3), PatGrace.ONE_DAY));
            assertThat(notifications()).contains("Expiry and rotation settings saved");

            test(warnDays).setValue("0, x");
            test(find(Button.class).withText("Save").last()).click();
            assertThat(warnDays.isInvalid()).isTrue();
        } finally {
            lifecyclePolicies.update(before);
        }
    }
}
