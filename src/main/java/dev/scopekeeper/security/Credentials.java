package dev.scopekeeper.security;

import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Rules for usernames, e-mail addresses, display names and passwords, shared by setup, profile and admin. */
public final class Credentials {

    public static final int PASSWORD_MIN = 12;
    public static final int PASSWORD_MAX = 128;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Set<String> COMMON = Set.of(
            "password1234",
            "123456789012",
            "qwertyuiopas",
            "passwordpassword",
            "iloveyou1234",
            "administrator",
            "changeme1234",
            "letmein12345",
            "welcome12345",
            "scopekeeper1",
            "1234567890ab",
            "abcdefghijkl",
            "qwerty123456");

    private Credentials() {}

    public static String username(String value) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInput("username", "validation.username.required");
        }
        if (!USERNAME.matcher(trimmed).matches()) {
            throw new InvalidInput("username", "validation.username.format");
        }
        return trimmed;
    }

    public static String email(String value) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInput("email", "validation.email.required");
        }
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            throw new InvalidInput("email", "validation.email.format");
        }
        return trimmed;
    }

    public static String displayName(String value, String fallback) {
        Names.requireClean("displayName", value, false, "validation.displayName.characters");
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            return fallback;
        }
        if (trimmed.length() > 100) {
            throw new InvalidInput("displayName", "validation.displayName.length", 100);
        }
        return trimmed;
    }

    /**
     * Length over composition (NIST SP 800-63B): 12 to 128 characters, not a well-known password,
     * not one repeated character, and not containing the username.
     */
    public static void password(String field, String password, String confirmation, String username) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInput(field, "validation.password.required");
        }
        if (password.length() < PASSWORD_MIN) {
            throw new InvalidInput(field, "validation.password.short", PASSWORD_MIN);
        }
        if (password.length() > PASSWORD_MAX) {
            throw new InvalidInput(field, "validation.password.long", PASSWORD_MAX);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            throw new InvalidInput(field, "validation.password.weak");
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidInput(field, "validation.password.containsUsername");
        }
        if (confirmation != null && !confirmation.equals(password)) {
            throw new InvalidInput("confirmPassword", "validation.password.mismatch");
        }
    }
}
