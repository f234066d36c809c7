package dev.scopekeeper.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.base.ui.SecretDisplay;
import dev.scopekeeper.pat.PatTokens;
import dev.scopekeeper.security.PlatformRole;
import org.junit.jupiter.api.Test;

class AdminServicesViewTest extends BrowserlessTestBase {

    private String cell(AdminServicesView view, int row, String column) {
        return test(view.grid).getCellText(row, test(view.grid).getColumnPosition(column));
    }

    private void create(String name) {
        Dialog dialog = find(Dialog.class).single();
        test(find(TextField.class, dialog).withCaption("Name").single()).setValue(name);
        test(find(Button.class, dialog).withText("Create").single()).click();
    }

    @Test
    void anAdministratorCreatesAServiceCredentialAndSeesItsSecretOnce() {
        signInAsNew("svcui", PlatformRole.ADMIN);
        AdminServicesView view = navigate(AdminServicesView.class);
        String name = "billing-" + System.nanoTime();

        test(view.create).click();
        create(name);

        Dialog dialog = find(Dialog.class).single();
        SecretDisplay shown = find(SecretDisplay.class, dialog).single();
        assertThat(shown.secret()).startsWith("svc_");
        assertThat(PatTokens.check(shown.secret(), "svc_")).isNull();
        assertThat(find(Paragraph.class, shown).single().getText()).contains("it will not be shown again");
        assertThat(find(Button.class, dialog)
                        .withAttribute("aria-label", "Copy to clipboard")
                        .all())
                .hasSize(1);
        assertThat(notifications()).contains("Service credential \"" + name + "\" created");

        assertThat(cell(view, 0, "name")).isEqualTo(name);
        assertThat(cell(view, 0, "hint")).isEqualTo(PatTokens.hint(shown.secret()));
        assertThat(cell(view, 0, "status")).isEqualTo("Active");

        test(find(Button.class, dialog).withText("Close").single()).click();
        assertThat(find(SecretDisplay.class).all()).as("gone once closed").isEmpty();
    }

    @Test
    void aBlankNameIsShownAtTheFieldAndNothingIsCreated() {
        signInAsNew("svcblank", PlatformRole.ADMIN);
        AdminServicesView view = navigate(AdminServicesView.class);
        test(view.create).click();
        create(" ");

        TextField field = find(TextField.class, find(Dialog.class).single())
                .withCaption("Name")
                .single();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isNotBlank();
        assertThat(find(SecretDisplay.class).all()).isEmpty();
    }

    @Test
    void aNameAlreadyInUseIsShownAtTheFieldAndTheDialogStaysOpen() {
        signInAsNew("svcdup", PlatformRole.ADMIN);
        AdminServicesView view = navigate(AdminServicesView.class);
        String name = "dup-" + System.nanoTime();
        test(view.create).click();
        create(name);
        test(find(Button.class, find(Dialog.class).single()).withText("Close").single())
                .click();

        test(view.create).click();
        create(name);

        TextField field = find(TextField.class, find(Dialog.class).single())
                .withCaption("Name")
                .single();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage())
                .isEqualTo("A service credential named \"" + name + "\" already exists; revoke it first or choose"
                        + " another name");
        assertThat(field.getValue()).as("what was typed is kept").isEqualTo(name);
        assertThat(find(SecretDisplay.class).all()).isEmpty();
    }

    @Test
    void revokingAsksFirstWithTheSafeButtonFocusedThenMarksItRevoked() {
        signInAsNew("svcrevoke", PlatformRole.ADMIN);
        AdminServicesView view = navigate(AdminServicesView.class);
        String name = "retire-" + System.nanoTime();
        test(view.create).click();
        create(name);
        test(find(Button.class, find(Dialog.class).single()).withText("Close").single())
                .click();

        assertThat(view.revoke.isEnabled()).as("nothing selected").isFalse();
        test(view.grid).select(0);
        assertThat(view.revoke.isEnabled()).isTrue();
        test(view.revoke).click();

        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getText()).contains(name);
        Button cancel = find(Button.class, confirm).withText("Cancel").single();
        assertThat(cancel.isAutofocus()).as("the safe choice has the focus").isTrue();
        test(confirm).confirm();

        assertThat(notifications()).contains("Service credential \"" + name + "\" revoked");
        assertThat(cell(view, 0, "name")).isEqualTo(name);
        assertThat(cell(view, 0, "status")).isEqualTo("Revoked");
        assertThat(view.revoke.isEnabled()).isFalse();
    }

    @Test
    void administratorsFindTheScreenInTheNavigation() {
        signInAsNew("svcnav", PlatformRole.ADMIN);
        navigate(AdminServicesView.class);
        assertThat(find(SideNavItem.class).all().stream().map(SideNavItem::getLabel))
                .contains("Services");
    }

    @Test
    void usersDoNotFindTheScreenInTheNavigation() {
        signInAsNew("svcnouser", PlatformRole.USER);
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat(find(SideNavItem.class).all().stream().map(SideNavItem::getLabel))
                .doesNotContain("Services");
    }
}
