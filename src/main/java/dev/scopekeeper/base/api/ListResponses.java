package dev.scopekeeper.base.api;

import dev.scopekeeper.base.ListResult;
import java.util.List;
import java.util.function.Function;

/**
 * Lists answer {@code {"total", "offset", "limit", "<items>": [...]}} (PRODUCT.md); each resource declares a
 * record of that shape (so the OpenAPI document names the items) and builds it here.
 */
public final class ListResponses {

    /** The constructor of a list record: {@code ClientList::new}. */
    @FunctionalInterface
    public interface Factory<R, L> {
        L create(long total, int offset, int limit, List<R> items);
    }

    private ListResponses() {}

    public static <V, R, L> L of(ListResult<V> result, Function<V, R> mapper, Factory<R, L> factory) {
        return factory.create(
                result.total(),
                result.offset(),
                result.limit(),
                result.items().stream().map(mapper).toList());
    }
}
