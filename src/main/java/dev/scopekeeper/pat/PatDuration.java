package dev.scopekeeper.pat;

import dev.scopekeeper.base.ServiceException.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * How long a new or regenerated token lives: one of the validity choices ({@code 1d 7d 30d 60d 90d
 * 365d}), {@code never}, or an explicit expiry instant ("Custom date").
 */
public sealed interface PatDuration {

    /** The validity choices in the order the UI offers them (30 days is the default). */
    List<String> CHOICES = List.of("1d", "7d", "30d", "60d", "90d", "365d");

    String DEFAULT = "30d";

    /** The expiry for a token issued at {@code now}, or null for never. */
    Instant expiresAt(Instant now);

    record Days(int days) implements PatDuration {
        @Override
        public Instant expiresAt(Instant now) {
            return now.plus(Duration.ofDays(days));
        }

        public String wireName() {
            return days + "d";
        }
    }

    record Until(Instant instant) implements PatDuration {
        @Override
        public Instant expiresAt(Instant now) {
            return instant;
        }
    }

    record Never() implements PatDuration {
        @Override
        public Instant expiresAt(Instant now) {
            return null;
        }
    }

    static PatDuration days(int days) {
        return new Days(days);
    }

    static PatDuration never() {
        return new Never();
    }

    static PatDuration until(Instant instant) {
        return new Until(instant);
    }

    /** {@code 1d … 365d} or {@code never}; anything else is refused on the field {@code duration}. */
    static PatDuration parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            throw new InvalidInput("duration", "pat.validation.duration.required");
        }
        if (v.equals("never")) {
            return never();
        }
        if (CHOICES.contains(v)) {
            return days(Integer.parseInt(v.substring(0, v.length() - 1)));
        }
        throw new InvalidInput("duration", "pat.validation.duration.unknown", value);
    }
}
