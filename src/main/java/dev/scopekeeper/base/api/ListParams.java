package dev.scopekeeper.base.api;

import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.Status;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The query parameters of every filtered list endpoint ({@code ?offset=&limit=&name=&tag=&status=}); bind it
 * with {@code @ParameterObject}. Bounds are checked by the service ({@link ListQuery}), so the answer is the
 * same 422 as in the UI.
 */
public record ListParams(
        @Parameter(description = "How many matches to skip", schema = @Schema(minimum = "0", defaultValue = "0"))
        Integer offset,

        @Parameter(
                description = "Page size",
                schema =
                        @Schema(
                                minimum = "1",
                                maximum = "" + ListQuery.MAX_LIMIT,
                                defaultValue = "" + ListQuery.DEFAULT_LIMIT))
        Integer limit,

        @Parameter(description = "Only names containing this text (case-insensitive)")
        String name,

        @Parameter(description = "Only items carrying this tag")
        String tag,

        @Parameter(
                description = "Only items with this status",
                schema =
                        @Schema(
                                allowableValues = {"enabled", "disabled", "all"},
                                defaultValue = "all"))
        String status) {

    public ListQuery toQuery() {
        return new ListQuery(
                offset == null ? 0 : offset,
                limit == null ? ListQuery.DEFAULT_LIMIT : limit,
                name,
                tag,
                statusFilter());
    }

    private Status statusFilter() {
        if (status == null || status.isBlank() || status.equals("all")) {
            return null;
        }
        return Status.fromWire(status).orElseThrow(() -> new InvalidInput("status", "validation.status"));
    }

    /** Only {@code offset} and {@code limit}, for lists without filters. */
    public record Page(
            @Parameter(description = "How many items to skip", schema = @Schema(minimum = "0", defaultValue = "0"))
            Integer offset,

            @Parameter(
                    description = "Page size",
                    schema =
                            @Schema(
                                    minimum = "1",
                                    maximum = "" + ListQuery.MAX_LIMIT,
                                    defaultValue = "" + ListQuery.DEFAULT_LIMIT))
            Integer limit) {

        public int offsetOrDefault() {
            return offset == null ? 0 : offset;
        }

        public int limitOrDefault() {
            return limit == null ? ListQuery.DEFAULT_LIMIT : limit;
        }
    }
}
