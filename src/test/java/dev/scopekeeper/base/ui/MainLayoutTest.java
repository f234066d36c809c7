package dev.scopekeeper.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The frame of every screen (issue 11): domain switching, skip link, notifications. */
class MainLayoutTest extends BrowserlessTestBase {

    @Autowired
    TestDomains domains;

    @Test
    void aDetailPageGoesToItsListAndAScreenOfItsOwnStays() {
        assertThat(MainLayout.listOf("clients/12")).isEqualTo("clients");
        assertThat(MainLayout.listOf("groups/3/members")).isEqualTo("groups");
        assertThat(MainLayout.listOf("admin/users")).isNull();
        assertThat(MainLayout.listOf("pats/new")).isNull();
        assertThat(MainLayout.listOf("admin/policy")).isNull();
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
        MainLayout layout = find(MainLayout.class).single();
        DomainView target = test(layout.domainSelect).getSuggestionItems().stream()
                .filter(d -> d.id() == second)
                .findFirst()
                .orElseThrow();

        test(layout.domainSelect).selectItem(target.name());

        assertThat(UI.getCurrent().getCurrentView().getClass()).isEqualTo(before);
        assertThat(before.getSimpleName()).isEqualTo("AdminUsersView");
    }

    @Test
    void aSkipLinkLeadsToTheScreensContent() {
        signInAsNew("skipper", PlatformRole.USER);
        navigate(HomeView.class);
        Anchor skip = find(Anchor.class).withClassName("sk-skip-link").single();
        assertThat(skip.getText()).isEqualTo("Skip to content");
        assertThat(skip.getHref()).isEqualTo("#" + MainLayout.MAIN_ID);
        assertThat(((com.vaadin.flow.component.Component) UI.getCurrent().getCurrentView()).getId())
                .contains(MainLayout.MAIN_ID);
    }

    @Test
    void notificationsShowOneAtATimeTopRightAndSuccessClosesItself() {
        signInAsNew("notified", PlatformRole.USER);
        navigate(HomeView.class);
        Feedback.show("first", NotificationVariant.SUCCESS);
        Feedback.show("second", NotificationVariant.SUCCESS);

        List<Notification> open = find(Notification.class).all().stream()
                .filter(Notification::isOpened)
                .toList();
        assertThat(open).hasSize(1);
        assertThat(test(open.getFirst()).getText()).isEqualTo("second");
        assertThat(open.getFirst().getPosition()).isEqualTo(Notification.Position.TOP_END);
        assertThat(open.getFirst().getDuration()).isPositive();
    }
}
