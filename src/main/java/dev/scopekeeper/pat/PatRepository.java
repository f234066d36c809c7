package dev.scopekeeper.pat;

import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PatRepository extends JpaRepository<PersonalAccessToken, Long>, JpaSpecificationExecutor<PersonalAccessToken> {

    Optional<PersonalAccessToken> findByIdAndOwnerId(long id, long ownerId);

    /** The authentication lookup: one indexed query by digest, scopes fetched with it. */
    @EntityGraph(attributePaths = "scopes")
    Optional<PersonalAccessToken> findBySecretDigest(String secretDigest);

    boolean existsByOwnerIdAndName(long ownerId, String name);

    boolean existsByOwnerIdAndNameAndIdNot(long ownerId, String name, long id);

    @Query("select p.secretDigest from PersonalAccessToken p where p.ownerId = :ownerId")
    java.util.List<String> findDigestsByOwnerId(long ownerId);

    @Modifying
    @Query("delete from PersonalAccessToken p where p.ownerId = :ownerId")
    int deleteAllByOwner(long ownerId);


}
