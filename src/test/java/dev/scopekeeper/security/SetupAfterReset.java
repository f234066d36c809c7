package dev.scopekeeper.security;

import dev.scopekeeper.TestDatabase;
import org.springframework.stereotype.Component;

/** After {@link TestDatabase#reset()} there is no user: setup is open again. */
@Component
class SetupAfterReset implements TestDatabase.AfterReset {

    private final SetupService setup;

    SetupAfterReset(SetupService setup) {
        this.setup = setup;
    }

    @Override
    public void afterDatabaseReset() {
        setup.forgetCachedCompletion();
    }
}
