package dev.scopekeeper.security;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserRepository extends JpaRepository<User, Long>, JpaSpecificationExecutor<User> {

    /** API sign-out: tokens issued before {@code at} stop working (no version bump, no entity loaded). */
    @Modifying
    @Query("update User u set u.tokensValidAfter = :at where u.id = :id")
    int invalidateTokens(@Param("id") long id, @Param("at") java.time.Instant at);

    /**
     * The access facts of one user in one domain, in ONE statement (issue 12): the account's enabled flag and
     * platform role, the domain's status and the user's membership role there. No row when the user does not
     * exist; domain status and member role null when the domain or the membership does not exist. Plain SQL
     * over the three tables, so the feature owning the users table answers it without a Java dependency on
     * {@code domains}.
     */
    @Query(nativeQuery = true, value = """
            select u.enabled, u.role, d.status, m.role as member_role
            from app_user u
            left join domain d on d.id = :domainId
            left join domain_member m on m.domain_id = d.id and m.user_id = u.id
            where u.id = :userId""")
    List<Object[]> findAccessFacts(@Param("userId") long userId, @Param("domainId") long domainId);

    /**
     * The user (id, username, enabled, role) with the access facts of several domains in ONE statement: a row
     * per existing domain of {@code domainIds} (domain id, status, the user's membership role or null), or one
     * row with a null domain when none exists. No row when the user does not exist.
     */
    @Query(nativeQuery = true, value = """
            select u.id, u.username, u.enabled, u.role, d.id as domain_id, d.status, m.role as member_role
            from app_user u
            left join domain d on d.id in (:domainIds)
            left join domain_member m on m.domain_id = d.id and m.user_id = u.id
            where u.id = :userId""")
    List<Object[]> findPrincipalWithAccessFacts(
            @Param("userId") long userId, @Param("domainIds") java.util.Collection<Long> domainIds);

    /** Case-insensitive thanks to the column's collation. */
    Optional<User> findByUsername(String username);

    boolean existsByUsername(String username);

    /**
     * The two lowest-id enabled users of a role, locked: enough to tell whether anyone besides a given
     * user keeps the role, and concurrent callers serialize on the first of them.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<User> findTop2ByRoleAndEnabledTrueOrderByIdAsc(PlatformRole role);
}
