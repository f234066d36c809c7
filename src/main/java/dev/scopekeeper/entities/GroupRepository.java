package dev.scopekeeper.entities;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface GroupRepository extends EntityRepository<Group> {

    /** One level of the hierarchy below the given groups, bounded by the caller. */
    List<Group> findByDomainIdAndParentGroupIdInOrderByName(long domainId, Collection<Long> parentIds);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Group g set g.parentGroupId = null where g.domainId = :domainId and g.parentGroupId = :groupId")
    int detachChildren(long domainId, long groupId);
}
