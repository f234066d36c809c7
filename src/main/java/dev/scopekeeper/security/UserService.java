package dev.scopekeeper.security;

import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's own account. Administration of other users lives in the admin feature. */
@Service
@PreAuthorize("isAuthenticated()")
@UserCredentialsOnly
public class UserService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UserService(
            UserRepository users,
            PasswordEncoder passwordEncoder,
            CurrentUser currentUser,
            Clock clock,
            ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public UserProfile me() {
        return loadMe().toProfile();
    }

    @Transactional
    public UserProfile updateProfile(String displayName, String email) {
        User me = loadMe();
        me.changeProfile(Credentials.displayName(displayName, me.getUsername()), Credentials.email(email));
        return me.toProfile();
    }

    /**
     * Requires the current password; the new one must pass the strength rule and match its confirmation. The
     * user's API tokens and their other browser sessions end; the browser session making the change stays
     * signed in.
     */
    @Transactional
    public void changePassword(String currentPassword, String newPassword, String confirmPassword) {
        User me = loadMe();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, me.getPasswordHash())) {
            throw new InvalidInput("currentPassword", "validation.password.currentWrong");
        }
        Credentials.password("newPassword", newPassword, confirmPassword, me.getUsername());
        if (passwordEncoder.matches(newPassword, me.getPasswordHash())) {
            throw new InvalidInput("newPassword", "validation.password.unchanged");
        }
        me.changePasswordHash(passwordEncoder.encode(newPassword));
        me.invalidateTokens(clock.instant());
        events.publishEvent(new BrowserSessions.PasswordChanged(me.getId(), BrowserSessions.currentSessionId()));
    }

    private User loadMe() {
        return users.findById(currentUser.id()).orElseThrow(() -> new NotFound("error.notFound"));
    }
}
