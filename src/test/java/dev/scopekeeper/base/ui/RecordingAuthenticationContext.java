package dev.scopekeeper.base.ui;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The test contexts' {@link AuthenticationContext} (Vaadin's own is {@code @ConditionalOnMissingBean}): the real
 * one, except that a test may have {@link #logout()} counted instead of performed, where the mock servlet session
 * of a browserless test cannot be invalidated mid-request. Replaces a {@code @MockitoSpyBean}, which would start
 * a Spring context of its own.
 */
@Component
public class RecordingAuthenticationContext extends AuthenticationContext {

    private volatile boolean recording;
    private final AtomicInteger logouts = new AtomicInteger();

    /** From now on {@link #logout()} is only counted; {@link #stopRecording()} restores the real one. */
    public void recordLogoutsInsteadOfPerformingThem() {
        logouts.set(0);
        recording = true;
    }

    public void stopRecording() {
        recording = false;
    }

    /** Logouts since {@link #recordLogoutsInsteadOfPerformingThem()}. */
    public int recordedLogouts() {
        return logouts.get();
    }

    @Override
    public void logout() {
        if (recording) {
            logouts.incrementAndGet();
            return;
        }
        super.logout();
    }
}
