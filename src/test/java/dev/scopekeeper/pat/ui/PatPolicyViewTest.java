package dev.scopekeeper.pat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatPolicy;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.PolicyService;
import dev.scopekeeper.security.PlatformRole;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An administrator policy that forbids Never and caps the lifetime at 90 days shapes the Duration choices. */
class PatPolicyViewTest extends BrowserlessTestBase {

    @Autowired
    PatService pats;

    @Autowired
    PolicyService policies;

    @BeforeEach
    void anAdministratorForbidsNeverAndCapsTheLifetimeAt90Days() {
        signInAsNew("policy-admin", PlatformRole.ADMIN);
        policies.update(new PatPolicy(90, false, "30d", false, 200, null));
    }

    @AfterEach
    void theDefaultPolicyComesBack() {
        signInAsNew("policy-admin", PlatformRole.ADMIN);
        policies.update(PatPolicy.DEFAULT);
    }

    @Test
    void neverAndChoicesBeyondTheMaximumAreNotOfferedWhenCreating() {
        signInAsNew("policy", PlatformRole.USER);
        PatCreateView view = navigate(PatCreateView.class);

        assertThat(test(view.duration.duration).getSuggestions())
                .containsExactly("1 day", "7 days", "30 days", "60 days", "90 days", "Custom date");
        assertThat(view.duration.customDate.getMax()).isNotNull();
    }

    @Test
    void neverIsNotOfferedWhenRegeneratingEither() {
        signInAsNew("policy", PlatformRole.USER);
        long id = pats.create(new CreatePatRequest("capped", "", PatDuration.days(30), null, List.of()))
                .pat()
                .id();
        PatDetailView view = navigate("pats/" + id, PatDetailView.class);
        test(view.regenerate).click();
        Dialog dialog = find(Dialog.class).single();
        DurationField duration = find(DurationField.class).from(dialog).single();

        assertThat(test(duration.duration).getSuggestions()).doesNotContain("Never", "1 year");
        assertThat(find(Button.class).from(dialog).withText("Regenerate").exists())
                .isTrue();
    }
}
