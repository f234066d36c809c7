package dev.scopekeeper.pat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many tokens each owner has, live (not revoked) and revoked: table {@code pat_owner_count}, written in the
 * transaction that changes the owner's tokens, so the PAT list's total for All, Active, Revoked and Expired is read
 * from one row (and, for Active and Expired, one range read of the owner's expired live tokens) instead of counting
 * 100,000 tokens after a restart. A name search is still counted ({@link PatListCounts} keeps that count).
 *
 * <p>Written by {@link PatListChanges} just before the commit, after Hibernate's last flush, in owner order (so two
 * transactions touching the same owners cannot deadlock on these rows): a token written through Hibernate adds or
 * subtracts itself; a bulk statement, or a row whose earlier state is not known, makes the owner counted again
 * (the row locked first, then counted: under READ COMMITTED the count sees every transaction that wrote the row
 * before, and one that writes it after adds its own change on top). Why here and not in database triggers: creating
 * a trigger on a server with binary logging (a Galera node) needs SUPER or {@code log_bin_trust_function_creators},
 * which an application's database user usually lacks, and MariaDB triggers do not fire on cascaded deletes.
 */
@Component
class PatOwnerCounts {

    @PersistenceContext
    private EntityManager em;

    /** One owner's net change within a transaction: live and revoked tokens added (negative: removed). */
    static final class Net {
        long live;
        long revoked;

        void add(PatListCounts.Row row, int sign) {
            if (row == null) {
                return;
            }
            if (row.revokedAt() == null) {
                live += sign;
            } else {
                revoked += sign;
            }
        }

        boolean isZero() {
            return live == 0 && revoked == 0;
        }
    }

    /**
     * The owner's total for a status filter without a name search (null: all tokens), as {@code PatListQueries}
     * filters: Revoked has a revocation, Expired is live and expired at {@code now}, Active is live and not expired.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long total(long ownerId, PatStatus status, Instant now) {
        boolean timed = status == PatStatus.ACTIVE || status == PatStatus.EXPIRED;
        // one statement: the stored row (none: no tokens) and, for Active and Expired, the owner's expired live
        // tokens, a range of ix_pat_owner_status
        Query query = em.createNativeQuery("SELECT"
                        + " COALESCE((SELECT live FROM pat_owner_count WHERE owner_id = ?1), 0),"
                        + " COALESCE((SELECT revoked FROM pat_owner_count WHERE owner_id = ?1), 0),"
                        + (timed
                                ? " (SELECT COUNT(*) FROM pat WHERE owner_id = ?1 AND revoked_at IS NULL"
                                        + " AND expires_at <= ?2)"
                                : " 0"))
                .setParameter(1, ownerId);
        if (timed) {
            query.setParameter(2, Timestamp.from(now));
        }
        Object[] row = (Object[]) query.getSingleResult();
        long live = ((Number) row[0]).longValue();
        long revoked = ((Number) row[1]).longValue();
        long expired = ((Number) row[2]).longValue();
        if (status == null) {
            return live + revoked;
        }
        return switch (status) {
            case REVOKED -> revoked;
            case EXPIRED -> expired;
            case ACTIVE -> live - expired;
        };
    }

    /** How many tokens (any status) each of the owners has, read from the stored counts; owners without are absent. */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<Long, Long> totals(Collection<Long> ownerIds) {
        Map<Long, Long> totals = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT owner_id, live + revoked FROM pat_owner_count"
                        + " WHERE owner_id IN (?1) AND live + revoked > 0")
                .setParameter(1, ownerIds)
                .getResultList()) {
            Object[] columns = (Object[]) row;
            totals.put(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue());
        }
        return totals;
    }

    /** Writes one transaction's changes on its connection: {@code recount} owners counted again, the others added. */
    static void write(Connection connection, Map<Long, Net> nets, Set<Long> recount) throws SQLException {
        Set<Long> owners = new TreeSet<>(nets.keySet());
        owners.addAll(recount);
        try (PreparedStatement add = connection.prepareStatement(
                        "INSERT INTO pat_owner_count (owner_id, live, revoked) SELECT id, ?, ? FROM app_user WHERE id = ?"
                                + " ON DUPLICATE KEY UPDATE live = live + VALUES(live), revoked = revoked + VALUES(revoked)");
                PreparedStatement count = connection.prepareStatement("UPDATE pat_owner_count SET"
                        + " live = (SELECT COUNT(*) FROM pat WHERE owner_id = ? AND revoked_at IS NULL),"
                        + " revoked = (SELECT COUNT(*) FROM pat WHERE owner_id = ? AND revoked_at IS NOT NULL)"
                        + " WHERE owner_id = ?")) {
            for (long owner : owners) {
                Net net = nets.get(owner);
                boolean again = recount.contains(owner);
                if (!again && (net == null || net.isZero())) {
                    continue;
                }
                // adds the change, or (counting again) takes the row's lock first, creating the row if it is missing
                add.setLong(1, again ? 0 : net.live);
                add.setLong(2, again ? 0 : net.revoked);
                add.setLong(3, owner);
                add.executeUpdate();
                if (again) {
                    count.setLong(1, owner);
                    count.setLong(2, owner);
                    count.setLong(3, owner);
                    count.executeUpdate();
                }
            }
        }
    }
}
