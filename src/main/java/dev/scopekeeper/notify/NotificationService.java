package dev.scopekeeper.notify;

import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.UserCredentialsOnly;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail as the screens see it: whether outgoing mail is configured (administrators), and my own choice about
 * expiry mails (security notices — created for me by an administrator, revoked by someone else, reported as
 * leaked — are always sent).
 */
@Service
@UserCredentialsOnly
public class NotificationService {

    /** Whether mail goes out at all, and from which address. */
    public record MailStatus(boolean configured, String from) {}

    private final Mailer mailer;
    private final NotifyPreferenceRepository preferences;
    private final CurrentUser currentUser;

    NotificationService(Mailer mailer, NotifyPreferenceRepository preferences, CurrentUser currentUser) {
        this.mailer = mailer;
        this.preferences = preferences;
        this.currentUser = currentUser;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public MailStatus mailStatus() {
        return new MailStatus(mailer.configured(), mailer.from());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean expiryMailsEnabled() {
        return preferences
                .findById(currentUser.id())
                .map(NotifyPreference::expiryMails)
                .orElse(true);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public boolean setExpiryMails(boolean enabled) {
        long me = currentUser.id();
        NotifyPreference preference = preferences.findById(me).orElseGet(() -> new NotifyPreference(me));
        preference.setExpiryMails(enabled);
        preferences.save(preference);
        return enabled;
    }
}
