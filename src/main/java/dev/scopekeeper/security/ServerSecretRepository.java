package dev.scopekeeper.security;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ServerSecretRepository extends JpaRepository<ServerSecret, String> {

    /** A plain INSERT: a second server starting at the same moment fails on the key and reads the winner's. */
    @Modifying
    @Query(value = "INSERT INTO server_secret (name, secret_value, created_at) VALUES (:name, :value, :at)",
            nativeQuery = true)
    void insert(String name, String value, Instant at);
}
