package dev.scopekeeper.pat;

import dev.scopekeeper.base.ServiceException.InvalidInput;
import java.time.Duration;
import java.util.Locale;

/**
 * How long the old secret keeps working after a regeneration ("Keep the old secret working for"): off,
 * one hour, one day or seven days at most. The lifecycle policy may cap it or forbid it.
 */
public enum PatGrace {
    NONE("none", Duration.ZERO),
    ONE_HOUR("1h", Duration.ofHours(1)),
    ONE_DAY("1d", Duration.ofDays(1)),
    SEVEN_DAYS("7d", Duration.ofDays(7));

    private final String wireName;
    private final Duration duration;

    PatGrace(String wireName, Duration duration) {
        this.wireName = wireName;
        this.duration = duration;
    }

    public String wireName() {
        return wireName;
    }

    public Duration duration() {
        return duration;
    }

    /** {@code 1h}, {@code 1d}, {@code 7d}, or {@code none}/absent; anything else is refused on the field {@code grace}. */
    public static PatGrace parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("none") || v.equals("off")) {
            return NONE;
        }
        for (PatGrace grace : values()) {
            if (grace.wireName.equals(v)) {
                return grace;
            }
        }
        throw new InvalidInput("grace", "pat.validation.grace.unknown", value);
    }
}
