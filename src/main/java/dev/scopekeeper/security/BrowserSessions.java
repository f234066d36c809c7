package dev.scopekeeper.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends browser (form sign-in) sessions when the account behind them changes, with Spring Security's own
 * {@link SessionRegistry}: every signed-in session is registered (the Vaadin chain's session management,
 * {@code maximumSessions(-1)}); here its {@link SessionInformation} is expired, and the chain's
 * {@code ConcurrentSessionFilter} signs that session out on its next request and redirects to the sign-in page.
 * After the change commits, so a sign-in racing the change reads the new account, never the old one.
 */
@Component
class BrowserSessions {

    /** The user changed their own password: their browser sessions other than {@code keepSessionId} end. */
    record PasswordChanged(long userId, String keepSessionId) {}

    private final SessionRegistry registry;

    BrowserSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Disabled, enabled, promoted, demoted or password reset by an administrator: every session ends. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(UserAccountChanged event) {
        end(event.userId(), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PasswordChanged event) {
        end(event.userId(), event.keepSessionId());
    }

    /** The current request's browser session id, or null (an API call, or no session). */
    static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            HttpSession session = request.getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }

    /** Registers a session signed in outside the form (first-run setup), so it can be ended like the others. */
    void register(String sessionId, ScopekeeperPrincipal principal) {
        registry.registerNewSession(sessionId, principal);
    }

    private void end(long userId, String keepSessionId) {
        // The registry keys sessions by principal; a principal records the role and enabled flag it signed in
        // with, so every principal of this user id is looked at, not just one equal to the current account.
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof ScopekeeperPrincipal signedIn && signedIn.id() == userId) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    if (!session.getSessionId().equals(keepSessionId)) {
                        session.expireNow();
                    }
                }
            }
        }
    }
}
