package dev.scopekeeper.pat.ui;

import com.vaadin.flow.data.provider.CallbackDataProvider;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ListResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.springframework.data.domain.Slice;

/** Serves a lazy component's (offset, limit) request from a paged service, at most 100 rows per call. */
final class Pages {

    private Pages() {}

    /** A lazy combo box's query as (filter, offset, limit). */
    interface FilteredFetch<T> extends java.io.Serializable {
        Stream<T> fetch(String filter, int offset, int limit);
    }

    static <T> CallbackDataProvider.FetchCallback<T, String> lazy(FilteredFetch<T> fetch) {
        return query -> fetch.fetch(query.getFilter().orElse(""), query.getOffset(), query.getLimit());
    }

    static <T> Stream<T> fetch(int offset, int limit, BiFunction<Integer, Integer, ListResult<T>> page) {
        List<T> rows = new ArrayList<>();
        int next = offset;
        int remaining = limit;
        while (remaining > 0) {
            int size = Math.min(remaining, ListQuery.MAX_LIMIT);
            List<T> items = page.apply(next, size).items();
            rows.addAll(items);
            if (items.size() < size) {
                break;
            }
            next += size;
            remaining -= size;
        }
        return rows.stream();
    }

    /** As {@link #fetch}, from a service that answers a {@link Slice} (no total). */
    static <T> Stream<T> slices(int offset, int limit, BiFunction<Integer, Integer, Slice<T>> page) {
        List<T> rows = new ArrayList<>();
        int next = offset;
        int remaining = limit;
        while (remaining > 0) {
            int size = Math.min(remaining, ListQuery.MAX_LIMIT);
            Slice<T> slice = page.apply(next, size);
            rows.addAll(slice.getContent());
            if (!slice.hasNext()) {
                break;
            }
            next += size;
            remaining -= size;
        }
        return rows.stream();
    }
}
