package dev.scopekeeper.authz;

import dev.scopekeeper.base.ServiceException.Forbidden;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A stand-in for a token in {@link AccessRestrictionTest}: when active, allows only the listed operations and
 * entities. A component of the one shared test context, inactive unless that test switches it on, so it starts
 * no context of its own (a class nested in a test class would not be component-scanned).
 */
@Component
class FakeTokenRestriction implements AccessRestriction {
    volatile boolean active;
    volatile Set<Operation> operations = Set.of();
    volatile Set<Long> clientIds = Set.of();
    volatile Set<Long> domainIds = Set.of();

    @Override
    public void check(long domainId, Operation op, Long entityIdOrNull) {
        if (active
                && (!operations.contains(op)
                        || (op.entityType() == EntityType.CLIENTS && !clientIds.contains(entityIdOrNull)))) {
            throw new Forbidden("access.roleTooLow", op.entityType().wireName(), op.wireName(), "token");
        }
    }

    @Override
    public Optional<Set<Long>> visibleEntityIds(long domainId, EntityType type) {
        return active && type == EntityType.CLIENTS ? Optional.of(clientIds) : Optional.empty();
    }

    @Override
    public void checkUnbound(Operation op) {
        if (active && !operations.contains(op)) {
            throw new Forbidden("access.platformAdminOnly", op.entityType().wireName(), op.wireName());
        }
    }

    @Override
    public Optional<Set<Long>> visibleDomainIds(Operation op) {
        return active ? Optional.of(domainIds) : Optional.empty();
    }
}
