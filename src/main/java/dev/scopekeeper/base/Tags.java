package dev.scopekeeper.base;

import dev.scopekeeper.base.ServiceException.InvalidInput;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tags: at most {@value #MAX_COUNT} distinct strings of 1..{@value #MAX_LENGTH} characters without commas.
 * Stored in one column as {@code ,a,b,} so a tag filter is {@code tags LIKE '%,a,%'} within a domain's rows.
 */
public final class Tags {

    public static final int MAX_COUNT = 20;
    public static final int MAX_LENGTH = 64;
    /** Column width: every tag at full length plus its separators. */
    public static final int COLUMN_LENGTH = MAX_COUNT * (MAX_LENGTH + 1) + 1;

    private Tags() {}

    /** Trimmed, de-duplicated (first occurrence wins) and checked; null means no tags. */
    public static List<String> validate(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (String tag : tags) {
            String trimmed = tag == null ? "" : tag.strip();
            if (trimmed.isEmpty()) {
                throw new InvalidInput("tags", "validation.tags.blank");
            }
            if (trimmed.length() > MAX_LENGTH) {
                throw new InvalidInput("tags", "validation.tags.length", MAX_LENGTH);
            }
            if (trimmed.indexOf(',') >= 0 || !Texts.isClean(trimmed, false)) {
                throw new InvalidInput("tags", "validation.tags.characters");
            }
            result.add(trimmed);
        }
        if (result.size() > MAX_COUNT) {
            throw new InvalidInput("tags", "validation.tags.count", MAX_COUNT);
        }
        return List.copyOf(result);
    }

    /** The LIKE pattern (escape character {@code \}) that finds rows carrying the tag. */
    static String likePattern(String tag) {
        return "%," + ListSpecs.escapeLike(tag.strip()) + ",%";
    }

    @Converter
    public static class ColumnConverter implements AttributeConverter<List<String>, String> {

        @Override
        public String convertToDatabaseColumn(List<String> tags) {
            return tags == null || tags.isEmpty() ? "" : "," + String.join(",", tags) + ",";
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            if (column == null || column.isEmpty()) {
                return List.of();
            }
            return List.copyOf(new ArrayList<>(
                    Arrays.asList(column.substring(1, column.length() - 1).split(","))));
        }
    }
}
