package dev.scopekeeper.pat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * JPA entity listener of {@link PersonalAccessToken} (a Spring bean, through Hibernate's Spring bean container)
 * that keeps {@link PatListCounts} exact across the change of a single token, so the first list call after
 * creating, renaming, revoking, regenerating or deleting a token does not count the owner's 100,000 tokens again.
 *
 * <p>Each token remembers what its list filters and orders look at ({@link PatListCounts.Row}: name, revocation,
 * expiry, creation, id) as
 * it was loaded. When Hibernate writes an insert, an update that changes one of those, or a delete, the owner's
 * counts are marked as changing at once — before the database commit, so no count made from then on is kept — and
 * the difference (the row as it was and as it is) is applied to the kept counts after the commit; after a
 * rollback nothing is applied. On the entity rather than in each service method, so no way of changing a token
 * can forget it. Bulk JPQL statements bypass entity listeners: those that change rows
 * ({@link PatRepository#revokeAll}, {@link PatRepository#deleteAllByOwner}) end the owners' counts instead.
 *
 * <p>The same changes keep the stored per-owner counts ({@link PatOwnerCounts}) in the database, in the same
 * transaction: added up per owner and written by a Hibernate before-completion callback, which runs after the
 * session's last flush and before the commit; a bulk statement ({@link PatListCounts.Changed},
 * {@link PatEvents.OwnerChanged}, published inside its transaction) has the owner counted again there.
 */
@Component
class PatListChanges {

    private final PatListCounts counts;
    private final ObjectProvider<EntityManagerFactory> entityManagerFactory;

    PatListChanges(PatListCounts counts, ObjectProvider<EntityManagerFactory> entityManagerFactory) {
        this.counts = counts;
        this.entityManagerFactory = entityManagerFactory;
    }

    /** A bulk statement changed the owner's tokens in the current transaction: its stored counts are made again. */
    @EventListener
    void on(PatListCounts.Changed event) {
        recount(event.ownerId());
    }

    @EventListener
    void on(PatEvents.OwnerChanged event) {
        recount(event.ownerId());
    }

    private void recount(long ownerId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            changes().recount(ownerId);
        }
    }

    @PostLoad
    void loaded(PersonalAccessToken pat) {
        pat.listedAs(PatListCounts.Row.of(pat));
    }

    @PostPersist
    void inserted(PersonalAccessToken pat) {
        PatListCounts.Row now = PatListCounts.Row.of(pat);
        changed(pat.getOwnerId(), null, now, true);
        pat.listedAs(now);
    }

    @PostUpdate
    void updated(PersonalAccessToken pat) {
        PatListCounts.Row now = PatListCounts.Row.of(pat);
        PatListCounts.Row before = pat.listedAs();
        if (before == null || !before.equals(now)) {
            changed(pat.getOwnerId(), before, now, before != null);
        }
        pat.listedAs(now);
    }

    @PostRemove
    void removed(PersonalAccessToken pat) {
        changed(pat.getOwnerId(), pat.listedAs(), null, pat.listedAs() != null);
    }

    /**
     * {@code known} is false when the row as it was is not known (a token whose load this listener did not see):
     * then the owner's counts end instead of being adjusted. The changes are kept with the current transaction's
     * synchronizations, so a transaction suspended for a nested one keeps its own.
     */
    private void changed(long ownerId, PatListCounts.Row before, PatListCounts.Row after, boolean known) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counts.evict(ownerId);
            return;
        }
        changes().add(ownerId, before, after, known);
    }

    /**
     * The current transaction's changes, registered on first use: with Spring (kept counts, after commit) and with
     * the transaction's Hibernate session (stored counts, before completion).
     */
    private Changes changes() {
        return TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Changes.class::isInstance)
                .map(Changes.class::cast)
                .findFirst()
                .orElseGet(() -> {
                    Changes fresh = new Changes(counts);
                    EntityManager em =
                            EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory.getObject());
                    if (em == null) {
                        throw new IllegalStateException("a token changed outside a JPA transaction");
                    }
                    em.unwrap(SharedSessionContractImplementor.class)
                            .getTransactionCompletionCallbacks()
                            .registerCallback(fresh::writeCounts);
                    TransactionSynchronizationManager.registerSynchronization(fresh);
                    return fresh;
                });
    }

    /** One transaction's token changes: owners marked changing at once, differences applied after commit. */
    private static final class Changes implements TransactionSynchronization {

        private final PatListCounts counts;
        private final Set<Long> owners = new LinkedHashSet<>();
        private final List<PatListCounts.Delta> deltas = new ArrayList<>();
        private final Map<Long, PatOwnerCounts.Net> nets = new HashMap<>();
        private final Set<Long> recount = new HashSet<>();
        private boolean exact = true;

        Changes(PatListCounts counts) {
            this.counts = counts;
        }

        void add(long ownerId, PatListCounts.Row before, PatListCounts.Row after, boolean known) {
            if (owners.add(ownerId)) {
                counts.changing(ownerId);
            }
            deltas.add(new PatListCounts.Delta(ownerId, before, after));
            exact &= known;
            if (known) {
                PatOwnerCounts.Net net = nets.computeIfAbsent(ownerId, id -> new PatOwnerCounts.Net());
                net.add(before, -1);
                net.add(after, 1);
            } else {
                recount.add(ownerId);
            }
        }

        /** A bulk statement changed the owner's tokens: counted again before the commit; kept counts end. */
        void recount(long ownerId) {
            if (owners.add(ownerId)) {
                counts.changing(ownerId);
            }
            recount.add(ownerId);
            exact = false; // the kept counts cannot be adjusted by a change they were not told
        }

        /** Hibernate's before-completion callback: after the last flush, on the transaction's connection. */
        private void writeCounts(SharedSessionContractImplementor session) {
            session.doWork(connection -> PatOwnerCounts.write(connection, nets, recount));
        }

        private boolean committed;

        /**
         * After commit rather than at completion: what this publishes to the other nodes is collected by the
         * transaction's own synchronizations (CacheEvictions), which still run at completion.
         */
        @Override
        public void afterCommit() {
            committed = true;
            // a row's earlier state unknown: count those owners again
            counts.changed(owners, exact ? deltas : null);
        }

        @Override
        public void afterCompletion(int status) {
            if (!committed) {
                counts.changed(owners, List.of()); // rolled back: nothing changed
            }
        }
    }
}
