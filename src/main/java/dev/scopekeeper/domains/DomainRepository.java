package dev.scopekeeper.domains;

import dev.scopekeeper.base.Status;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface DomainRepository extends JpaRepository<Domain, Long>, JpaSpecificationExecutor<Domain> {

    boolean existsByRoute(String route);

    boolean existsByRouteAndIdNot(String route, long id);

    @Query("select d.status from Domain d where d.id = :id")
    Optional<Status> findStatus(long id);

    /** (id, name) of these domains, one query. */
    @Query("select d.id, d.name from Domain d where d.id in :ids")
    java.util.List<Object[]> findNames(java.util.Collection<Long> ids);
}
