package dev.scopekeeper.domains.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The header's current-domain selector (issue 11; moved out of MainLayoutTest with the selector). */
class DomainSelectTest extends BrowserlessTestBase {

    @Autowired
    TestDomains domains;

    @Test
    void aDetailPageGoesToItsListAndAScreenOfItsOwnStays() {
        assertThat(DomainSelect.listOf("clients/12")).isEqualTo("clients");
        assertThat(DomainSelect.listOf("groups/3/members")).isEqualTo("groups");
        assertThat(DomainSelect.listOf("admin/users")).isNull();
        assertThat(DomainSelect.listOf("pats/new")).isNull();
        assertThat(DomainSelect.listOf("admin/policy")).isNull();
    }

    @Test
    void changingTheDomainOnAnAdministrationPageStaysOnThatPage() {
        UserProfile admin = signInAsNew("switcher", PlatformRole.ADMIN);
        long first = domains.domain("First");
        long second = domains.domain("Second");
        domains.member(first, admin, DomainRole.ADMIN);
        domains.member(second, admin, DomainRole.ADMIN);
        navigate("admin/users", com.vaadin.flow.component.Component.class);
        Class<?> before = UI.getCurrent().getCurrentView().getClass();
        DomainSelect select = find(DomainSelect.class).single();
        DomainView target = test(select).getSuggestionItems().stream()
                .filter(d -> d.id() == second)
                .findFirst()
                .orElseThrow();

        test(select).selectItem(target.name());

        assertThat(UI.getCurrent().getCurrentView().getClass()).isEqualTo(before);
        assertThat(before.getSimpleName()).isEqualTo("AdminUsersView");
    }
}
