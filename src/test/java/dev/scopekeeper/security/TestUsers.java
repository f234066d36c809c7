package dev.scopekeeper.security;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates users straight in the database and signs them in for tests. */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final UserRepository users;
    private final SetupMarkerRepository markers;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<
            org.springframework.security.core.context.SecurityContextHolderStrategy> strategy;

    TestUsers(UserRepository users, SetupMarkerRepository markers, PasswordEncoder passwordEncoder, Clock clock,
            org.springframework.beans.factory.ObjectProvider<
                    org.springframework.security.core.context.SecurityContextHolderStrategy> strategy) {
        this.strategy = strategy;
        this.users = users;
        this.markers = markers;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** A new enabled user with a unique username starting with {@code prefix} and password {@link #PASSWORD}. */
    @Transactional
    public UserProfile create(String prefix, PlatformRole role) {
        String username = prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        User user = users.saveAndFlush(new User(username, username + "@example.com", prefix + " Tester",
                passwordEncoder.encode(PASSWORD), role, clock.instant()));
        if (!markers.existsById(SetupMarker.ID)) {
            markers.insertMarker(clock.instant(), user.getId());
        }
        return user.toProfile();
    }

    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        users.findById(userId).orElseThrow().setEnabled(enabled);
    }

    @Transactional
    public void setRole(long userId, PlatformRole role) {
        users.findById(userId).orElseThrow().changeRole(role);
    }

    /** Puts the user into the security context of the current thread (services and browserless views). */
    public void signIn(UserProfile user) {
        User entity = users.findById(user.id()).orElseThrow();
        ScopekeeperPrincipal principal = ScopekeeperPrincipal.of(entity);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        // Each Spring context installs its own strategy globally; a cached context started earlier keeps
        // reading its own instance, so set the context there too.
        strategy.ifAvailable(own -> own.setContext(context));
    }

    /** Puts back a context saved earlier (see {@code TestDomains.as}), in both places {@link #signIn} sets. */
    public void restore(SecurityContext context) {
        SecurityContextHolder.setContext(context);
        strategy.ifAvailable(own -> own.setContext(context));
    }

    public void signOut() {
        SecurityContextHolder.clearContext();
        strategy.ifAvailable(own -> own.clearContext());
    }

    public boolean passwordMatches(long userId, String password) {
        return passwordEncoder.matches(password, users.findById(userId).orElseThrow().getPasswordHash());
    }
}
