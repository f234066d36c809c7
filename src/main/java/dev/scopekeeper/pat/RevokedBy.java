package dev.scopekeeper.pat;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/**
 * Who revoked a token ({@code revoked_by} in the API and the {@code pat} table). Only the owner's own
 * revocation can be undone by the owner (regenerate); every other one is final for the owner until a platform
 * administrator lifts it.
 */
public enum RevokedBy {
    OWNER,
    ADMINISTRATOR,
    DOMAIN_ADMIN,
    POLICY,
    LEAK_REPORT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the owner may not undo it by regenerating the token. */
    public boolean finalForOwner() {
        return this != OWNER;
    }

    /** Translation key naming who revoked, e.g. "an administrator". */
    public String labelKey() {
        return "pat.revokedBy." + wireName();
    }

    static RevokedBy fromWire(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Stored as the wire name, as the changeset documents. */
    @Converter
    static class Column implements AttributeConverter<RevokedBy, String> {

        @Override
        public String convertToDatabaseColumn(RevokedBy value) {
            return value == null ? null : value.wireName();
        }

        @Override
        public RevokedBy convertToEntityAttribute(String value) {
            return fromWire(value);
        }
    }
}
