package dev.scopekeeper.authz;

import dev.scopekeeper.base.Status;
import dev.scopekeeper.security.PlatformRole;
import java.util.Optional;

/**
 * What {@link DomainAccess} decides on for one user in one domain, read together in one statement: the account
 * (null role: no such user), the domain's status (null: no such domain) and the membership role (null: not a
 * member).
 */
record AccessFacts(boolean accountEnabled, PlatformRole platformRole, Status domainStatus, DomainRole memberRole) {

    static final AccessFacts NO_USER = new AccessFacts(false, null, null, null);

    Optional<Status> status() {
        return Optional.ofNullable(domainStatus);
    }

    /** The platform role of an existing, enabled account. */
    Optional<PlatformRole> activeUserRole() {
        return accountEnabled ? Optional.ofNullable(platformRole) : Optional.empty();
    }

    /**
     * ADMIN for an enabled platform administrator, the membership role for an enabled member, empty for everyone
     * else or when the domain does not exist.
     */
    Optional<DomainRole> effectiveRole() {
        if (domainStatus == null) {
            return Optional.empty();
        }
        return activeUserRole()
                .flatMap(role ->
                        role == PlatformRole.ADMIN ? Optional.of(DomainRole.ADMIN) : Optional.ofNullable(memberRole));
    }
}
