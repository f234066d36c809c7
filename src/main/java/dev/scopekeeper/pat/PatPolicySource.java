package dev.scopekeeper.pat;

import dev.scopekeeper.base.CacheEvictions;
import dev.scopekeeper.base.TaggedCache;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current {@link PatPolicy}, read from the single row of {@code pat_policy} and kept in memory: a change
 * evicts it right after commit, on every node of a cluster ({@link CacheEvictions}); it is re-read at most every
 * 30 seconds in any case.
 */
@Component
class PatPolicySource {

    /** Published when the policy row changed. */
    record PolicyChanged() {}

    private static final String KEY = "current";

    private final PatPolicyRepository repository;
    private final TransactionTemplate readOnly;
    private final TaggedCache<String, PatPolicy> cached;

    PatPolicySource(PatPolicyRepository repository, PlatformTransactionManager transactions, CacheEvictions evictions) {
        this.repository = repository;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.cached = evictions.cache("pat-policy", Duration.ofSeconds(30), 1, (key, policy) -> List.of());
    }

    PatPolicy current() {
        return cached.get(
                KEY,
                key -> readOnly.execute(status -> repository
                        .findById(PatPolicyRecord.ID)
                        .map(PatPolicyRecord::toPolicy)
                        .orElse(PatPolicy.DEFAULT)));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PolicyChanged event) {
        cached.evictAll();
    }
}
