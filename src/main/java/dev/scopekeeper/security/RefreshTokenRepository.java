package dev.scopekeeper.security;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, Long> {

    /** Locked, so two concurrent refreshes with the same token serialize and the second sees it used. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<RefreshToken> findByTokenDigest(String tokenDigest);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :at where t.familyId = :family and t.revokedAt is null")
    int revokeFamily(@Param("family") String familyId, @Param("at") Instant at);

    /** Housekeeping: rows past their expiry are of no use to anyone. */
    @Modifying
    @Query("delete from RefreshToken t where t.userId = :user and t.expiresAt < :before")
    int deleteExpired(@Param("user") long userId, @Param("before") Instant before);
}
