package dev.scopekeeper.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.ResetDatabase;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatPolicy;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.PatStatus;
import dev.scopekeeper.pat.PolicyService;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A fresh database: the policy and its violations are global. */
@ResetDatabase
class AdminPolicyViewTest extends BrowserlessTestBase {

    @Autowired
    PolicyService policies;

    @Autowired
    PatService pats;

    UserProfile admin;

    @AfterEach
    void restoreTheDefaultPolicy() {
        testUsers.signIn(admin);
        policies.update(PatPolicy.DEFAULT);
    }

    @Test
    void savingAPolicyThatExistingTokensBreakOffersToRevokeThem() {
        UserProfile owner = testUsers.create("breaker", PlatformRole.USER);
        testUsers.signIn(owner);
        long forever = pats.create(new CreatePatRequest("forever", "d", PatDuration.never(), null, List.of()))
                .pat()
                .id();
        long week = pats.create(new CreatePatRequest("week", "d", PatDuration.days(7), null, List.of()))
                .pat()
                .id();
        admin = signInAsNew("poladmin", PlatformRole.ADMIN);
        AdminPolicyView view = navigate(AdminPolicyView.class);
        assertThat(view.maxLifetimeDays.getValue()).isEqualTo(365);
        assertThat(view.neverAllowed.getValue()).isTrue();
        assertThat(view.autoRevoke.getValue()).isFalse();

        test(view.neverAllowed).click();
        test(view.descriptionRequired).click();
        test(view.save).click();

        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getText())
                .containsPattern("^\\d+ active token\\(s\\) break the new policy")
                .contains("lifetime too long: 0")
                .doesNotContain("never expiring: 0");
        test(confirm).confirm();

        assertThat(notifications()).anySatisfy(n -> assertThat(n).matches("Policy saved; \\d+ token\\(s\\) revoked"));
        assertThat(policies.get().neverAllowed()).isFalse();
        testUsers.signIn(owner);
        assertThat(pats.get(forever).status()).isEqualTo(PatStatus.REVOKED);
        assertThat(pats.get(week).status()).isEqualTo(PatStatus.ACTIVE);
    }

    @Test
    void savingOnlyKeepsExistingTokensAndAContradictionIsShownAtItsField() {
        UserProfile owner = testUsers.create("keeper", PlatformRole.USER);
        testUsers.signIn(owner);
        long forever = pats.create(new CreatePatRequest("forever", "d", PatDuration.never(), null, List.of()))
                .pat()
                .id();
        admin = signInAsNew("poladmin", PlatformRole.ADMIN);
        AdminPolicyView view = navigate(AdminPolicyView.class);

        test(view.maxLifetimeDays).setValue(10);
        test(view.save).click();
        assertThat(view.defaultDuration.isInvalid()).isTrue();
        assertThat(view.defaultDuration.getErrorMessage())
                .isEqualTo("The default duration cannot be longer than the maximum lifetime (10 days)");

        test(view.defaultDuration).selectItem("7 days");
        test(view.neverAllowed).click();
        test(view.autoRevoke).click();
        test(view.autoRevokeDays).setValue(45);
        test(view.save).click();
        test(find(ConfirmDialog.class).single()).reject();

        assertThat(notifications()).contains("Policy saved");
        PatPolicy saved = policies.get();
        assertThat(saved.maxLifetimeDays()).isEqualTo(10);
        assertThat(saved.defaultDuration()).isEqualTo("7d");
        assertThat(saved.autoRevokeUnusedDays()).isEqualTo(45);
        testUsers.signIn(owner);
        assertThat(pats.get(forever).status()).as("never altered silently").isEqualTo(PatStatus.ACTIVE);
    }
}
