package dev.scopekeeper.pat;

import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current {@link PatPolicy}, read from the single row of {@code pat_policy} and kept in memory: this
 * node refreshes right after its own changes commit, and re-reads at most every 30 seconds as the
 * backstop for changes made on another node.
 */
@Component
class PatPolicySource {

    /** Published when the policy row changed. */
    record PolicyChanged() {}

    private static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final PatPolicyRepository repository;
    private final TransactionTemplate readOnly;
    private volatile PatPolicy cached;
    private volatile long loadedAt;

    PatPolicySource(PatPolicyRepository repository, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    PatPolicy current() {
        PatPolicy policy = cached;
        if (policy == null || System.nanoTime() - loadedAt > MAX_AGE_NANOS) {
            policy = readOnly.execute(status -> repository
                    .findById(PatPolicyRecord.ID)
                    .map(PatPolicyRecord::toPolicy)
                    .orElse(PatPolicy.DEFAULT));
            loadedAt = System.nanoTime();
            cached = policy;
        }
        return policy;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PolicyChanged event) {
        cached = null;
    }
}
