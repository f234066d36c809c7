package dev.scopekeeper.notify.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.scopekeeper.base.ui.ProfileSection;
import dev.scopekeeper.notify.NotificationService;
import org.springframework.stereotype.Component;

/** Profile → Notifications: the user may turn expiry mails off; security notices are always sent. */
@Component
class ExpiryMailsProfileSection implements ProfileSection {

    private final NotificationService notifications;

    ExpiryMailsProfileSection(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        return new View(notifications);
    }

    /** The section itself. */
    static final class View extends Section {

        final Checkbox expiryMails = new Checkbox();

        View(NotificationService notifications) {
            addClassName("sk-profile-notifications");
            expiryMails.setLabel(getTranslation("profile.expiryMails"));
            expiryMails.setHelperText(getTranslation("profile.expiryMails.help"));
            expiryMails.setValue(notifications.expiryMailsEnabled());
            expiryMails.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    boolean on = notifications.setExpiryMails(e.getValue());
                    Notification.show(getTranslation(on ? "profile.expiryMails.on" : "profile.expiryMails.off"))
                            .addThemeVariants(NotificationVariant.SUCCESS);
                }
            });
            add(new H2(getTranslation("profile.notifications")), expiryMails);
        }
    }
}
