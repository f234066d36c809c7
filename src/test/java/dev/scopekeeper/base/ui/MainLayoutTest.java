package dev.scopekeeper.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.security.PlatformRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frame of every screen (issue 11): skip link, notifications (domain switching: DomainSelectTest). */
class MainLayoutTest extends BrowserlessTestBase {

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
