package dev.scopekeeper.domains;

import dev.scopekeeper.authz.AccessFactsChanged;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * JPA entity listener of {@link Domain} and {@link DomainMember} (a Spring bean, through Hibernate's Spring bean
 * container): every insert, update and delete of a domain or a membership publishes {@link AccessFactsChanged},
 * which evicts the cached access facts after commit. On the entities rather than in each service method, so no
 * way of changing a membership (adding, changing the role, removing, accepting an invitation, creating a
 * domain) can forget it. Bulk JPQL updates bypass entity listeners: domains has none on these tables.
 */
@Component
class AccessFactsPublisher {

    private final ApplicationEventPublisher events;

    AccessFactsPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        switch (entity) {
            case Domain domain -> events.publishEvent(AccessFactsChanged.ofDomain(domain.getId()));
            case DomainMember member ->
                events.publishEvent(AccessFactsChanged.ofMembership(member.getDomainId(), member.getUserId()));
            default -> {}
        }
    }
}
