package dev.scopekeeper.audit;

import dev.scopekeeper.base.db.DatabaseFaults;
import dev.scopekeeper.security.ApiSignInEvent;
import dev.scopekeeper.security.ScopekeeperPrincipal;
import dev.scopekeeper.security.UserAdministered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Audits what the security feature reports: administrators' changes to accounts (in their transaction),
 * browser sign-ins, successful or failed (the username as typed, never the password; only the sign-in
 * form's authentications carry {@link WebAuthenticationDetails}), and the API's sign-ins, refreshes and
 * sign-outs ({@link ApiSignInEvent}).
 */
@Component
class SecurityAuditListener {

    private static final Logger log = LoggerFactory.getLogger(SecurityAuditListener.class);

    private final AuditLog audit;

    SecurityAuditListener(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(UserAdministered event) {
        AuditEventType type =
                switch (event.kind()) {
                    case CREATED -> AuditEventType.USER_CREATED;
                    case DISABLED -> AuditEventType.USER_DISABLED;
                    case ENABLED -> AuditEventType.USER_ENABLED;
                    case ROLE_CHANGED -> AuditEventType.USER_ROLE_CHANGED;
                    case PASSWORD_RESET -> AuditEventType.USER_PASSWORD_RESET;
                };
        audit.record(type, "user", event.userId(), event.details());
    }

    /** API sign-ins (both outcomes), refreshes (both outcomes) and sign-outs; outside any transaction. */
    @EventListener
    void on(ApiSignInEvent event) {
        AuditEventType type =
                switch (event.kind()) {
                    case SIGN_IN_SUCCEEDED -> AuditEventType.API_SIGN_IN_SUCCEEDED;
                    case SIGN_IN_FAILED -> AuditEventType.API_SIGN_IN_FAILED;
                    case REFRESHED -> AuditEventType.API_TOKEN_REFRESHED;
                    case REFRESH_REFUSED -> AuditEventType.API_REFRESH_REFUSED;
                    case SIGNED_OUT -> AuditEventType.API_SIGNED_OUT;
                };
        // The account is the actor; no target (a user id in target_id would read like another feature's id).
        audit.recordAnonymous(type, event.userId(), event.username(), null, null, event.address(), event.details());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && authentication.getPrincipal() instanceof ScopekeeperPrincipal principal) {
            audit.recordAnonymous(
                    AuditEventType.LOGIN_SUCCEEDED,
                    principal.id(),
                    principal.username(),
                    "user",
                    principal.id(),
                    details.getRemoteAddress(),
                    "browser sign-in");
        }
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        Authentication authentication = event.getAuthentication();
        if (DatabaseFaults.unavailable(event.getException())) {
            // nothing was checked, and the audit log is in the same database: writing it would only fail the
            // sign-in form's answer too (it says "database unavailable", see SignInFailureHandler)
            log.warn("Browser sign-in not checked: the database is unavailable");
            return;
        }
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            String typed = authentication.getName() == null
                    ? ""
                    : authentication.getName().strip();
            if (typed.length() > 64) {
                typed = typed.substring(0, 64);
            }
            audit.recordAnonymous(
                    AuditEventType.LOGIN_FAILED,
                    null,
                    typed,
                    "user",
                    null,
                    details.getRemoteAddress(),
                    "browser sign-in failed: " + event.getException().getClass().getSimpleName());
        }
    }
}
