package dev.scopekeeper.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AdminTokensViewTest extends BrowserlessTestBase {

    @Autowired
    PatService pats;

    @Autowired
    TestDomains domains;

    private long create(UserProfile owner, String name, PatDuration duration) {
        return domains.as(owner, () -> pats.create(new CreatePatRequest(name, "d", duration, null, List.of()))
                .pat()
                .id());
    }

    @Test
    void anAdministratorFiltersByOwnerAndRevokesASelectionAfterConfirmingTheCount() {
        UserProfile owner = testUsers.create("holder", PlatformRole.USER);
        create(owner, "alpha", PatDuration.days(7));
        create(owner, "beta", PatDuration.never());
        create(owner, "gamma", PatDuration.days(30));
        signInAsNew("tokadmin", PlatformRole.ADMIN);
        AdminTokensView view = navigate(AdminTokensView.class);

        test(view.owner).setFilter(owner.username());
        test(view.owner).selectItem(owner.username());
        assertThat(test(view.grid).size()).isEqualTo(3);
        test(view.neverExpires).click();
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).name()).isEqualTo("beta");
        test(view.neverExpires).click();

        test(view.grid).select(0);
        test(view.grid).select(1);
        assertThat(view.revokeSelected.getText()).isEqualTo("Revoke selected (2)");
        test(view.revokeSelected).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getText()).startsWith("Revoke 2 token(s)?");
        test(confirm).confirm();

        assertThat(notifications()).contains("2 token(s) revoked");
        test(view.status).selectItem("Revoked");
        assertThat(test(view.grid).size()).isEqualTo(2);
    }

    @Test
    void anAdministratorOpensAnyTokenReadOnlyAndRevokesAndDeletesIt() {
        UserProfile owner = testUsers.create("detail", PlatformRole.USER);
        create(owner, "inspect-me", PatDuration.days(7));
        signInAsNew("tokadmin", PlatformRole.ADMIN);
        AdminTokensView view = navigate(AdminTokensView.class);
        test(view.owner).setFilter(owner.username());
        test(view.owner).selectItem(owner.username());

        test(view.grid).clickRow(0);
        AdminTokenDialog dialog = find(AdminTokenDialog.class).single();
        assertThat(dialog.name.getValue()).isEqualTo("inspect-me");
        assertThat(dialog.name.isReadOnly()).isTrue();
        assertThat(dialog.owner.getValue()).isEqualTo(owner.username());
        assertThat(dialog.getElement().getOuterHTML()).doesNotContain("pat_");

        test(dialog.revoke).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertThat(notifications()).contains("Token inspect-me revoked");
        assertThat(dialog.status.getValue()).isEqualTo("Revoked");
        assertThat(dialog.revoke.isEnabled()).isFalse();

        dialog.close();
        test(view.grid).clickRow(0);
        dialog = find(AdminTokenDialog.class).all().stream()
                .filter(AdminTokenDialog::isOpened)
                .findFirst()
                .orElseThrow();
        test(dialog.delete).click();
        test(find(ConfirmDialog.class).all().stream()
                        .filter(ConfirmDialog::isOpened)
                        .findFirst()
                        .orElseThrow())
                .confirm();
        assertThat(test(view.grid).size()).as("deleted").isZero();
    }

    @Test
    void anInvalidFilterIsShownAtItsField() {
        signInAsNew("tokadmin", PlatformRole.ADMIN);
        AdminTokensView view = navigate(AdminTokensView.class);
        test(view.unusedFor).setValue(40_000);
        assertThat(view.unusedFor.isInvalid()).isTrue();
        assertThat(view.unusedFor.getErrorMessage()).isEqualTo("Days must be between 0 and 36500");
        assertThat(find(Button.class).all()).isNotEmpty();
    }
}
