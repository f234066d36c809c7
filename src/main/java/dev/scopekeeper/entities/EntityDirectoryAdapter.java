package dev.scopekeeper.entities;

import dev.scopekeeper.authz.EntityDirectory;
import dev.scopekeeper.authz.EntityType;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class EntityDirectoryAdapter implements EntityDirectory {

    private final ClientRepository clients;
    private final ChannelRepository channels;
    private final GroupRepository groups;

    EntityDirectoryAdapter(ClientRepository clients, ChannelRepository channels, GroupRepository groups) {
        this.clients = clients;
        this.channels = channels;
        this.groups = groups;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> entityName(long domainId, EntityType type, long entityId) {
        EntityRepository<? extends DomainEntity> repository =
                switch (type) {
                    case CLIENTS -> clients;
                    case CHANNELS -> channels;
                    case GROUPS -> groups;
                    case DOMAINS -> null;
                };
        return repository == null
                ? Optional.empty()
                : repository.findByIdAndDomainId(entityId, domainId).map(DomainEntity::getName);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> entityNames(long domainId, EntityType type, Collection<Long> entityIds) {
        EntityRepository<? extends DomainEntity> repository =
                switch (type) {
                    case CLIENTS -> clients;
                    case CHANNELS -> channels;
                    case GROUPS -> groups;
                    case DOMAINS -> null;
                };
        Map<Long, String> names = new HashMap<>();
        if (repository != null && !entityIds.isEmpty()) {
            for (Object[] row : repository.findNames(domainId, entityIds)) {
                names.put((Long) row[0], (String) row[1]);
            }
        }
        return names;
    }
}
