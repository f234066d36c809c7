package dev.scopekeeper.entities;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.NoRepositoryBean;

/** What every entity repository answers; lookups are always within one domain. */
@NoRepositoryBean
interface EntityRepository<E extends DomainEntity> extends JpaRepository<E, Long>, JpaSpecificationExecutor<E> {

    Optional<E> findByIdAndDomainId(long id, long domainId);

    boolean existsByDomainIdAndName(long domainId, String name);

    boolean existsByDomainIdAndNameAndIdNot(long domainId, String name, long id);

    /** (id, name) of those entities in the domain, one query (PAT scope views name their entities in batches). */
    @Query("select e.id, e.name from #{#entityName} e where e.domainId = :domainId and e.id in :ids")
    List<Object[]> findNames(long domainId, Collection<Long> ids);
}
