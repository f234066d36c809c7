package dev.scopekeeper.security;

import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.OffsetPage;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform administrators list, create, disable or enable users, change their role and reset their
 * password. The last enabled administrator can be neither disabled nor demoted. Every change is
 * audited ({@link UserAdministered}) and reaches caches keyed by user and the user's browser sessions
 * ({@link UserAccountChanged}: every session of a disabled, demoted, promoted or reset user ends).
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
@UserCredentialsOnly
public class UserAdministrationService {

    /** A page of users: username, display name or e-mail contains {@code search}; role and enabled filters. */
    public record UserQuery(String search, PlatformRole role, Boolean enabled, int offset, int limit) {}

    /** A new account; the password must pass the usual strength rules. */
    public record NewUser(String username, String email, String password, PlatformRole role) {
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", email=" + email + ", role=" + role + "]";
        }
    }

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UserAdministrationService(
            UserRepository users,
            PasswordEncoder passwordEncoder,
            CurrentUser currentUser,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserProfile create(NewUser request) {
        String username = Credentials.username(request.username());
        String email = Credentials.email(request.email());
        Credentials.password("password", request.password(), null, username);
        if (request.role() == null) {
            throw new InvalidInput("role", "validation.platformRole.required");
        }
        if (users.existsByUsername(username)) {
            throw usernameTaken();
        }
        UserProfile created;
        try {
            created = users.saveAndFlush(new User(
                            username,
                            email,
                            username,
                            passwordEncoder.encode(request.password()),
                            request.role(),
                            clock.instant()))
                    .toProfile();
        } catch (DataIntegrityViolationException e) {
            throw usernameTaken();
        }
        events.publishEvent(new UserAdministered(
                UserAdministered.Kind.CREATED, created.id(), "username=" + username + ", role=" + created.role()));
        return created;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ListResult<UserProfile> list(UserQuery query) {
        OffsetPage page =
                OffsetPage.of(query.offset(), query.limit(), Sort.by("username").and(Sort.by("id")));
        Specification<User> spec = (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.search() != null && !query.search().isBlank()) {
                String like = "%"
                        + query.search()
                                .strip()
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%";
                where.add(cb.or(
                        cb.like(root.get("username"), like, '\\'),
                        cb.like(root.get("displayName"), like, '\\'),
                        cb.like(root.get("email"), like, '\\')));
            }
            if (query.role() != null) {
                where.add(cb.equal(root.get("role"), query.role()));
            }
            if (query.enabled() != null) {
                where.add(cb.equal(root.get("enabled"), query.enabled()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        return ListResult.of(users.findAll(spec, page), page, User::toProfile);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public UserProfile get(long userId) {
        return load(userId).toProfile();
    }

    /** Promotes or demotes; the last enabled administrator cannot be demoted. The user's tokens follow at once. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserProfile changeRole(long userId, PlatformRole role) {
        if (role == null) {
            throw new InvalidInput("role", "validation.platformRole.required");
        }
        User user = load(userId);
        PlatformRole previous = user.getRole();
        if (previous == role) {
            return user.toProfile();
        }
        if (previous == PlatformRole.ADMIN && user.isEnabled() && isLastEnabledAdmin(userId)) {
            throw new Conflict("role", "admin.users.lastAdminDemote");
        }
        user.changeRole(role);
        users.flush();
        events.publishEvent(new UserAccountChanged(userId));
        events.publishEvent(new UserAdministered(
                UserAdministered.Kind.ROLE_CHANGED,
                userId,
                "username=" + user.getUsername() + ", from=" + previous + ", to=" + role));
        return user.toProfile();
    }

    /**
     * Sets a new password (same strength rules as everywhere); the user signs in with it from now on. Their API
     * tokens and every browser session end.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserProfile resetPassword(long userId, String newPassword) {
        User user = load(userId);
        Credentials.password("password", newPassword, null, user.getUsername());
        user.changePasswordHash(passwordEncoder.encode(newPassword));
        user.invalidateTokens(clock.instant());
        users.flush();
        events.publishEvent(new UserAccountChanged(userId));
        events.publishEvent(
                new UserAdministered(UserAdministered.Kind.PASSWORD_RESET, userId, "username=" + user.getUsername()));
        return user.toProfile();
    }

    /**
     * The user can no longer sign in or use their tokens. Nobody disables themselves, and the last
     * enabled administrator stays enabled.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserProfile disable(long userId) {
        if (userId == currentUser.id()) {
            throw new Conflict(null, "admin.users.cannotDisableSelf");
        }
        User user = load(userId);
        if (user.isEnabled() && user.getRole() == PlatformRole.ADMIN && isLastEnabledAdmin(userId)) {
            throw new Conflict(null, "admin.users.lastAdmin");
        }
        boolean changed = user.isEnabled();
        user.setEnabled(false);
        user.invalidateTokens(clock.instant());
        events.publishEvent(new UserAccountChanged(userId));
        if (changed) {
            events.publishEvent(
                    new UserAdministered(UserAdministered.Kind.DISABLED, userId, "username=" + user.getUsername()));
        }
        return user.toProfile();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserProfile enable(long userId) {
        User user = load(userId);
        boolean changed = !user.isEnabled();
        user.setEnabled(true);
        events.publishEvent(new UserAccountChanged(userId));
        if (changed) {
            events.publishEvent(
                    new UserAdministered(UserAdministered.Kind.ENABLED, userId, "username=" + user.getUsername()));
        }
        return user.toProfile();
    }

    /**
     * A page of users whose username, display name or e-mail contains {@code text} (case-insensitive;
     * blank matches everyone), by username. For pickers such as "mint a token for".
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ListResult<UserProfile> search(String text, int offset, int limit) {
        return list(new UserQuery(text, null, null, offset, limit));
    }

    /** Locks the first enabled admins, so concurrent demotions and disablings serialize. */
    private boolean isLastEnabledAdmin(long userId) {
        return users.findTop2ByRoleAndEnabledTrueOrderByIdAsc(PlatformRole.ADMIN).stream()
                .allMatch(admin -> admin.getId() == userId);
    }

    private User load(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFound("admin.users.notFound"));
    }

    private static Conflict usernameTaken() {
        return new Conflict("username", "validation.username.taken");
    }
}
