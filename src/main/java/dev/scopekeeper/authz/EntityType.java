package dev.scopekeeper.authz;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of things a scope can point at (PRODUCT.md "Scope"). */
public enum EntityType {
    CLIENTS,
    CHANNELS,
    GROUPS,
    DOMAINS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This type's operations in the order of the Magistrala guide. */
    public List<Operation> operations() {
        return Arrays.stream(Operation.values())
                .filter(op -> op.entityType() == this)
                .toList();
    }

    public static Optional<EntityType> fromWire(String wire) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(wire)).findFirst();
    }
}
