package dev.scopekeeper.pat;

import dev.scopekeeper.TestDatabase;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** After {@link TestDatabase#reset()}: the token cache and the cached policy forget the deleted rows. */
@Component
class PatCachesAfterReset implements TestDatabase.AfterReset {

    private final PatCache cache;
    private final ApplicationEventPublisher events;

    PatCachesAfterReset(PatCache cache, ApplicationEventPublisher events) {
        this.cache = cache;
        this.events = events;
    }

    @Override
    public void afterDatabaseReset() {
        cache.evictAll();
        events.publishEvent(new PatPolicySource.PolicyChanged());
    }
}
