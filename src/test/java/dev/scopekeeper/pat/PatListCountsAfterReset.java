package dev.scopekeeper.pat;

import dev.scopekeeper.TestDatabase;
import org.springframework.stereotype.Component;

/** After {@link TestDatabase#reset()}: the PAT lists' kept totals forget the deleted rows. */
@Component
class PatListCountsAfterReset implements TestDatabase.AfterReset {

    private final PatListCounts counts;

    PatListCountsAfterReset(PatListCounts counts) {
        this.counts = counts;
    }

    @Override
    public void afterDatabaseReset() {
        counts.evictAll();
    }
}
