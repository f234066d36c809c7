package dev.scopekeeper.domains;

import java.util.Locale;

public enum InvitationState {
    PENDING,
    ACCEPTED,
    REJECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
