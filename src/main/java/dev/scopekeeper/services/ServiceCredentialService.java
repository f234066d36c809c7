package dev.scopekeeper.services;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.OffsetPage;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.pat.PatTokens;
import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.UserCredentialsOnly;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service credentials, for platform administrators only (a person, never a PAT or a service credential): create one
 * ({@code svc_} + the PAT format's body and checksum, {@link ServiceSecrets}; the secret is returned once and only its
 * digest is stored), list them, revoke one. Every change is audited, with the hint, never the secret.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
@UserCredentialsOnly
public class ServiceCredentialService {

    private final ServiceCredentialRepository credentials;
    private final ServiceSecrets secrets;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    ServiceCredentialService(
            ServiceCredentialRepository credentials,
            ServiceSecrets secrets,
            CurrentUser currentUser,
            AuditLog audit,
            Clock clock) {
        this.credentials = credentials;
        this.secrets = secrets;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public IssuedServiceCredential create(String name) {
        String clean = Names.name("name", name);
        // named as it is stored: the collation also finds "Billing" or "bílling" for "billing"
        credentials.findFirstByNameAndRevokedAtIsNull(clean).ifPresent(live -> {
            throw new Conflict("name", "svc.validation.name.taken", live.getName());
        });
        String secret = secrets.generate();
        ServiceCredential credential;
        try {
            // the unique key on live names (changeset 145) decides between two creates racing past the check
            credential = credentials.saveAndFlush(new ServiceCredential(
                    clean, secrets.digest(secret), PatTokens.hint(secret), now(), currentUser.id()));
        } catch (DataIntegrityViolationException e) {
            throw new Conflict("name", "svc.validation.name.taken", clean);
        }
        audit.record(
                AuditEventType.SERVICE_CREDENTIAL_CREATED,
                "service",
                credential.getId(),
                "\"" + clean + "\" " + credential.getSecretHint());
        return new IssuedServiceCredential(credential.view(), secret);
    }

    /** Newest first, with the total (the API's list). */
    @Transactional(readOnly = true)
    public ListResult<ServiceCredentialView> list(int offset, int limit) {
        OffsetPage page = OffsetPage.of(offset, limit, newestFirst());
        return ListResult.of(credentials.findAll(page), page, ServiceCredential::view);
    }

    /** Newest first, without counting (the screen's lazy grid). */
    @Transactional(readOnly = true)
    public Slice<ServiceCredentialView> listSlice(int offset, int limit) {
        return credentials
                .findAllBy(OffsetPage.of(offset, limit, newestFirst()))
                .map(ServiceCredential::view);
    }

    /** Revokes it at once: the next request with its secret is refused. Revoking twice changes nothing. */
    @Transactional
    public ServiceCredentialView revoke(long serviceId) {
        ServiceCredential credential =
                credentials.findById(serviceId).orElseThrow(() -> new NotFound("svc.error.notFound"));
        if (!credential.isRevoked()) {
            credential.revoke(now());
            audit.record(
                    AuditEventType.SERVICE_CREDENTIAL_REVOKED,
                    "service",
                    credential.getId(),
                    "\"" + credential.getName() + "\" " + credential.getSecretHint());
        }
        return credential.view();
    }

    private static Sort newestFirst() {
        return Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
