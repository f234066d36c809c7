package dev.scopekeeper.domains.ui;

import java.util.Arrays;
import java.util.List;

/** Small helpers the domain forms share. */
final class DomainForms {

    private DomainForms() {}

    /** Comma-separated tags as typed; the service validates them. */
    static List<String> tags(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
    }
}
