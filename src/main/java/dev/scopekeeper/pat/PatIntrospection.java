package dev.scopekeeper.pat;

import dev.scopekeeper.authz.AccessDecision;
import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.base.Messages;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What another service (authenticated with a service credential, authority {@code CREDENTIAL_SERVICE}) may ask
 * about a PAT it was shown: is it live and whose is it ({@link #introspect}), and would the authorization rule let
 * it do one operation ({@link #authorize}). A token is judged exactly as {@link PatAuthenticator} judges it, without
 * counting it as used; the decision is the product's one decision function ({@link PatAccessCheck}), never a copy. The token is never logged or stored.
 */
@Service
@PreAuthorize("hasAuthority('CREDENTIAL_SERVICE')") // UserCredentialsOnly.SERVICE_AUTHORITY
public class PatIntrospection {

    /** A live token, as RFC 7662 describes it: no secret, its scopes as {@code domain:type:operation:entity}. */
    public record ActiveToken(
            long patId, long ownerId, String username, Instant issuedAt, Instant expiresAt, List<String> scopes) {}

    /** The answer of {@link #authorize}: {@code reason} is a stable code, {@code detail} says it in words. */
    public record Decision(boolean allowed, String reason, String detail) {}

    private final PatAuthenticator authenticator;
    private final PatRepository pats;
    private final PatAccessCheck accessCheck;

    PatIntrospection(PatAuthenticator authenticator, PatRepository pats, PatAccessCheck accessCheck) {
        this.authenticator = authenticator;
        this.pats = pats;
        this.accessCheck = accessCheck;
    }

    /** The token's facts when it is a live PAT; empty for anything else (unknown, revoked, expired, malformed). */
    @Transactional(readOnly = true)
    public Optional<ActiveToken> introspect(String token) {
        return authenticator.live(token).flatMap(pat -> pats.findById(pat.patId())
                .map(stored -> new ActiveToken(
                        pat.patId(),
                        pat.getPrincipal().id(),
                        pat.getPrincipal().username(),
                        stored.getIssuedAt(),
                        pat.expiresAt(),
                        pat.scopes().stream()
                                .map(s -> s.domainId() + ":" + s.entityType().wireName() + ":" + s.operation() + ":"
                                        + s.entity())
                                .toList())));
    }

    /**
     * Whether the token may do {@code op} in the domain (on the entity, or on the domain when null): the one decision
     * function of the authorization rule ({@code authz.AccessRule} through {@link PatAccessCheck}), the same answer the
     * token's own request would get. A token that is not live is never allowed ({@code token_inactive}).
     */
    @Transactional(readOnly = true)
    public Decision authorize(String token, long domainId, Operation op, Long entityIdOrNull) {
        Optional<PatAuthentication> pat = authenticator.live(token);
        if (pat.isEmpty()) {
            return new Decision(false, "token_inactive", Messages.get("svc.decision.tokenInactive"));
        }
        AccessDecision decision = accessCheck.check(pat.get(), domainId, op, entityIdOrNull);
        return new Decision(
                decision.allowed(), decision.reason().code(), Messages.get(decision.messageKey(), decision.args()));
    }
}
