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

    /** The user as Spring Security would hold them after signing in (enabled flag included). */
    @Transactional(readOnly = true)
    public Optional<ScopekeeperPrincipal> principal(long userId) {
        return users.findById(userId).map(ScopekeeperPrincipal::of);
    }
}
