package dev.scopekeeper.authz;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A member's role inside one domain, weakest first. Platform administrators act as {@link #ADMIN} everywhere. */
public enum DomainRole {
    VIEWER,
    EDITOR,
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this role grants at least what {@code other} grants. */
    public boolean atLeast(DomainRole other) {
        return compareTo(other) >= 0;
    }

    public static Optional<DomainRole> fromWire(String wire) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(wire)).findFirst();
    }
}
