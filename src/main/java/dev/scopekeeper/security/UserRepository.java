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
