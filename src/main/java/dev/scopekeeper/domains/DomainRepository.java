package dev.scopekeeper.domains;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface DomainRepository extends JpaRepository<Domain, Long>, JpaSpecificationExecutor<Domain> {

    boolean existsByRoute(String route);

    boolean existsByRouteAndIdNot(String route, long id);

    /** (id, name) of these domains, one query. */
    @Query("select d.id, d.name from Domain d where d.id in :ids")
    List<Object[]> findNames(Collection<Long> ids);
}
