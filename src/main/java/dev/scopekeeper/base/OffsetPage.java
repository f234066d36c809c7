package dev.scopekeeper.base;

import dev.scopekeeper.base.ServiceException.InvalidInput;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** A {@link Pageable} for arbitrary offsets (Spring's PageRequest only knows page numbers). */
public record OffsetPage(long offset, int limit, Sort sort) implements Pageable {

    /** Validates the bounds: offset ≥ 0, 1 ≤ limit ≤ {@link ListQuery#MAX_LIMIT}. */
    public static OffsetPage of(long offset, int limit, Sort sort) {
        if (offset < 0) {
            throw new InvalidInput("offset", "validation.offset");
        }
        if (limit < 1 || limit > ListQuery.MAX_LIMIT) {
            throw new InvalidInput("limit", "validation.limit", ListQuery.MAX_LIMIT);
        }
        return new OffsetPage(offset, limit, sort);
    }

    @Override
    public int getPageNumber() {
        return (int) (offset / limit);
    }

    @Override
    public int getPageSize() {
        return limit;
    }

    @Override
    public long getOffset() {
        return offset;
    }

    @Override
    public Sort getSort() {
        return sort;
    }

    @Override
    public Pageable next() {
        return new OffsetPage(offset + limit, limit, sort);
    }

    @Override
    public Pageable previousOrFirst() {
        return new OffsetPage(Math.max(0, offset - limit), limit, sort);
    }

    @Override
    public Pageable first() {
        return new OffsetPage(0, limit, sort);
    }

    @Override
    public Pageable withPage(int pageNumber) {
        return new OffsetPage((long) pageNumber * limit, limit, sort);
    }

    @Override
    public boolean hasPrevious() {
        return offset > 0;
    }
}
