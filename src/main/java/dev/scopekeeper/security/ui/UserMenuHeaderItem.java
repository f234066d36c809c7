package dev.scopekeeper.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.scopekeeper.base.ui.HeaderItem;
import dev.scopekeeper.security.UserService;
import org.springframework.core.annotation.Order;

/** The avatar and its popover ({@link UserMenu}), last in the header. */
@org.springframework.stereotype.Component
@Order(HeaderItem.USER_MENU)
class UserMenuHeaderItem implements HeaderItem {

    private final UserService users;
    private final AuthenticationContext authenticationContext;

    UserMenuHeaderItem(UserService users, AuthenticationContext authenticationContext) {
        this.users = users;
        this.authenticationContext = authenticationContext;
    }

    @Override
    public Component create() {
        return new UserMenu(users.me(), authenticationContext);
    }
}
