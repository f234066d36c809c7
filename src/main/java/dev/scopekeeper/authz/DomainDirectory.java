package dev.scopekeeper.authz;

import dev.scopekeeper.base.Status;
import dev.scopekeeper.security.PlatformRole;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The facts {@link DomainAccess} decides on, implemented by the domains feature (no cycle between the two). */
public interface DomainDirectory {

    Optional<Status> domainStatus(long domainId);

    Optional<DomainRole> memberRole(long userId, long domainId);

    /** The domain's display name, empty when it does not exist. */
    Optional<String> domainName(long domainId);

    /** The user's platform role, empty when the user does not exist or is disabled. */
    Optional<PlatformRole> activeUserRole(long userId);

    /** Display names of these domains, in one query; ids of domains that do not exist are absent from the map. */
    Map<Long, String> domainNames(Collection<Long> domainIds);
}
