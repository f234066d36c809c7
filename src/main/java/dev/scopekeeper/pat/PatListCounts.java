package dev.scopekeeper.pat;

import dev.scopekeeper.base.CacheEvictions;
import dev.scopekeeper.base.TaggedCache;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The {@code total} of an owner's PAT list, counted once per filter and kept until it can have changed, so paging
 * through 100,000 tokens does not count them again on every page.
 *
 * <p>A count can change in two ways:
 *
 * <ul>
 *   <li>a change of the owner's tokens. A single token written through Hibernate (create, rename, revoke,
 *       regenerate, delete) adjusts the kept counts and page positions by what it changed ({@link PatListChanges},
 *       after commit), so the next list call counts nothing and a deep page still starts from a kept position (moved
 *       by one when the row as it was or as it is sorts before it). Whether a name matches a search and how it sorts
 *       against a kept name is asked of the database ({@link NameRules}: its collation decides, not Java), in one
 *       statement of expressions that touches no table. Bulk statements end the owner's counts: {@link Changed} and
 *       {@link PatEvents.OwnerChanged}, after commit. Scope changes do not touch counts.
 *   <li>time: an Active or Expired count holds only until the owner's next live token expires (asked with the
 *       count, one indexed query) and only from the instant it was counted (a test clock may go back).
 * </ul>
 *
 * <p>A count is stored only if no change of the owner was written while it was being made and none is waiting for
 * its commit (a generation check plus the owners {@link #changing}), so a count that may or may not see a change is
 * never kept, and a delta is never applied to a count that already saw it. Both caches are {@link TaggedCache}s of
 * {@link CacheEvictions}, so in a cluster the other nodes end the owner's counts and positions when this node
 * adjusts them (they cannot apply the delta), and nothing is kept while a node cannot trust its caches; the items
 * of a page are always read fresh.
 */
@Component
class PatListCounts {

    /**
     * Published when an owner's tokens changed through a bulk statement, which {@link PatListChanges} (an entity
     * listener) cannot see: the owner's counts end.
     */
    record Changed(long ownerId) {}

    /** One filter of one owner's list: status null = all, name null = no search. */
    record Filter(PatStatus status, String name) {

        /** Whether a token in this state is counted at {@code at}, as {@code PatListQueries} filters by status. */
        boolean countsStatus(Row row, Instant at) {
            if (status == null) {
                return true;
            }
            boolean revoked = row.revokedAt() != null;
            boolean expired =
                    !revoked && row.expiresAt() != null && !row.expiresAt().isAfter(at);
            return switch (status) {
                case REVOKED -> revoked;
                case EXPIRED -> expired;
                case ACTIVE -> !revoked && !expired;
            };
        }
    }

    /**
     * What the list's filters and anchored orders look at in one token: its name, revocation, expiry, creation and
     * id (issuedAt null and id 0: not known, so no position in creation order can be moved by it).
     */
    record Row(String name, Instant revokedAt, Instant expiresAt, Instant issuedAt, long id) {

        Row(String name, Instant revokedAt, Instant expiresAt) {
            this(name, revokedAt, expiresAt, null, 0);
        }

        static Row of(PersonalAccessToken pat) {
            return new Row(
                    pat.getName(),
                    pat.getRevokedAt(),
                    pat.getExpiresAt(),
                    pat.getIssuedAt(),
                    pat.getId() == null ? 0 : pat.getId());
        }
    }

    /** A question about names only the database can answer (its collation decides), see {@link NameRules}. */
    sealed interface Question {

        /** Does {@code name} match the name search {@code search}, as the list query's LIKE matches it? */
        record Like(String name, String search) implements Question {}

        /** Does {@code name} sort after {@code bound} in the list's order (before it, when descending)? */
        record Beyond(String name, String bound, boolean descending) implements Question {}
    }

    /** Answers {@link Question}s by the database's rules; a question left unanswered ends what depends on it. */
    @FunctionalInterface
    interface NameRules {
        Map<Question, Boolean> answer(Collection<Question> questions);
    }

    /** At most this many questions for one change; beyond, what depends on names ends instead. */
    static final int MAX_QUESTIONS = 200;

    /** One token of the owner as it was (null: it did not exist) and as it is after a commit (null: deleted). */
    record Delta(long ownerId, Row before, Row after) {}

    /**
     * Where the page at {@code offset} of a list in one order starts: the sort value and id of the row just before
     * it (kept from the previous page), so a script paging through 100,000 tokens continues from there instead of
     * skipping {@code offset} rows again.
     */
    record Anchor(Filter filter, String property, boolean descending, long offset) {

        Anchor at(long other) {
            return new Anchor(filter, property, descending, other);
        }
    }

    /** The sort value ({@code name} or {@code issued_at}) and id of a row. */
    record Position(Object value, long id) {}

    private record KeptPosition(Position position, Instant keptAt, Instant validUntil) {

        boolean validAt(Instant now) {
            return !now.isBefore(keptAt) && (validUntil == null || now.isBefore(validUntil));
        }
    }

    private record Entry(long count, Instant countedAt, Instant validUntil) {

        boolean validAt(Instant now) {
            return !now.isBefore(countedAt) && (validUntil == null || now.isBefore(validUntil));
        }

        /**
         * This count after the token changed as {@code delta} says, or null when it cannot be adjusted exactly (a
         * name search whose match the database did not answer). Within [countedAt, validUntil) no counted live
         * token expires, so the rows are judged at {@code countedAt}; a changed token that now expires inside that
         * window shortens it.
         */
        Entry adjusted(Filter filter, Delta delta, Map<Question, Boolean> answers) {
            Boolean before = counted(filter, delta.before(), countedAt, answers);
            Boolean after = counted(filter, delta.after(), countedAt, answers);
            if (before == null || after == null) {
                return null;
            }
            long change = (after ? 1 : 0) - (before ? 1 : 0);
            return new Entry(count + change, countedAt, shortened(filter, validUntil, countedAt, delta.after()));
        }
    }

    /** Whether the list with {@code filter} holds {@code row} at {@code at}; null: the database did not say. */
    private static Boolean counted(Filter filter, Row row, Instant at, Map<Question, Boolean> answers) {
        if (row == null || !filter.countsStatus(row, at)) {
            return false;
        }
        return filter.name() == null ? Boolean.TRUE : answers.get(new Question.Like(row.name(), filter.name()));
    }

    /** The end of a kept Active/Expired figure, brought forward to the expiry of a changed live token inside it. */
    private static Instant shortened(Filter filter, Instant until, Instant from, Row after) {
        boolean timed = filter.status() == PatStatus.ACTIVE || filter.status() == PatStatus.EXPIRED;
        if (timed
                && after != null
                && after.revokedAt() == null
                && after.expiresAt() != null
                && after.expiresAt().isAfter(from)
                && (until == null || after.expiresAt().isBefore(until))) {
            return after.expiresAt();
        }
        return until;
    }

    /**
     * Whether {@code row} is one of the rows the kept position counts (in the list and at or before the position in
     * its order, so the page at the offset starts after it); null: the database did not say.
     */
    private static Boolean before(Anchor anchor, KeptPosition kept, Row row, Map<Question, Boolean> answers) {
        Boolean listed = counted(anchor.filter(), row, kept.keptAt(), answers);
        if (listed == null || !listed) {
            return listed;
        }
        Position position = kept.position();
        Boolean beyond;
        if (anchor.property().equals("name")) {
            beyond = answers.get(new Question.Beyond(row.name(), (String) position.value(), anchor.descending()));
        } else if (row.issuedAt() == null || row.id() == 0) {
            beyond = null;
        } else {
            int order = row.issuedAt().compareTo((Instant) position.value());
            if (order == 0) {
                order = Long.compare(row.id(), position.id());
            }
            beyond = anchor.descending() ? order < 0 : order > 0;
        }
        return beyond == null ? null : !beyond;
    }

    /**
     * A kept position after the token changed as {@code delta} says: the same row boundary, its offset moved by one
     * for each of the row as it was and as it is that the position counts; null when that is not known.
     */
    private static Map.Entry<PositionKey, KeptPosition> shifted(
            PositionKey key, KeptPosition kept, Delta delta, Map<Question, Boolean> answers) {
        Anchor anchor = key.anchor();
        Boolean was = before(anchor, kept, delta.before(), answers);
        Boolean is = before(anchor, kept, delta.after(), answers);
        if (was == null || is == null) {
            return null;
        }
        long offset = anchor.offset() + (is ? 1 : 0) - (was ? 1 : 0);
        if (offset <= 0) {
            return null;
        }
        KeptPosition moved = new KeptPosition(
                kept.position(),
                kept.keptAt(),
                shortened(anchor.filter(), kept.validUntil(), kept.keptAt(), delta.after()));
        return Map.entry(new PositionKey(key.ownerId(), anchor.at(offset)), moved);
    }

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final long SIZE = 100_000;

    private record Key(long ownerId, Filter filter) {}

    private record PositionKey(long ownerId, Anchor anchor) {}

    private final TaggedCache<Key, Entry> counts;
    private final TaggedCache<PositionKey, KeptPosition> positions;

    /**
     * Ours, besides the caches' own eviction rule: bumped when a change of some owner's tokens is written and when
     * its transaction ends, so no count or position read meanwhile is kept (it may or may not see the change).
     */
    private final AtomicLong generation = new AtomicLong();

    /** Owners with a change written but not yet committed or rolled back, by how many such transactions. */
    private final Map<Long, Integer> changing = new ConcurrentHashMap<>();

    private final NameRules rules;

    @Autowired
    PatListCounts(CacheEvictions evictions, PatNameRules rules) {
        this.rules = rules;
        this.counts = evictions.cache("pat-list-counts", TTL, SIZE, (key, entry) -> List.of(ownerTag(key.ownerId())));
        this.positions =
                evictions.cache("pat-list-positions", TTL, SIZE, (key, position) -> List.of(ownerTag(key.ownerId())));
    }

    /** Caches of this node alone, and no database to ask about names (unit tests). */
    PatListCounts() {
        this(questions -> Map.of());
    }

    /** Caches of this node alone (unit tests). */
    PatListCounts(NameRules rules) {
        this.rules = rules;
        this.counts = new TaggedCache<>(TTL, SIZE, (key, entry) -> List.of(ownerTag(key.ownerId())));
        this.positions = new TaggedCache<>(TTL, SIZE, (key, position) -> List.of(ownerTag(key.ownerId())));
    }

    private static String ownerTag(long ownerId) {
        return "owner:" + ownerId;
    }

    /** Noted before a count or a page is read: the caches' stamps and ours (see {@link #keepable}). */
    record Mark(long counts, long positions, long ours) {}

    /** To pass to {@link #keepPosition}: taken before the page is read. */
    Mark mark() {
        return new Mark(counts.stamp(), positions.stamp(), generation.get());
    }

    /** Whether what was read since {@code mark} may be kept: no change of the owner written since, none pending. */
    private boolean keepable(Mark mark, long ownerId) {
        return generation.get() == mark.ours() && !changing.containsKey(ownerId);
    }

    /**
     * The owner's total for the filter: the kept count, or {@code count} (and, for Active/Expired,
     * {@code nextExpiry}: the earliest expiry after now of the owner's live tokens) run now and kept.
     */
    long total(long ownerId, Filter filter, Instant now, LongSupplier count, Supplier<Optional<Instant>> nextExpiry) {
        Key key = new Key(ownerId, filter);
        Entry entry = counts.getIfPresent(key);
        if (entry != null && entry.validAt(now)) {
            return entry.count();
        }
        Mark mark = mark();
        long total = count.getAsLong();
        boolean timed = filter.status() == PatStatus.ACTIVE || filter.status() == PatStatus.EXPIRED;
        Instant validUntil = timed ? nextExpiry.get().orElse(null) : null;
        // the check and the store under the lock changed() applies deltas under, so a delta is applied either to
        // this count (stored before) or not at all (this count, read after the commit, already saw the change)
        synchronized (this) {
            if (keepable(mark, ownerId)) {
                counts.put(key, new Entry(total, now, validUntil), mark.counts());
            }
        }
        return total;
    }

    /** The kept position a page at the anchor's offset starts after, if it still holds at {@code now}. */
    Optional<Position> position(long ownerId, Anchor anchor, Instant now) {
        KeptPosition position = positions.getIfPresent(new PositionKey(ownerId, anchor));
        return position != null && position.validAt(now) ? Optional.of(position.position()) : Optional.empty();
    }

    /**
     * Keeps where the page at the anchor's offset starts, read by a page query that began at {@code mark}: only if
     * no change of the owner's tokens was written since (then the position may be stale) and none is waiting for
     * its commit. {@code nextExpiry} (the next expiry of the owner's live tokens) bounds it for Active and Expired.
     */
    void keepPosition(
            Mark mark,
            long ownerId,
            Anchor anchor,
            Position position,
            Instant now,
            Supplier<Optional<Instant>> nextExpiry) {
        boolean timed =
                anchor.filter().status() == PatStatus.ACTIVE || anchor.filter().status() == PatStatus.EXPIRED;
        KeptPosition kept =
                new KeptPosition(position, now, timed ? nextExpiry.get().orElse(null) : null);
        synchronized (this) {
            if (keepable(mark, ownerId)) {
                positions.put(new PositionKey(ownerId, anchor), kept, mark.positions());
            }
        }
    }

    /**
     * A token of the owner was written in a transaction that has not ended: from now until {@link #changed} no count
     * of the owner is kept (it may or may not see the change), and no count being made now is kept either.
     */
    synchronized void changing(long ownerId) {
        changing.merge(ownerId, 1, Integer::sum);
        generation.incrementAndGet();
    }

    /**
     * The transaction that marked these owners {@link #changing} ended: {@code deltas} are its changes, applied to the
     * kept counts and positions (empty after a rollback); null when they are not all known, which ends the owners'
     * counts and positions. What a name decides (a name search, a position in name order) is asked of the database
     * first ({@link NameRules}, one statement, outside the lock: while the owners are changing no count or position
     * of theirs is stored, so what is asked about is all there is to adjust). Other nodes cannot apply a delta:
     * after a commit, they end the owners' counts and positions.
     */
    void changed(Set<Long> owners, List<Delta> deltas) {
        try {
            if (deltas != null && deltas.isEmpty()) {
                return; // rolled back: nothing moved
            }
            if (deltas == null) {
                synchronized (this) {
                    owners.forEach(owner -> positions.evict(ownerTag(owner)));
                    owners.forEach(owner -> counts.evict(ownerTag(owner)));
                }
                return;
            }
            Map<Question, Boolean> answers = rules.answer(questions(deltas));
            synchronized (this) {
                for (Delta delta : deltas) {
                    String tag = ownerTag(delta.ownerId());
                    counts.computeIfPresent(tag, (key, entry) -> entry.adjusted(key.filter(), delta, answers));
                    positions.remapIfPresent(tag, (key, kept) -> shifted(key, kept, delta, answers));
                }
                owners.forEach(owner -> counts.evictElsewhere(ownerTag(owner)));
                owners.forEach(owner -> positions.evictElsewhere(ownerTag(owner)));
            }
        } finally {
            synchronized (this) {
                owners.forEach(owner -> changing.computeIfPresent(owner, (id, n) -> n == 1 ? null : n - 1));
                generation.incrementAndGet();
            }
        }
    }

    /** What the database must say so {@code deltas} can adjust the kept counts and positions they touch. */
    private Set<Question> questions(List<Delta> deltas) {
        Set<Question> questions = new LinkedHashSet<>();
        for (Delta delta : deltas) {
            String tag = ownerTag(delta.ownerId());
            List<Row> rows = new ArrayList<>(2);
            if (delta.before() != null) {
                rows.add(delta.before());
            }
            if (delta.after() != null) {
                rows.add(delta.after());
            }
            Set<String> searches = new LinkedHashSet<>();
            counts.entries(tag).keySet().forEach(key -> {
                if (key.filter().name() != null) {
                    searches.add(key.filter().name());
                }
            });
            positions.entries(tag).forEach((key, kept) -> {
                Anchor anchor = key.anchor();
                if (anchor.filter().name() != null) {
                    searches.add(anchor.filter().name());
                }
                if (anchor.property().equals("name")) {
                    rows.forEach(row -> questions.add(new Question.Beyond(
                            row.name(), (String) kept.position().value(), anchor.descending())));
                }
            });
            for (String search : searches) {
                rows.forEach(row -> questions.add(new Question.Like(row.name(), search)));
            }
            if (questions.size() > MAX_QUESTIONS) {
                return Set.of(); // unanswered: what depends on names ends
            }
        }
        return questions;
    }

    void evict(long ownerId) {
        generation.incrementAndGet();
        counts.evict(ownerTag(ownerId));
        positions.evict(ownerTag(ownerId));
    }

    void evictAll() {
        generation.incrementAndGet();
        counts.evictAll();
        positions.evictAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Changed event) {
        evict(event.ownerId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PatEvents.OwnerChanged event) {
        evict(event.ownerId());
    }
}
