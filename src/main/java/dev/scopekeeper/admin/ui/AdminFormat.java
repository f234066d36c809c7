package dev.scopekeeper.admin.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How administration screens show times: UTC, to the minute. */
final class AdminFormat {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private AdminFormat() {}

    static String instant(Instant instant, String whenNull) {
        return instant == null ? whenNull : FORMAT.format(instant);
    }
}
