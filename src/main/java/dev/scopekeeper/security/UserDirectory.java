package dev.scopekeeper.security;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks users up by id for other features' services (names to show, the owner behind a token).
 * No access check of its own: callers are services that have done theirs; views never use it
 * (they go through a feature's service).
 */
@Component
public class UserDirectory {

    private final UserRepository users;

    UserDirectory(UserRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public Optional<UserProfile> find(long userId) {
        return users.findById(userId).map(User::toProfile);
    }

    /** Usernames by id, in one query (for lists showing owners). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> usernames(java.util.Collection<Long> userIds) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        if (!userIds.isEmpty()) {
            users.findAllById(userIds).forEach(u -> names.put(u.getId(), u.getUsername()));
        }
        return names;
    }

    /** The user as Spring Security would hold them after signing in (enabled flag included). */
    @Transactional(readOnly = true)
    public Optional<ScopekeeperPrincipal> principal(long userId) {
        return users.findById(userId).map(ScopekeeperPrincipal::of);
    }
}
