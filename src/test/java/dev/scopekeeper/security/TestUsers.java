package dev.scopekeeper.security;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates users straight in the database and signs them in for tests. */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserRepository users;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final SetupMarkerRepository markers;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final SecurityContextHolderStrategy strategy;

    /**
     * Signs in through this context's own {@link SecurityContextHolderStrategy} (the one its method security
     * reads): a Spring context started later by another test class replaces the static holder's strategy, and a
     * cached context must not then look at the wrong one.
     */
    TestUsers(
            UserRepository users,
            SetupMarkerRepository markers,
            PasswordEncoder passwordEncoder,
            Clock clock,
            ObjectProvider<SecurityContextHolderStrategy> strategy,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.markers = markers;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.strategy = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** A new enabled user with a unique username starting with {@code prefix} and password {@link #PASSWORD}. */
    @Transactional
    public UserProfile create(String prefix, PlatformRole role) {
        String username = prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        User user = users.saveAndFlush(new User(
                username,
                username + "@example.com",
                prefix + " Tester",
                passwordEncoder.encode(PASSWORD),
                role,
                clock.instant()));
        if (!markers.existsById(SetupMarker.ID)) {
            markers.insertMarker(clock.instant(), user.getId());
        }
        return user.toProfile();
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        users.findById(userId).orElseThrow().setEnabled(enabled);
        // as UserAdministrationService does: caches keyed by user (PAT owners, access facts) look again
        events.publishEvent(new UserAccountChanged(userId));
    }

    @Transactional
    public void setRole(long userId, PlatformRole role) {
        users.findById(userId).orElseThrow().changeRole(role);
        events.publishEvent(new UserAccountChanged(userId));
    }

    /** Puts the user into the security context of the current thread (services and browserless views). */
    public void signIn(UserProfile user) {
        User entity = users.findById(user.id()).orElseThrow();
        ScopekeeperPrincipal principal = ScopekeeperPrincipal.of(entity);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        strategy.setContext(context);
        SecurityContextHolder.setContext(context);
    }

    /** Whoever is signed in on this thread for this context (to put back with {@link #restore}). */
    public SecurityContext currentContext() {
        return strategy.getContext();
    }

    public void restore(SecurityContext context) {
        strategy.setContext(context);
        SecurityContextHolder.setContext(context);
    }

    public void signOut() {
        strategy.clearContext();
        SecurityContextHolder.clearContext();
    }

    public boolean passwordMatches(long userId, String password) {
        return passwordEncoder.matches(
                password, users.findById(userId).orElseThrow().getPasswordHash());
    }
}
