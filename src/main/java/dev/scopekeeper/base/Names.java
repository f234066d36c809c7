package dev.scopekeeper.base;

import dev.scopekeeper.base.ServiceException.InvalidInput;

/** Names and descriptions typed by people: trimmed, required names, bounded lengths. */
public final class Names {

    public static final int NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 1024;

    private Names() {
    }

    /** A required name of at most {@value #NAME_MAX} characters, trimmed. */
    public static String name(String field, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInput(field, "validation.name.required");
        }
        if (trimmed.length() > NAME_MAX) {
            throw new InvalidInput(field, "validation.name.length", NAME_MAX);
        }
        return trimmed;
    }

    /** An optional description of at most {@value #DESCRIPTION_MAX} characters; null becomes "". */
    public static String description(String field, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.length() > DESCRIPTION_MAX) {
            throw new InvalidInput(field, "validation.description.length", DESCRIPTION_MAX);
        }
        return trimmed;
    }
}
