package dev.scopekeeper.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Random keys the server makes for itself on first use and keeps in the database. Values are never logged. */
@Component
class ServerSecrets {

    static final int KEY_BYTES = 32;

    private final ServerSecretRepository secrets;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ServerSecrets(ServerSecretRepository secrets, PlatformTransactionManager transactionManager, Clock clock) {
        this.secrets = secrets;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The named key, generated and stored the first time it is asked for. */
    byte[] getOrCreate(String name) {
        return find(name).orElseGet(() -> {
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            try {
                transaction.executeWithoutResult(status ->
                        secrets.insert(name, Base64.getEncoder().encodeToString(key), clock.instant()));
                return key;
            } catch (DataIntegrityViolationException raceLost) {
                return find(name).orElseThrow(() -> raceLost);
            }
        });
    }

    private Optional<byte[]> find(String name) {
        return transaction.execute(status -> secrets.findById(name)
                .map(secret -> Base64.getDecoder().decode(secret.getValue())));
    }
}
