package dev.scopekeeper.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface UserRepository extends JpaRepository<User, Long>, JpaSpecificationExecutor<User> {

    /** Case-insensitive thanks to the column's collation. */
    Optional<User> findByUsername(String username);

    boolean existsByUsername(String username);
}
