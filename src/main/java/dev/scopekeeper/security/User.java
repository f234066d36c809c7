package dev.scopekeeper.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A person who signs in. Only the service layer changes it; views see {@link UserProfile}. */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "username", nullable = false, length = 64, updatable = false)
    private String username;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private PlatformRole role;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Access and refresh tokens issued before this instant are refused (null: none so far). */
    @Column(name = "tokens_valid_after")
    private Instant tokensValidAfter;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected User() {}

    public User(
            String username,
            String email,
            String displayName,
            String passwordHash,
            PlatformRole role,
            Instant createdAt) {
        this.username = Objects.requireNonNull(username);
        this.email = Objects.requireNonNull(email);
        this.displayName = Objects.requireNonNull(displayName);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = Objects.requireNonNull(role);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.enabled = true;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public PlatformRole getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    public Instant getTokensValidAfter() {
        return tokensValidAfter;
    }

    /** Every API token issued until now stops working (millisecond precision, like the tokens' own). */
    void invalidateTokens(Instant now) {
        this.tokensValidAfter = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    void changeProfile(String displayName, String email) {
        this.displayName = Objects.requireNonNull(displayName);
        this.email = Objects.requireNonNull(email);
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash);
    }

    void changeRole(PlatformRole role) {
        this.role = Objects.requireNonNull(role);
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public UserProfile toProfile() {
        return new UserProfile(id, username, displayName, email, role, enabled);
    }
}
