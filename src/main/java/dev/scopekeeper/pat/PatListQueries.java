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

    PatListQueries(PatRepository pats, PatListCounts listCounts, PatMapper mapper) {
        this.pats = pats;
        this.listCounts = listCounts;
        this.mapper = mapper;
    }

    /** A page of {@code me}'s tokens with the number of all matches (see {@link PatService#list}). */
    ListResult<PatSummary> list(long me, PatQuery query, Instant now) {
        OffsetPage page = OffsetPage.of(query.offset(), query.limit(), sort(query));
        Specification<PersonalAccessToken> spec = mineMatching(me, query, now);
        PatListCounts.Filter filter = new PatListCounts.Filter(query.status().orElse(null), searched(query));
        Slice<PersonalAccessToken> slice = slice(me, filter, query, spec, page, now);
        long total = !slice.hasNext() && (slice.hasContent() || page.offset() == 0)
                ? page.offset() + slice.getNumberOfElements()
                : listCounts.total(me, filter, now, () -> pats.count(spec), () -> pats.findNextExpiry(me, now));
        return new ListResult<>(
                total,
                (int) page.offset(),
                page.limit(),
                slice.getContent().stream().map(pat -> mapper.summary(pat, now)).toList());
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
        Optional<PatListCounts.Position> start = property == null
                ? Optional.empty()
                : listCounts.position(me, new PatListCounts.Anchor(filter, property, descending, page.offset()), now);
        Slice<PersonalAccessToken> slice =
                start.isPresent() ? after(spec, property, descending, start.get(), page) : byIds(spec, page);
        if (property != null && slice.hasContent()) {
            PersonalAccessToken last = slice.getContent().getLast();
            listCounts.keepPosition(
                    mark,
                    me,
                    new PatListCounts.Anchor(filter, property, descending, page.offset() + slice.getNumberOfElements()),
                    new PatListCounts.Position(
                            property.equals("name") ? last.getName() : last.getIssuedAt(), last.getId()),
                    now,
                    () -> pats.findNextExpiry(me, now));
        }
        return slice;
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

    /** The page's rows after {@code start} in the page's order, without skipping any. */
    private Slice<PersonalAccessToken> after(
            Specification<PersonalAccessToken> spec,
            String property,
            boolean descending,
            PatListCounts.Position start,
            OffsetPage page) {
        Specification<PersonalAccessToken> beyond = (root, cq, cb) -> {
            if (property.equals("name")) {
                String name = (String) start.value();
                return descending ? cb.lessThan(root.get("name"), name) : cb.greaterThan(root.get("name"), name);
            }
            Instant issued = (Instant) start.value();
            return cb.or(
                    descending
                            ? cb.lessThan(root.<Instant>get("issuedAt"), issued)
                            : cb.greaterThan(root.<Instant>get("issuedAt"), issued),
                    cb.and(
                            cb.equal(root.get("issuedAt"), issued),
                            descending
                                    ? cb.lessThan(root.<Long>get("id"), start.id())
                                    : cb.greaterThan(root.<Long>get("id"), start.id())));
        };
        List<PersonalAccessToken> rows = pats.findBy(
                spec.and(beyond),
                q -> q.sortBy(page.getSort()).limit(page.limit() + 1).all());
        boolean hasNext = rows.size() > page.limit();
        return new SliceImpl<>(hasNext ? rows.subList(0, page.limit()) : rows, page, hasNext);
    }

    private Slice<PersonalAccessToken> byIds(Specification<PersonalAccessToken> spec, OffsetPage page) {
        List<Long> ids = pats.findIds(spec, page, page.limit() + 1);
        boolean hasNext = ids.size() > page.limit();
        List<Long> pageIds = hasNext ? ids.subList(0, page.limit()) : ids;
        Map<Long, PersonalAccessToken> byId =
                pats.findAllById(pageIds).stream().collect(Collectors.toMap(PersonalAccessToken::getId, pat -> pat));
        List<PersonalAccessToken> rows =
                pageIds.stream().map(byId::get).filter(Objects::nonNull).toList();
        return new SliceImpl<>(rows, page, hasNext);
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
                where.add(cb.like(root.get("name"), "%" + escapeLike(name) + "%", '\\'));
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

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
