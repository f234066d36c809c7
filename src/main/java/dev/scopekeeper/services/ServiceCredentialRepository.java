package dev.scopekeeper.services;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceCredentialRepository extends JpaRepository<ServiceCredential, Long> {

    /** The authentication lookup: one indexed query by digest. */
    Optional<ServiceCredential> findBySecretDigest(String secretDigest);

    Slice<ServiceCredential> findAllBy(Pageable pageable);

    /** The leak report's lookup: one query for up to {@link ServiceCredentialLeakRevoker#MAX_SECRETS} digests. */
    List<ServiceCredential> findBySecretDigestIn(Collection<String> secretDigests);

    /** The live (not revoked) credential with this name by the column's collation (case and accents aside). */
    Optional<ServiceCredential> findFirstByNameAndRevokedAtIsNull(String name);
}
