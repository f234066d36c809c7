package dev.scopekeeper.security;

/** What the UI and API may know about a user. Never carries the password hash. */
public record UserProfile(
        long id, String username, String displayName, String email, PlatformRole role, boolean enabled) {

    public boolean isAdmin() {
        return role == PlatformRole.ADMIN;
    }

    /** Two letters for the avatar. */
    public String initials() {
        String source = displayName.isBlank() ? username : displayName;
        String[] parts = source.trim().split("\\s+");
        if (parts.length >= 2) {
            return (parts[0].substring(0, 1) + parts[parts.length - 1].substring(0, 1)).toUpperCase();
        }
        return source.substring(0, Math.min(2, source.length())).toUpperCase();
    }
}
