package dev.scopekeeper.pat;

import java.util.Locale;
import java.util.Optional;

/** Derived from revoked-at and expires-at: revoked wins over expired. */
public enum PatStatus {
    ACTIVE,
    REVOKED,
    EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code active|revoked|expired}; {@code all} or blank means no filter (empty). */
    public static Optional<PatStatus> fromFilter(String value) {
        if (value == null || value.isBlank() || "all".equalsIgnoreCase(value.strip())) {
            return Optional.empty();
        }
        for (PatStatus status : values()) {
            if (status.wireName().equalsIgnoreCase(value.strip())) {
                return Optional.of(status);
            }
        }
        throw new dev.scopekeeper.base.ServiceException.InvalidInput("status", "pat.validation.statusFilter");
    }
}
