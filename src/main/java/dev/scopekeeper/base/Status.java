package dev.scopekeeper.base;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Enabled or disabled: domains, groups, clients and channels. */
public enum Status {
    ENABLED,
    DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Status> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wire)).findFirst();
    }
}
