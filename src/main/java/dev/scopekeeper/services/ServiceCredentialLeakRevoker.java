package dev.scopekeeper.services;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revokes service credentials reported as leaked (the unauthenticated credential revocation endpoint, beside
 * {@code PatLeakRevoker}): every given secret that is a live service credential is revoked at once (its next
 * request is refused: the authentication reads the row every time) and audited with its hint and the reporter's
 * address. Internal: the caller has checked the format and throttled the reporter; nothing here tells it what was
 * found.
 */
@Component
public class ServiceCredentialLeakRevoker {

    /** At most this many secrets per call: the bound of the {@code IN (...)} lookup. */
    public static final int MAX_SECRETS = 1000;

    private final ServiceSecrets secrets;
    private final ServiceCredentialRepository credentials;
    private final AuditLog audit;
    private final Clock clock;

    ServiceCredentialLeakRevoker(
            ServiceSecrets secrets, ServiceCredentialRepository credentials, AuditLog audit, Clock clock) {
        this.secrets = secrets;
        this.credentials = credentials;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the string has the form of a service credential's secret (prefix and checksum). */
    public static boolean wellFormed(String secret) {
        return ServiceSecrets.wellFormed(secret);
    }

    /**
     * Revokes the live service credentials among these well-formed secrets; returns how many (for logs and tests
     * only). One query whatever the number of secrets, then one update and audit row per credential revoked.
     */
    @Transactional
    public int revokeLeaked(Collection<String> leaked, String reporterAddress) {
        Map<String, String> secretByDigest = secrets.byDigest(leaked, MAX_SECRETS);
        if (secretByDigest.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int revoked = 0;
        for (ServiceCredential credential : credentials.findBySecretDigestIn(secretByDigest.keySet())) {
            if (credential.isRevoked()) {
                continue;
            }
            credential.revoke(now);
            revoked++;
            audit.recordAnonymous(
                    AuditEventType.SERVICE_CREDENTIAL_REVOKED,
                    null,
                    null,
                    "service",
                    credential.getId(),
                    reporterAddress,
                    "\"" + credential.getName() + "\" " + credential.getSecretHint() + " reported as leaked from "
                            + reporterAddress);
        }
        return revoked;
    }
}
