package dev.scopekeeper.authz;

import dev.scopekeeper.TestDatabase;
import org.springframework.stereotype.Component;

/** After {@link TestDatabase#reset()}: the cached access facts forget the deleted users, domains and members. */
@Component
class AccessFactsAfterReset implements TestDatabase.AfterReset {

    private final AccessFactsCache cache;

    AccessFactsAfterReset(AccessFactsCache cache) {
        this.cache = cache;
    }

    @Override
    public void afterDatabaseReset() {
        cache.evictAll();
    }
}
