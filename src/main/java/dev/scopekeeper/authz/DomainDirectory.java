package dev.scopekeeper.authz;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Domain facts other features show, implemented by the domains feature (no cycle between the two). The facts
 * {@link DomainAccess} decides on come from {@link AccessFactsCache} in one statement.
 */
public interface DomainDirectory {

    /** The domain's display name, empty when it does not exist. */
    Optional<String> domainName(long domainId);

    /** Display names of these domains, in one query; ids of domains that do not exist are absent from the map. */
    Map<Long, String> domainNames(Collection<Long> domainIds);
}
