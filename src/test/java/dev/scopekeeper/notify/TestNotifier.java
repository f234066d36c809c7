package dev.scopekeeper.notify;

import org.springframework.stereotype.Component;

/** Lets tests in other packages (journeys) run the expiry notifier now, as its schedule would. */
@Component
public class TestNotifier {

    private final ExpiryNotifier notifier;

    TestNotifier(ExpiryNotifier notifier) {
        this.notifier = notifier;
    }

    public int runExpiryNotices() {
        return notifier.run();
    }
}
