package dev.scopekeeper.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The frame of every screen (issue 11): header order, skip link, notifications (domain switching: DomainSelectTest). */
class MainLayoutTest extends BrowserlessTestBase {

    @Autowired
    PatService pats;

    @Test
    void theHeaderShowsTheDomainSelectorTheExpiringCountAndTheAvatarInThatOrder() {
        signInAsNew("header", PlatformRole.USER);
        pats.create(new CreatePatRequest("soon", "", PatDuration.days(1), null, List.of()));
        navigate("", com.vaadin.flow.component.Component.class);

        List<String> header = banner().getChildren()
                .map(c -> String.join(" ", c.getClassNames()))
                .filter(c -> !c.isEmpty())
                .toList();

        assertThat(header).containsSubsequence("sk-app-name", "sk-domain-select", "sk-expiring-soon", "sk-user-menu");
        assertThat(header.getLast()).isEqualTo("sk-user-menu");
    }

    @Test
    void theNavbarIsOneBannerLandmarkThatStartsWithTheSkipLink() {
        signInAsNew("landmarks", PlatformRole.USER);
        navigate("", com.vaadin.flow.component.Component.class);

        // a <header> outside article/aside/main/nav/section is the page's banner: nothing of the navbar is outside
        List<com.vaadin.flow.component.Component> navbar = find(MainLayout.class)
                .single()
                .getChildren()
                .filter(c -> "navbar".equals(c.getElement().getAttribute("slot")))
                .toList();
        assertThat(navbar).containsExactly(banner());
        assertThat(banner().getElement().getTag()).isEqualTo("header");
        assertThat(banner().getChildren().findFirst().orElseThrow().getClassNames())
                .contains("sk-skip-link");
    }

    private Header banner() {
        return find(Header.class).withClassName("sk-header").single();
    }

    @Test
    void aSkipLinkLeadsToTheScreensContent() {
        signInAsNew("skipper", PlatformRole.USER);
        navigate("", com.vaadin.flow.component.Component.class);
        Anchor skip = find(Anchor.class).withClassName("sk-skip-link").single();
        assertThat(skip.getText()).isEqualTo("Skip to content");
        assertThat(skip.getHref()).isEqualTo("#" + MainLayout.MAIN_ID);
        assertThat(((com.vaadin.flow.component.Component) UI.getCurrent().getCurrentView()).getId())
                .contains(MainLayout.MAIN_ID);
    }

    @Test
    void notificationsShowOneAtATimeTopRightAndSuccessClosesItself() {
        signInAsNew("notified", PlatformRole.USER);
        navigate("", com.vaadin.flow.component.Component.class);
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
