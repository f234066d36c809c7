package dev.scopekeeper.base;

import dev.scopekeeper.base.ServiceException.InvalidInput;

/**
 * Names and descriptions typed by people: trimmed, required names, bounded lengths, and only characters
 * {@link Texts#isClean} allows (single-line names, multi-line descriptions).
 */
public final class Names {

    public static final int NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 1024;

    private Names() {}

    /** A required name of at most {@value #NAME_MAX} characters, trimmed. */
    public static String name(String field, String value) {
        requireClean(field, value, false, "validation.name.characters");
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
        requireClean(field, value, true, "validation.description.characters");
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.length() > DESCRIPTION_MAX) {
            throw new InvalidInput(field, "validation.description.length", DESCRIPTION_MAX);
        }
        return trimmed;
    }

    /** Refuses text {@link Texts#isClean} does not allow, with this message (which names the field). */
    public static void requireClean(String field, String value, boolean multiline, String messageKey) {
        if (!Texts.isClean(value, multiline)) {
            throw new InvalidInput(field, messageKey);
        }
    }
}
