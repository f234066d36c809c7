package dev.scopekeeper.security.ui;

import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.popover.PopoverVariant;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.scopekeeper.security.UserProfile;

/**
 * The avatar at the top right. Clicking it (or Enter / Space on it) opens a popover with the user's
 * name and e-mail and the items {@code Profile}, {@code Personal Access Tokens} and {@code Sign out}.
 */
class UserMenu extends Div {

    final Button trigger = new Button();
    final Popover popover = new Popover();
    final Button profile = new Button();
    final Button tokens = new Button();
    final Button signOut = new Button();

    UserMenu(UserProfile user, AuthenticationContext authenticationContext) {
        addClassName("sk-user-menu");
        Avatar avatar = new Avatar(user.displayName());
        avatar.setAbbreviation(user.initials());
        // the button's own label names it; the avatar is decoration (its initials would contradict that name)
        avatar.getElement().setAttribute("aria-hidden", "true");
        trigger.setIcon(avatar);
        trigger.addThemeVariants(ButtonVariant.TERTIARY);
        trigger.addClassName("sk-avatar-button");
        trigger.setAriaLabel(getTranslation("userMenu.open", user.displayName()));
        trigger.setTooltipText(user.displayName());

        popover.setTarget(trigger);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.addThemeVariants(PopoverVariant.ARROW);
        popover.setAutofocus(true);
        popover.getElement().setAttribute("aria-label", getTranslation("userMenu.label"));

        Span name = new Span(user.displayName());
        name.addClassName("sk-user-menu-name");
        Span email = new Span(user.email());
        email.addClassName("sk-user-menu-email");
        Div identity = new Div(name, email);
        identity.addClassName("sk-user-menu-identity");

        profile.setText(getTranslation("userMenu.profile"));
        profile.setIcon(VaadinIcon.USER.create());
        profile.addClickListener(e -> navigate("profile"));
        tokens.setText(getTranslation("userMenu.tokens"));
        tokens.setIcon(VaadinIcon.KEY.create());
        tokens.addClickListener(e -> navigate("pats"));
        signOut.setText(getTranslation("userMenu.signOut"));
        signOut.setIcon(VaadinIcon.SIGN_OUT.create());
        signOut.addClickListener(e -> {
            popover.close();
            authenticationContext.logout();
        });
        for (Button item : new Button[] {profile, tokens, signOut}) {
            item.addThemeVariants(ButtonVariant.TERTIARY);
            item.addClassName("sk-user-menu-item");
        }
        Div items = new Div(profile, tokens, signOut);
        items.addClassName("sk-user-menu-items");
        popover.add(identity, items);
        add(trigger, popover);
    }

    private void navigate(String route) {
        popover.close();
        getUI().ifPresent(ui -> ui.navigate(route));
    }
}
