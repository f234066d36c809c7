package dev.scopekeeper.services;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.base.Messages;
import dev.scopekeeper.pat.PatTokens;
import dev.scopekeeper.security.api.AuditedRefusal;
import dev.scopekeeper.security.api.BearerTokenAuthenticator;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Authorization: Bearer svc_…}: the service credential's own provider in the API's resource-server chain.
 * Every refusal (malformed, bad checksum, unknown, revoked) is the same 401 with the same words, and counts as a bad
 * token for the {@code AuthenticationThrottle} like any other; the stored digest is compared in constant time. A
 * refusal of a well-formed secret is audited with its hint, never the secret.
 */
@Component
@Order(1)
class ServiceCredentialAuthenticator implements BearerTokenAuthenticator {

    private final ServiceCredentialRepository credentials;
    private final ServiceSecrets secrets;
    private final AuditLog audit;
    private final TransactionTemplate readOnly;

    ServiceCredentialAuthenticator(
            ServiceCredentialRepository credentials,
            ServiceSecrets secrets,
            AuditLog audit,
            PlatformTransactionManager transactions) {
        this.credentials = credentials;
        this.secrets = secrets;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The one answer to every bad service credential. */
    static final class ServiceCredentialRefused extends AuditedRefusal {
        /** Not audited (not a well-formed secret). */
        ServiceCredentialRefused() {
            super(Messages.get("svc.auth.invalid"), "", detail -> {});
        }

        /** Audited by the API's authentication once the throttle has counted it (see {@link AuditedRefusal}). */
        ServiceCredentialRefused(String detail, Consumer<String> audit) {
            super(Messages.get("svc.auth.invalid"), detail, audit);
        }
    }

    private record Found(long id, String name, String digest, boolean revoked) {}

    @Override
    public boolean supports(String token) {
        return token.startsWith(ServiceSecrets.PREFIX);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String secret = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (!ServiceSecrets.wellFormed(secret)) {
            throw new ServiceCredentialRefused();
        }
        String digest = secrets.digest(secret);
        Optional<Found> found = readOnly.execute(status -> credentials
                .findBySecretDigest(digest)
                .map(c -> new Found(c.getId(), c.getName(), c.getSecretDigest(), c.isRevoked())));
        // compare in constant time even when nothing was found, so both answers take the same work
        boolean same = ServiceSecrets.sameDigest(found.map(Found::digest).orElse(digest), digest) && found.isPresent();
        if (!same || found.get().revoked()) {
            String ip = authentication.getDetails() instanceof WebAuthenticationDetails details
                    ? details.getRemoteAddress()
                    : null;
            Long id = found.map(Found::id).orElse(null);
            throw new ServiceCredentialRefused(
                    (found.isPresent() ? "revoked service credential " : "unknown service credential ")
                            + PatTokens.hint(secret),
                    detail -> audit.recordAnonymous(
                            AuditEventType.SERVICE_CREDENTIAL_USE_DENIED, null, null, "service", id, ip, detail));
        }
        return new ServiceAuthentication(new ServiceAuthentication.ServiceCaller(
                found.get().id(), found.get().name()));
    }
}
