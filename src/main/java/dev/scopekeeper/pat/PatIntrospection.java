package dev.scopekeeper.pat;

import dev.scopekeeper.authz.DomainAccess;
import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.ServiceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What another service (authenticated with a service credential, authority {@code CREDENTIAL_SERVICE}) may ask
 * about a PAT it was shown: is it live and whose is it ({@link #introspect}), and would the authorization rule let
 * it do one operation ({@link #authorize}). A token is judged exactly as {@link PatAuthenticator} judges it, without
 * counting it as used; the decision is the product's own rule, never a copy. The token is never logged or stored.
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
    private final DomainAccess access;
    private final SecurityContextHolderStrategy contexts;

    PatIntrospection(
            PatAuthenticator authenticator,
            PatRepository pats,
            DomainAccess access,
            ObjectProvider<SecurityContextHolderStrategy> contexts) {
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.authenticator = authenticator;
        this.pats = pats;
        this.access = access;
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
     * Whether the token may do {@code op} in the domain (on the entity, or on the domain when null): the rule that
     * every request made with the token passes, run for the token's owner narrowed to its scopes.
     */
    @Transactional(readOnly = true)
    public Decision authorize(String token, long domainId, Operation op, Long entityIdOrNull) {
        Optional<PatAuthentication> pat = authenticator.live(token);
        if (pat.isEmpty()) {
            return new Decision(false, "token_inactive", Messages.get("svc.decision.tokenInactive"));
        }
        SecurityContext caller = contexts.getContext();
        SecurityContext asToken = contexts.createEmptyContext();
        asToken.setAuthentication(pat.get());
        contexts.setContext(asToken);
        try {
            if (op.isDomainBound()) {
                access.require(domainId, op, entityIdOrNull);
            } else {
                access.requireUnbound(op);
            }
            return new Decision(true, "allowed", Messages.get("svc.decision.allowed"));
        } catch (ServiceException.NotFound e) {
            return new Decision(false, "not_found", Messages.get(e.messageKey(), e.args()));
        } catch (ServiceException.Forbidden e) {
            return new Decision(false, "forbidden", Messages.get(e.messageKey(), e.args()));
        } catch (ServiceException.Conflict e) {
            return new Decision(false, "domain_disabled", Messages.get(e.messageKey(), e.args()));
        } finally {
            contexts.setContext(caller);
        }
    }
}
