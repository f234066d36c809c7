package dev.scopekeeper.pat;

import dev.scopekeeper.base.ServiceException.InvalidInput;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The lifecycle rules beside the token policy: when owners are warned before a token expires, and how long
 * a regeneration may keep the old secret working.
 *
 * @param warnDays days before expiry at which the owner is mailed, largest first (empty = no warnings)
 * @param maxGrace the longest grace a regeneration may ask for ({@link PatGrace#NONE} forbids it)
 */
public record PatLifecyclePolicy(List<Integer> warnDays, PatGrace maxGrace) {

    public static final int MAX_WARN_DAYS = 365;
    public static final PatLifecyclePolicy DEFAULT = new PatLifecyclePolicy(List.of(30, 7, 1), PatGrace.SEVEN_DAYS);

    public PatLifecyclePolicy {
        warnDays = List.copyOf(warnDays);
        if (maxGrace == null) {
            maxGrace = PatGrace.NONE;
        }
    }

    /** "30, 7, 1" → [30, 7, 1]: distinct, 1…365, largest first; refused on the field {@code warnDays}. */
    public static List<Integer> parseWarnDays(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            List<Integer> days = Arrays.stream(text.split("[,\\s]+"))
                    .filter(s -> !s.isBlank())
                    .map(s -> Integer.parseInt(s.strip()))
                    .distinct()
                    .sorted((a, b) -> b - a)
                    .toList();
            if (days.stream().anyMatch(d -> d < 1 || d > MAX_WARN_DAYS) || days.size() > 10) {
                throw new InvalidInput("warnDays", "admin.lifecycle.validation.warnDays", MAX_WARN_DAYS);
            }
            return days;
        } catch (NumberFormatException e) {
            throw new InvalidInput("warnDays", "admin.lifecycle.validation.warnDays", MAX_WARN_DAYS);
        }
    }

    public String warnDaysText() {
        return warnDays.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
