package dev.scopekeeper.domains;

import dev.scopekeeper.authz.DomainDirectory;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.security.PlatformRole;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers {@link dev.scopekeeper.authz.DomainAccess}'s questions from the domains tables. */
@Component
@Transactional(readOnly = true)
class DomainDirectoryAdapter implements DomainDirectory {

    private final DomainRepository domains;
    private final DomainMemberRepository members;

    DomainDirectoryAdapter(DomainRepository domains, DomainMemberRepository members) {
        this.domains = domains;
        this.members = members;
    }

    @Override
    public Optional<Status> domainStatus(long domainId) {
        return domains.findStatus(domainId);
    }

    @Override
    public Optional<String> domainName(long domainId) {
        return domains.findById(domainId).map(Domain::getName);
    }

    @Override
    public Optional<DomainRole> memberRole(long userId, long domainId) {
        return members.findRole(domainId, userId);
    }

    @Override
    public Optional<PlatformRole> activeUserRole(long userId) {
        return members.findActiveUserRole(userId);
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
