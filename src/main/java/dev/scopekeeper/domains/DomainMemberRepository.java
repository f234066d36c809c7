package dev.scopekeeper.domains;

import dev.scopekeeper.authz.DomainRole;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DomainMemberRepository extends JpaRepository<DomainMember, Long> {

    Optional<DomainMember> findByDomainIdAndUserId(long domainId, long userId);

    List<DomainMember> findByUserIdAndDomainIdIn(long userId, Collection<Long> domainIds);

    long countByDomainIdAndRole(long domainId, DomainRole role);

    @Query("select m.role from DomainMember m where m.domainId = :domainId and m.userId = :userId")
    Optional<DomainRole> findRole(long domainId, long userId);

    @Query(value = """
            select new dev.scopekeeper.domains.MemberView(m.userId, u.username, u.displayName, m.role)
            from DomainMember m join User u on u.id = m.userId
            where m.domainId = :domainId""", countQuery = "select count(m) from DomainMember m where m.domainId = :domainId")
    Page<MemberView> findViews(long domainId, Pageable page);

    @Query("""
            select new dev.scopekeeper.domains.MemberView(m.userId, u.username, u.displayName, m.role)
            from DomainMember m join User u on u.id = m.userId
            where m.domainId = :domainId and m.userId = :userId""")
    Optional<MemberView> findView(long domainId, long userId);

    @Query("select u.id from User u where u.username = :username")
    Optional<Long> findUserIdByUsername(String username);

    @Query("select count(u) > 0 from User u where u.id = :userId")
    boolean userExists(long userId);

    @Query("select count(a) > 0 from DomainMember a, DomainMember b where a.userId = :userId"
            + " and b.userId = :otherUserId and a.domainId = b.domainId")
    boolean shareADomain(long userId, long otherUserId);
}
