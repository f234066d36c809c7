package dev.scopekeeper.base;

/**
 * One page of a filtered list: {@code offset} from 0, {@code limit} 1..{@value #MAX_LIMIT}; {@code name}
 * (contains, case-insensitive), {@code tag} (exact) and {@code status} filter when not null/blank.
 */
public record ListQuery(int offset, int limit, String name, String tag, Status status) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 10;

    public static ListQuery page(int offset, int limit) {
        return new ListQuery(offset, limit, null, null, null);
    }

    public static ListQuery firstPage() {
        return page(0, DEFAULT_LIMIT);
    }

    public ListQuery withName(String value) {
        return new ListQuery(offset, limit, value, tag, status);
    }

    public ListQuery withTag(String value) {
        return new ListQuery(offset, limit, name, value, status);
    }

    public ListQuery withStatus(Status value) {
        return new ListQuery(offset, limit, name, tag, value);
    }

    /** Throws InvalidInput on field {@code offset} or {@code limit} when out of range. */
    public OffsetPage toPageable(org.springframework.data.domain.Sort sort) {
        return OffsetPage.of(offset, limit, sort);
    }
}
