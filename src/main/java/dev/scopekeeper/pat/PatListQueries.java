package dev.scopekeeper.pat;

import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.OffsetPage;
import dev.scopekeeper.pat.PatService.PatQuery;
import dev.scopekeeper.pat.PatService.SortBy;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queries of an owner's token list ({@link PatService#list}, {@link PatService#listSlice}): filter, sort,
 * deep pages, and the cached total. Runs only inside the service's transactions (MANDATORY); package-private, so
 * no controller or view reaches it past the service's access checks.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class PatListQueries {

    /** From this offset on, a page reads ids first (see {@link #slice}). */
    static final int DEEP_PAGE = 500;

    private final PatRepository pats;
    private final PatListCounts listCounts;
    private final PatMapper mapper;
    private final PatOwnerCounts ownerCounts;

    PatListQueries(PatRepository pats, PatListCounts listCounts, PatMapper mapper, PatOwnerCounts ownerCounts) {
        this.pats = pats;
        this.listCounts = listCounts;
        this.mapper = mapper;
        this.ownerCounts = ownerCounts;
    }

    /** A page of {@code me}'s tokens with the number of all matches (see {@link PatService#list}). */
    ListResult<PatSummary> list(long me, PatQuery query, Instant now) {
        OffsetPage page = OffsetPage.of(query.offset(), query.limit(), sort(query));
        Specification<PersonalAccessToken> spec = mineMatching(me, query, now);
        PatListCounts.Filter filter = new PatListCounts.Filter(query.status().orElse(null), searched(query));
        Slice<PersonalAccessToken> slice = slice(me, filter, query, spec, page, now);
        long total = !slice.hasNext() && (slice.hasContent() || page.offset() == 0)
                ? page.offset() + slice.getNumberOfElements()
                : listCounts.total(
                        me, filter, now, () -> count(me, filter, spec, now), () -> pats.findNextExpiry(me, now));
        return new ListResult<>(
                total,
                (int) page.offset(),
                page.limit(),
                slice.getContent().stream().map(pat -> mapper.summary(pat, now)).toList());
    }

    /**
     * The number of all matches, when {@link PatListCounts} does not keep it: a status filter alone is read from the
     * stored per-owner counts ({@link PatOwnerCounts}), a name search is counted.
     */
    private long count(long me, PatListCounts.Filter filter, Specification<PersonalAccessToken> spec, Instant now) {
        return filter.name() == null ? ownerCounts.total(me, filter.status(), now) : pats.count(spec);
    }

    /** A page of {@code me}'s tokens without any total. */
    Slice<PatSummary> listSlice(long me, PatQuery query, Instant now) {
        OffsetPage page = OffsetPage.of(query.offset(), query.limit(), sort(query));
        PatListCounts.Filter filter = new PatListCounts.Filter(query.status().orElse(null), searched(query));
        return slice(me, filter, query, mineMatching(me, query, now), page, now).map(pat -> mapper.summary(pat, now));
    }

    private static String searched(PatQuery query) {
        return query.name() == null || query.name().isBlank()
                ? null
                : query.name().strip();
    }

    /**
     * A page of tokens. Deep in a long list (from offset {@value #DEEP_PAGE}) a page that starts where an earlier page
     * of the same list ended (a script paging through with offset += limit) continues after that page's last row,
     * reading only its own rows, in name or creation order ({@link PatListCounts#position}); any other deep page reads
     * its ids first, from the index alone, then its rows by id: an offset of 50,000 otherwise reads 50,000 rows only
     * to skip them. Either way the position after the page is kept for the next one.
     */
    private Slice<PersonalAccessToken> slice(
            long me,
            PatListCounts.Filter filter,
            PatQuery query,
            Specification<PersonalAccessToken> spec,
            OffsetPage page,
            Instant now) {
        if (page.offset() < DEEP_PAGE) {
            return pats.findBy(spec, q -> q.slice(page));
        }
        String property = anchoredProperty(query);
        boolean descending = query.descending();
        PatListCounts.Mark mark = listCounts.mark();
        Supplier<Optional<Instant>> nextExpiry = once(() -> pats.findNextExpiry(me, now));
        Slice<PersonalAccessToken> slice = null;
        PersonalAccessToken before = null;
        if (property != null) {
            PatListCounts.Anchor at = new PatListCounts.Anchor(filter, property, descending, page.offset());
            int reach = Math.min(page.limit(), NEAR);
            for (int i = 0; i <= 2 * reach && slice == null; i++) {
                int shift = (i + 1) / 2 * (i % 2 == 1 ? 1 : -1); // 0, +1, -1, +2, -2, ...
                Optional<PatListCounts.Position> start = listCounts.position(me, at.at(page.offset() + shift), now);
                if (start.isPresent()) {
                    Near read = near(spec, property, descending, start.get(), shift, page);
                    slice = read.slice();
                    before = read.before();
                }
            }
        }
        if (slice == null) {
            ById read = byIds(spec, page, property != null);
            slice = read.slice();
            before = read.before();
        }
        if (before != null) {
            // the row just before the page: the same page asked for again (or after a change) walks on from it
            listCounts.keepPosition(
                    mark,
                    me,
                    new PatListCounts.Anchor(filter, property, descending, page.offset()),
                    position(property, before),
                    now,
                    nextExpiry);
        }
        if (property != null && slice.hasContent()) {
            listCounts.keepPosition(
                    mark,
                    me,
                    new PatListCounts.Anchor(filter, property, descending, page.offset() + slice.getNumberOfElements()),
                    position(property, slice.getContent().getLast()),
                    now,
                    nextExpiry);
        }
        return slice;
    }

    private static PatListCounts.Position position(String property, PersonalAccessToken row) {
        return new PatListCounts.Position(property.equals("name") ? row.getName() : row.getIssuedAt(), row.getId());
    }

    /** {@code supplier}'s value, asked at most once. */
    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** The sort whose values never change and whose ties are broken by id: name (unique per owner), creation. */
    private static String anchoredProperty(PatQuery query) {
        SortBy by = query.sortBy() == null ? SortBy.NAME : query.sortBy();
        return switch (by) {
            case NAME -> "name";
            case CREATED -> "issuedAt";
            case EXPIRES, LAST_USED -> null;
        };
    }

    /**
     * How far from a page's offset a kept position may be and still start it: a change of one token before the
     * position moves it by one (see {@link PatListCounts}), so a script paging on after a create or a delete asks for
     * an offset one off the kept one.
     */
    static final int NEAR = 10;

    /** A page read from a kept position, with the row just before the page (null: none). */
    private record Near(Slice<PersonalAccessToken> slice, PersonalAccessToken before) {}

    /**
     * The page whose offset is {@code shift} rows before the kept position {@code start} (after it, when negative),
     * without skipping more than {@code shift} rows: for a positive shift the last {@code shift} + 1 rows up to and
     * including the position (read backwards), then the rows after it.
     */
    private Near near(
            Specification<PersonalAccessToken> spec,
            String property,
            boolean descending,
            PatListCounts.Position start,
            int shift,
            OffsetPage page) {
        List<PersonalAccessToken> head = new ArrayList<>();
        PersonalAccessToken before = null;
        if (shift > 0) {
            List<PersonalAccessToken> back = pats.findBy(
                    spec.and(keyset(property, !descending, start, true)),
                    q -> q.sortBy(page.getSort().reverse()).limit(shift + 1).all());
            for (int k = Math.min(shift, back.size()) - 1; k >= 0; k--) {
                head.add(back.get(k));
            }
            before = back.size() > shift ? back.get(shift) : null;
        }
        int skip = shift < 0 ? -shift : 0;
        int wanted = page.limit() - head.size();
        List<PersonalAccessToken> rows = pats.findBy(
                spec.and(keyset(property, descending, start, false)),
                q -> q.sortBy(page.getSort()).limit(skip + wanted + 1).all());
        if (skip > 0) {
            before = rows.size() >= skip ? rows.get(skip - 1) : null;
            rows = rows.subList(Math.min(skip, rows.size()), rows.size());
        }
        boolean hasNext = rows.size() > wanted;
        head.addAll(hasNext ? rows.subList(0, wanted) : rows);
        return new Near(new SliceImpl<>(head, page, hasNext), before);
    }

    /**
     * The rows after {@code start} in the order {@code descending} names; with {@code atOrBefore}, the rows up to and
     * including it in the opposite order (so the caller passes the list's reversed direction). Name order: name (unique
     * per owner); creation order: creation time, then id.
     */
    private static Specification<PersonalAccessToken> keyset(
            String property, boolean descending, PatListCounts.Position start, boolean atOrBefore) {
        return (root, cq, cb) -> {
            if (property.equals("name")) {
                String name = (String) start.value();
                if (atOrBefore) {
                    return descending
                            ? cb.lessThanOrEqualTo(root.get("name"), name)
                            : cb.greaterThanOrEqualTo(root.get("name"), name);
                }
                return descending ? cb.lessThan(root.get("name"), name) : cb.greaterThan(root.get("name"), name);
            }
            Instant issued = (Instant) start.value();
            jakarta.persistence.criteria.Path<Instant> at = root.get("issuedAt");
            jakarta.persistence.criteria.Path<Long> id = root.get("id");
            if (atOrBefore) {
                return cb.or(
                        descending ? cb.lessThan(at, issued) : cb.greaterThan(at, issued),
                        cb.and(
                                cb.equal(at, issued),
                                descending
                                        ? cb.lessThanOrEqualTo(id, start.id())
                                        : cb.greaterThanOrEqualTo(id, start.id())));
            }
            return cb.or(
                    descending ? cb.lessThan(at, issued) : cb.greaterThan(at, issued),
                    cb.and(
                            cb.equal(at, issued),
                            descending ? cb.lessThan(id, start.id()) : cb.greaterThan(id, start.id())));
        };
    }

    /** A page read by ids, with the row just before it when that was asked for (null: none or not asked). */
    private record ById(Slice<PersonalAccessToken> slice, PersonalAccessToken before) {}

    /** The page's ids from the index alone, then its rows by id; {@code withBefore}: also the row before the page. */
    private ById byIds(Specification<PersonalAccessToken> spec, OffsetPage page, boolean withBefore) {
        boolean oneMore = withBefore && page.offset() > 0;
        List<Long> ids = oneMore
                ? pats.findIds(spec, OffsetPage.of(page.offset() - 1, page.limit(), page.getSort()), page.limit() + 2)
                : pats.findIds(spec, page, page.limit() + 1);
        Long beforeId = oneMore && !ids.isEmpty() ? ids.getFirst() : null;
        List<Long> own = oneMore && !ids.isEmpty() ? ids.subList(1, ids.size()) : ids;
        boolean hasNext = own.size() > page.limit();
        List<Long> pageIds = hasNext ? own.subList(0, page.limit()) : own;
        List<Long> wanted = new ArrayList<>(pageIds);
        if (beforeId != null) {
            wanted.add(beforeId);
        }
        Map<Long, PersonalAccessToken> byId =
                pats.findAllById(wanted).stream().collect(Collectors.toMap(PersonalAccessToken::getId, pat -> pat));
        List<PersonalAccessToken> rows =
                pageIds.stream().map(byId::get).filter(Objects::nonNull).toList();
        return new ById(new SliceImpl<>(rows, page, hasNext), beforeId == null ? null : byId.get(beforeId));
    }

    /** My tokens matching the query's status (at {@code now}) and name search. */
    private static Specification<PersonalAccessToken> mineMatching(long me, PatQuery query, Instant now) {
        String name = searched(query);
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("ownerId"), me));
            query.status()
                    .ifPresent(status -> where.add(
                            switch (status) {
                                case REVOKED -> cb.isNotNull(root.get("revokedAt"));
                                case EXPIRED ->
                                    cb.and(
                                            cb.isNull(root.get("revokedAt")),
                                            cb.lessThanOrEqualTo(root.get("expiresAt"), now));
                                case ACTIVE ->
                                    cb.and(
                                            cb.isNull(root.get("revokedAt")),
                                            cb.or(
                                                    cb.isNull(root.get("expiresAt")),
                                                    cb.greaterThan(root.get("expiresAt"), now)));
                            }));
            if (name != null) {
                where.add(cb.like(root.get("name"), likePattern(name), '\\'));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static Sort sort(PatQuery query) {
        String property =
                switch (query.sortBy() == null ? SortBy.NAME : query.sortBy()) {
                    case NAME -> "name";
                    case CREATED -> "issuedAt";
                    case EXPIRES -> "expiresAt";
                    case LAST_USED -> "lastUsedAt";
                };
        Sort.Direction direction = query.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        // names are unique per owner, so the (owner_id, name) key serves that sort alone; other sorts break
        // ties by id, which InnoDB keeps in every secondary index, so (owner_id, last_used_at) serves them
        Sort sort = Sort.by(direction, property);
        return property.equals("name") ? sort : sort.and(Sort.by(direction, "id"));
    }

    /** The LIKE pattern of a name search (escape character: backslash), also for {@link PatNameRules}. */
    static String likePattern(String search) {
        return "%" + escapeLike(search) + "%";
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
