package dev.scopekeeper.security;

import dev.scopekeeper.base.ServiceException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First run: while no user exists, anyone reaching the server may create the first administrator,
 * exactly once. Completion is the insert of a single fixed-key row in the same transaction as the
 * user, so two racing requests cannot both succeed.
 */
@Service
public class SetupService {

    private final UserRepository users;
    private final SetupMarkerRepository markers;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final AtomicBoolean completed = new AtomicBoolean();
    private final TransactionTemplate readOnly;

    SetupService(
            UserRepository users,
            SetupMarkerRepository markers,
            PasswordEncoder passwordEncoder,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.users = users;
        this.markers = markers;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * True once any user exists. Cached after the first true answer: setup never reopens. The cached answer needs
     * no database, not even a transaction's connection: every page asks ({@code SetupGate}), and while the database
     * is down a page must still be able to say so (issue 13; before, {@code @Transactional} took a connection
     * first and the "database unavailable" page itself failed).
     */
    @PreAuthorize("permitAll()")
    public boolean isSetupComplete() {
        if (completed.get()) {
            return true;
        }
        boolean done = Boolean.TRUE.equals(
                readOnly.execute(status -> markers.existsById(SetupMarker.ID) || users.count() > 0));
        if (done) {
            completed.set(true);
        }
        return done;
    }

    /**
     * For tests only (package-private; called by the test helper that empties the database of a running test
     * context, {@code dev.scopekeeper.TestDatabase}): forgets the cached answer of {@link #isSetupComplete()}.
     */
    void forgetCachedCompletion() {
        completed.set(false);
    }

    /** The form's input; the password is checked for strength and against its confirmation. */
    public record FirstAdmin(
            String username, String email, String displayName, String password, String confirmPassword) {

        @Override
        public String toString() {
            return "FirstAdmin[username=" + username + ", email=" + email + "]";
        }
    }

    @PreAuthorize("permitAll()")
    @Transactional
    public UserProfile createFirstAdmin(FirstAdmin request) {
        if (isSetupComplete()) {
            throw new SetupAlreadyCompleted();
        }
        String username = Credentials.username(request.username());
        String email = Credentials.email(request.email());
        String displayName = Credentials.displayName(request.displayName(), username);
        Credentials.password("password", request.password(), request.confirmPassword(), username);
        User admin;
        try {
            admin = users.saveAndFlush(new User(
                    username,
                    email,
                    displayName,
                    passwordEncoder.encode(request.password()),
                    PlatformRole.ADMIN,
                    clock.instant()));
            markers.insertMarker(clock.instant(), admin.getId());
        } catch (DataIntegrityViolationException e) {
            completed.set(true);
            throw new SetupAlreadyCompleted();
        }
        completed.set(true);
        return admin.toProfile();
    }

    /** Someone (another browser, the environment bootstrap) finished setup first. */
    public static class SetupAlreadyCompleted extends ServiceException.Conflict {
        SetupAlreadyCompleted() {
            super(null, "setup.alreadyCompleted");
        }
    }
}
