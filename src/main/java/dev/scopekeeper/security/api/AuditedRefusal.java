package dev.scopekeeper.security.api;

import java.util.function.Consumer;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * A refused bearer token whose audit row the API's authentication writes once the {@link AuthenticationThrottle}
 * has counted it, not the authenticator itself: refusals within the address's limit are audited one by one, the
 * first refusal over it once more with a note, and every further one (answered 429) not at all. Otherwise an
 * attacker sending bad tokens as fast as the throttle answers 429 would still make the server write one audit row
 * per request.
 */
public class AuditedRefusal extends BadCredentialsException {

    private final transient Consumer<String> audit;
    private final String detail;

    /**
     * @param message the problem detail (never the token)
     * @param detail the audit row's detail (a hint of the token at most, never the token)
     * @param audit writes the audit row with the detail it is given
     */
    protected AuditedRefusal(String message, String detail, Consumer<String> audit) {
        super(message);
        this.detail = detail;
        this.audit = audit;
    }

    void audit() {
        audit.accept(detail);
    }

    void auditThrottled(String note) {
        audit.accept(detail + "; " + note);
    }
}
