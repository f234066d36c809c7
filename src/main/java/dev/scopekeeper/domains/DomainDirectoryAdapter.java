package dev.scopekeeper.domains;

import dev.scopekeeper.authz.DomainDirectory;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers {@link DomainDirectory}'s questions from the domains tables. */
@Component
@Transactional(readOnly = true)
class DomainDirectoryAdapter implements DomainDirectory {

    private final DomainRepository domains;

    DomainDirectoryAdapter(DomainRepository domains) {
        this.domains = domains;
    }

    @Override
    public Optional<String> domainName(long domainId) {
        return domains.findById(domainId).map(Domain::getName);
    }

    @Override
    public Map<Long, String> domainNames(Collection<Long> domainIds) {
        Map<Long, String> names = new HashMap<>();
        if (!domainIds.isEmpty()) {
            for (Object[] row : domains.findNames(domainIds)) {
                names.put((Long) row[0], (String) row[1]);
            }
        }
        return names;
    }
}
