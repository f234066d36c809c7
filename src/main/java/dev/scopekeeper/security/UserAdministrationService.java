package dev.scopekeeper.security;

import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.OffsetPage;
import java.time.Clock;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Platform administrators create users and disable or enable them. */
@Service
public class UserAdministrationService {

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

    UserAdministrationService(UserRepository users, PasswordEncoder passwordEncoder, CurrentUser currentUser,
            Clock clock, ApplicationEventPublisher events) {
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
        try {
            return users.saveAndFlush(new User(username, email, username, passwordEncoder.encode(request.password()),
                    request.role(), clock.instant())).toProfile();
        } catch (DataIntegrityViolationException e) {
            throw usernameTaken();
        }
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
        if (user.isEnabled() && user.getRole() == PlatformRole.ADMIN
                && users.findTop2ByRoleAndEnabledTrueOrderByIdAsc(PlatformRole.ADMIN).stream()
                        .allMatch(admin -> admin.getId() == userId)) {
            throw new Conflict(null, "admin.users.lastAdmin");
        }
        user.setEnabled(false);
        events.publishEvent(new UserAccountChanged(userId));
        return user.toProfile();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserProfile enable(long userId) {
        User user = load(userId);
        user.setEnabled(true);
        events.publishEvent(new UserAccountChanged(userId));
        return user.toProfile();
    }

    /**
     * A page of users whose username, display name or e-mail contains {@code text} (case-insensitive;
     * blank matches everyone), by username. For pickers such as "mint a token for".
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ListResult<UserProfile> search(String text, int offset, int limit) {
        OffsetPage page = OffsetPage.of(offset, limit, Sort.by("username"));
        Specification<User> spec = (root, q, cb) -> cb.conjunction();
        if (text != null && !text.isBlank()) {
            String pattern = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%";
            spec = (root, q, cb) -> cb.or(cb.like(cb.lower(root.get("username")), pattern, '\\'),
                    cb.like(cb.lower(root.get("displayName")), pattern, '\\'),
                    cb.like(cb.lower(root.get("email")), pattern, '\\'));
        }
        return ListResult.of(users.findAll(spec, page), page, User::toProfile);
    }

    private User load(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFound("admin.users.notFound"));
    }

    private static Conflict usernameTaken() {
        return new Conflict("username", "validation.username.taken");
    }
}
