package dev.scopekeeper.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.popover.Popover;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The avatar at the top right and its popover (Magistrala guide, "User Popover"). */
class UserMenuTest extends BrowserlessTestBase {

    @Test
    void theAvatarOpensAPopoverWithNameEmailAndTheThreeItems() {
        UserProfile user = signInAsNew("menu", PlatformRole.USER);
        navigate(HomeView.class);

        Button avatar = find(Button.class)
                .withAriaLabel("Open user menu for " + user.displayName())
                .single();
        Popover popover = find(Popover.class).single();
        assertThat(popover.getTarget()).isSameAs(avatar);
        assertThat(popover.isOpenOnClick()).isTrue();

        List<String> texts =
                find(Span.class, popover).all().stream().map(Span::getText).toList();
        assertThat(texts).contains(user.displayName(), user.email());
        List<String> items =
                find(Button.class, popover).all().stream().map(Button::getText).toList();
        assertThat(items).containsExactly("Profile", "Personal Access Tokens", "Sign out");
    }

    @Test
    void theProfileItemOpensTheProfilePage() {
        signInAsNew("menu", PlatformRole.USER);
        navigate(HomeView.class);
        Popover popover = find(Popover.class).single();

        test(find(Button.class, popover).withText("Profile").single()).click();

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ProfileView");
    }

    @Test
    void theSideNavigationListsTheSectionsAUserMayOpen() {
        signInAsNew("nav", PlatformRole.USER);
        navigate(HomeView.class);

        var labels = find(com.vaadin.flow.component.sidenav.SideNavItem.class).all().stream()
                .map(com.vaadin.flow.component.sidenav.SideNavItem::getLabel)
                .toList();
        assertThat(labels).contains("Home");
    }
}
