package dev.scopekeeper.base;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list plus the total number of matches (the API's {@code total/offset/limit/items}). */
public record ListResult<T>(long total, int offset, int limit, List<T> items) {

    public ListResult {
        items = List.copyOf(items);
    }

    public static <E, T> ListResult<T> of(Page<E> page, OffsetPage request, Function<E, T> mapper) {
        return new ListResult<>(
                page.getTotalElements(),
                (int) request.offset(),
                request.limit(),
                page.getContent().stream().map(mapper).toList());
    }

    public static <T> ListResult<T> empty(OffsetPage request) {
        return new ListResult<>(0, (int) request.offset(), request.limit(), List.of());
    }
}
