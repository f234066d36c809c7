package dev.scopekeeper.entities;

import dev.scopekeeper.authz.DomainAccess;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.ListSpecs;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.OffsetPage;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.base.Tags;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * The operations groups, clients and channels share. Subclasses expose them as public methods named after the
 * catalogue, each declaring its {@link dev.scopekeeper.authz.RequiresOperation}, which is checked before the
 * method runs; nothing here checks again.
 * Entities are always looked up within the given domain, so an id from another domain is simply not found.
 */
abstract class EntityServiceBase<E extends DomainEntity, V> {

    private static final Sort BY_NAME = Sort.by("name", "id");

    protected final EntityRepository<E> repository;
    protected final GroupRepository groups;
    protected final DomainAccess access;
    protected final Clock clock;
    private final EntityType type;

    protected EntityServiceBase(
            EntityType type, EntityRepository<E> repository, GroupRepository groups, DomainAccess access, Clock clock) {
        this.type = type;
        this.repository = repository;
        this.groups = groups;
        this.access = access;
        this.clock = clock;
    }

    protected abstract V toView(E entity);

    /** Loads the entity from the domain (the caller's operation is already authorized). */
    protected E load(long domainId, long id) {
        return find(domainId, id);
    }

    /** Like {@link #load}, refusing a disabled entity: only enable and delete work on those. */
    protected E loadChangeable(long domainId, long id) {
        E entity = load(domainId, id);
        requireEnabled(entity);
        return entity;
    }

    protected E find(long domainId, long id) {
        return repository.findByIdAndDomainId(id, domainId).orElseThrow(() -> notFound(type));
    }

    protected Group findGroup(long domainId, long groupId) {
        return groups.findByIdAndDomainId(groupId, domainId).orElseThrow(() -> notFound(EntityType.GROUPS));
    }

    protected static void requireEnabled(DomainEntity entity) {
        if (entity.getStatus() == Status.DISABLED) {
            throw new Conflict(null, "entity.disabled", entity.getName());
        }
    }

    protected static NotFound notFound(EntityType type) {
        return new NotFound(type.wireName() + ".notFound");
    }

    /** A valid name not used by another entity of this type in the domain. */
    protected String uniqueName(long domainId, String name, Long exceptId) {
        String valid = Names.name("name", name);
        boolean taken = exceptId == null
                ? repository.existsByDomainIdAndName(domainId, valid)
                : repository.existsByDomainIdAndNameAndIdNot(domainId, valid, exceptId);
        if (taken) {
            throw nameTaken(valid);
        }
        return valid;
    }

    /** Inserts; a concurrent insert of the same name still ends as Conflict, not as a database error. */
    protected E insert(E entity) {
        try {
            return repository.saveAndFlush(entity);
        } catch (DataIntegrityViolationException e) {
            throw nameTaken(entity.getName());
        }
    }

    private static Conflict nameTaken(String name) {
        return new Conflict("name", "entity.nameTaken", name);
    }

    protected V viewOf(long domainId, long id) {
        return toView(load(domainId, id));
    }

    protected V renamed(long domainId, long id, String name) {
        E entity = loadChangeable(domainId, id);
        entity.rename(uniqueName(domainId, name, id));
        return toView(entity);
    }

    protected V retagged(long domainId, long id, List<String> tags) {
        E entity = loadChangeable(domainId, id);
        entity.setTags(Tags.validate(tags));
        return toView(entity);
    }

    protected V withStatus(long domainId, long id, Status status) {
        E entity = load(domainId, id);
        entity.setStatus(status);
        return toView(entity);
    }

    protected void deleteEntity(long domainId, long id) {
        repository.delete(load(domainId, id));
    }

    protected V withParentGroup(long domainId, long id, long groupId) {
        E entity = loadChangeable(domainId, id);
        Group parent = findGroup(domainId, groupId);
        attach(entity, parent);
        return toView(entity);
    }

    /** Makes {@code parent} the entity's parent group; groups override it to refuse cycles. */
    protected void attach(E entity, Group parent) {
        entity.setParentGroupId(parent.getId());
    }

    protected V withoutParentGroup(long domainId, long id) {
        E entity = loadChangeable(domainId, id);
        entity.setParentGroupId(null);
        return toView(entity);
    }

    /** A page of the domain's entities of this type matching {@code query} and {@code scope}, by name. */
    protected ListResult<V> page(long domainId, ListQuery query, Specification<E> scope) {
        return page(access, type, repository, domainId, query, scope, this::toView);
    }

    /** A page of any entity type, filtered to what the caller's access restrictions let them see. */
    static <X extends DomainEntity, W> ListResult<W> page(
            DomainAccess access,
            EntityType type,
            EntityRepository<X> repository,
            long domainId,
            ListQuery query,
            Specification<X> scope,
            Function<X, W> mapper) {
        OffsetPage page = query.toPageable(BY_NAME);
        Specification<X> spec =
                ListSpecs.<X>equal("domainId", domainId).and(scope).and(ListSpecs.matching(query));
        Optional<Set<Long>> visible = access.visibleEntityIds(domainId, type);
        if (visible.isPresent()) {
            spec = spec.and(ListSpecs.idIn(visible.get()));
        }
        return ListResult.of(repository.findAll(spec, page), page, mapper);
    }

    protected static <E> Specification<E> everything() {
        return (root, q, cb) -> cb.conjunction();
    }
}
