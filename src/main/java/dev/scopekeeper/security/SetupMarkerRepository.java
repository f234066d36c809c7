package dev.scopekeeper.security;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SetupMarkerRepository extends JpaRepository<SetupMarker, Integer> {

    /** A plain INSERT: a second concurrent setup fails on the primary key instead of merging. */
    @Modifying
    @Query(
            value = "INSERT INTO app_setup (id, completed_at, admin_user_id) VALUES (1, :at, :adminId)",
            nativeQuery = true)
    void insertMarker(Instant at, long adminId);
}
